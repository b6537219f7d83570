import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeQuestion } from '@plenum/elements';
import { fakePoll, samplePolls } from '@plenum/elements/testing';
import type { RoomView, Screen } from '@plenum/protocol';
import { hostRoom } from './fake-host.js';
import { langControl, type LangArgs } from './story-helpers.js';
import './elements.js';

const { cloud, rating } = samplePolls;
const bars = fakePoll({
  id: 'bars',
  title: 'Which session do you attend next?',
  kind: 'single',
  options: ['Keynote: the digital town hall', 'Workshop: plain language', 'Panel: open data'],
  counts: [12, 7, 4],
});
const questions = [
  fakeQuestion({ id: 'q1', text: 'When does the digital passport come?', name: 'Ada', upvotes: 12 }),
  fakeQuestion({ id: 'q2', text: 'Who pays for the new bridge?', upvotes: 7 }),
  fakeQuestion({ id: 'q3', text: 'Will the slides be published?', upvotes: 2, status: 'answered' }),
];

const meta: Meta<LangArgs> = {
  title: 'Console/Big screen',
  component: 'plenum-console-present',
  ...langControl,
  // The view fits itself to the window, as on a projector.
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<LangArgs>;

/** What the host put on screen, in the room's language. */
const story = (screen: Screen, view: Partial<RoomView> = {}): Story => ({
  render: ({ lang }) => {
    const room = hostRoom({
      title: 'Town hall',
      lang,
      polls: [rating, cloud, bars],
      questions,
      screen,
      ...view,
    });
    return html`<plenum-console-present room="town-hall" .connection=${room}></plenum-console-present>`;
  },
});

export const Join = story({ show: 'join' });
export const PollBars = story({ show: 'poll', poll: bars.id });
export const WordCloud = story({ show: 'poll', poll: cloud.id });
export const Rating = story({ show: 'poll', poll: rating.id });
export const OneQuestion = story({ show: 'question', question: 'q1' });
export const TopQuestions = story({ show: 'questions' });
export const Blank = story({ show: 'blank' });
export const German: Story = { ...Rating, args: { lang: 'de' } };
