import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { SurveyView } from '@plenum/protocol';
import '../define.js';
import { StubRoom } from '../stub-room.js';
import {
  sampleSurvey as feedback,
  sampleSurveyClosed as closed,
  type WidgetArgs as Args,
  widgetControls,
} from '../testing.js';

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
  render: (a) => view(a, room(closed)),
};
