import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { SurveyView } from '@plenum/protocol';
import '../define.js';
import { StubRoom } from '../stub-room.js';
import { sampleSurvey as feedback, type WidgetArgs as Args, widgetControls } from '../testing.js';

/** The stub's server keeps what was sent as the participant's answers. */
function room(survey: SurveyView): StubRoom {
  const stub = new StubRoom({ surveys: [survey] });
  stub.answer = (action) => {
    if (action.type === 'survey-answer') stub.update({}, { surveys: { [action.survey]: action.answers } });
  };
  return stub;
}

const view = (args: Args, connection: StubRoom) =>
  html`<div style=${args.wrapper} lang=${args.lang}>
    <plenum-survey .connection=${connection} theme=${args.theme}></plenum-survey>
  </div>`;

const meta: Meta<Args> = {
  title: 'Widgets/Survey',
  component: 'plenum-survey',
  render: (args) => view(args, room(feedback)),
  ...widgetControls,
};
export default meta;
type Story = StoryObj<Args>;

export const Open: Story = {};
export const ClosedWithResults: Story = {
  render: (a) =>
    view(
      a,
      room({
        ...feedback,
        status: 'closed',
        resultsVisible: true,
        responses: 2,
        results: [
          {
            kind: 'rating',
            distribution: [0, 0, 0, 1, 1],
            percentages: [0, 0, 0, 50, 50],
            average: 4.5,
            responses: 2,
          },
          { kind: 'single', counts: [2, 0], percentages: [100, 0], responses: 2 },
          { kind: 'multiple', counts: [1, 2, 0], percentages: [50, 100, 0], responses: 2 },
          { kind: 'open', answers: [{ text: 'More breaks', count: 2 }], responses: 2 },
        ],
      }),
    ),
};
