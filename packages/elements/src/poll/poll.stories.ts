import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { percentages, type PollView } from '@plenum/protocol';
import '../define.js';
import { emptyRoom, FakeRoom, roomWithPoll } from '../fake-room.js';
import { fakePoll, samplePolls, type WidgetArgs as Args, widgetControls } from '../testing.js';

// Results as the server sends them: the protocol works out percentages and averages.
const polls = {
  single: fakePoll({
    id: 'single',
    title: 'Which session do you attend next?',
    kind: 'single',
    options: ['Keynote: the digital town hall', 'Workshop: plain language', 'Panel: open data'],
    counts: [12, 7, 4],
  }),
  multiple: fakePoll({
    id: 'multiple',
    title: 'Which topics matter most to you? (up to 2)',
    kind: 'multiple',
    options: ['Privacy', 'Accessibility', 'Open data', 'Security'],
    maxChoices: 2,
    counts: [9, 14, 5, 7],
    responses: 18,
    createdAt: 2,
  }),
  open: samplePolls.cloud,
  rating: fakePoll({
    id: 'rating',
    title: 'How useful was this talk?',
    kind: 'rating',
    counts: [1, 0, 3, 9, 7],
    createdAt: 4,
  }),
};

const room = roomWithPoll;

const view = (args: Args, connection: FakeRoom) =>
  html`<div style=${args.wrapper} lang=${args.lang}>
    <plenum-poll .connection=${connection} theme=${args.theme}></plenum-poll>
  </div>`;

const meta: Meta<Args> = {
  title: 'Widgets/Poll',
  component: 'plenum-poll',
  render: (args) => view(args, room(polls.single)),
  ...widgetControls,
};
export default meta;
type Story = StoryObj<Args>;

const story = (make: () => FakeRoom, args: Partial<Args> = {}): Story => ({
  args,
  render: (a) => view(a, make()),
});
const closed = (poll: PollView): PollView => ({ ...poll, status: 'closed' });
const hidden = (poll: PollView): PollView => ({ ...poll, resultsVisible: false, results: undefined });

export const SingleOpen = story(() => room(polls.single));
export const SingleVoted = story(() => room(polls.single, 1));
export const SingleClosed = story(() => room(closed(polls.single), 0));
export const MultipleOpen = story(() => room(polls.multiple, [1]));
export const MultipleClosed = story(() => room(closed(polls.multiple), [1, 3]));
export const OpenTextOpen = story(() => room(polls.open));
export const OpenTextClosed = story(() => room(closed(polls.open), 'practical'));
export const RatingOpen = story(() => room(polls.rating));
export const RatingClosed = story(() => room(closed(polls.rating), 4));
export const HiddenResults = story(() => room(hidden(polls.single)));
export const NoPoll = story(() => room(null));
export const Loading = story(() => new FakeRoom());
export const Offline = story(
  () =>
    new FakeRoom({ state: emptyRoom({ polls: [polls.single], currentPoll: 'single' }), status: 'offline' }),
);
export const Narrow = story(() => room(polls.multiple), { wrapper: 'max-width: 280px' });
export const Dark = story(() => room(polls.rating, 5), { theme: 'dark' });
export const German = story(() => room(polls.multiple), { lang: 'de' });
export const CustomTheme = story(() => room(polls.single, 2), {
  wrapper: 'max-width: 32rem; --plenum-accent: #006b3c; --plenum-radius: 1rem; --plenum-font: Georgia, serif',
});
/** Results arrive while you watch: hidden first, then moving every 2 s. */
export const LiveResults: Story = {
  render: (args) => {
    const connection = room(hidden(polls.single));
    let step = 0;
    const timer = setInterval(() => {
      step++;
      const counts = [12 + step * 2, 7 + step, 4 + (step % 3)];
      const total = counts.reduce((a, b) => a + b, 0);
      // The fake room counts these votes with the model, as the server would.
      connection.updatePoll('single', {
        resultsVisible: true,
        results: { kind: 'single', counts, percentages: percentages(counts), responses: total },
      });
      if (step === 15) clearInterval(timer);
    }, 2000);
    return view(args, connection);
  },
};
