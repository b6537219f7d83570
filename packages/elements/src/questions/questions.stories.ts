import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MineView, RoomView } from '@plenum/protocol';
import '../define.js';
import { emptyRoom, FakeRoom, fakeQuestion } from '../fake-room.js';

const now = Date.now();
const minutes = (n: number) => now - n * 60_000;

const questions = [
  fakeQuestion({
    id: 'q1',
    text: 'How do you make sure the new portal meets WCAG 2.1 AA?',
    name: 'Jana',
    upvotes: 14,
    createdAt: minutes(20),
  }),
  fakeQuestion({
    id: 'q2',
    text: 'Will the slides be published?',
    upvotes: 9,
    createdAt: minutes(15),
    pinned: true,
  }),
  fakeQuestion({
    id: 'q3',
    text: 'What does the rollout look like for small municipalities?',
    upvotes: 3,
    createdAt: minutes(4),
  }),
  fakeQuestion({
    id: 'q4',
    text: 'Is the source code open?',
    upvotes: 21,
    createdAt: minutes(30),
    highlighted: true,
  }),
  fakeQuestion({
    id: 'q5',
    text: 'Can I join the pilot as a county?',
    createdAt: minutes(1),
    status: 'review',
  }),
  fakeQuestion({
    id: 'q6',
    text: 'Which identity provider do you use?',
    upvotes: 7,
    status: 'answered',
    reply: 'BundID for citizens, the state directory for staff.',
    createdAt: minutes(40),
    answeredAt: minutes(10),
  }),
];

const mine: MineView = { questions: ['q5', 'q3'], upvoted: ['q1'], votes: {} };
const room = (view: Partial<RoomView> = {}) =>
  new FakeRoom({ state: emptyRoom({ questions, ...view }), mine });

interface Args {
  connection?: FakeRoom;
  lang: string;
  theme: string;
  sort: string;
  askName: boolean;
  wrapper: string;
}

const view = (args: Args, connection: FakeRoom) =>
  html`<div style=${args.wrapper} lang=${args.lang}>
    <plenum-questions
      .connection=${connection}
      theme=${args.theme}
      sort=${args.sort}
      ?ask-name=${args.askName}
    ></plenum-questions>
  </div>`;

const meta: Meta<Args> = {
  title: 'Widgets/Questions',
  component: 'plenum-questions',
  render: (args) => view(args, args.connection ?? room()),
  args: { lang: 'en', theme: 'light', sort: 'popular', askName: false, wrapper: 'max-width: 40rem' },
  argTypes: {
    connection: { control: false },
    lang: { control: 'inline-radio', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    sort: { control: 'inline-radio', options: ['popular', 'recent'] },
  },
};
export default meta;
type Story = StoryObj<Args>;

// Each story makes its own room when rendered, so stories never share state.
const story = (make: () => FakeRoom, args: Partial<Args> = {}): Story => ({
  args,
  render: (a) => view(a, make()),
});

export const ManyQuestions = story(() => room());
export const Empty = story(() => new FakeRoom({ state: emptyRoom() }));
export const Loading = story(() => new FakeRoom());
export const Offline = story(
  () => new FakeRoom({ state: emptyRoom({ questions }), mine, status: 'offline' }),
);
export const Reconnecting = story(
  () => new FakeRoom({ state: emptyRoom({ questions }), mine, status: 'reconnecting' }),
);
export const LongText = story(
  () =>
    new FakeRoom({
      state: emptyRoom({
        questions: [
          fakeQuestion({ id: 'l1', text: 'Donaudampfschifffahrtsgesellschaftskapitän'.repeat(8) }),
          fakeQuestion({ id: 'l2', text: 'A long question. '.repeat(29), name: 'N'.repeat(60) }),
        ],
      }),
    }),
  { wrapper: 'max-width: 280px' },
);
export const AwaitingModeration = story(
  () =>
    new FakeRoom({
      state: emptyRoom({ moderation: 'pre', questions: [questions[4]!, questions[0]!] }),
      mine: { questions: ['q5'], upvoted: [], votes: {} },
    }),
  { askName: true },
);
export const Answered = story(() =>
  room({ questions: [questions[5]!, { ...questions[0]!, status: 'answered' }] }),
);
export const Highlighted = story(() => room({ questions: [questions[3]!, questions[1]!, questions[2]!] }));
export const WithName = story(() => room(), { askName: true });
export const Recent = story(() => room(), { sort: 'recent' });
export const Dark = story(() => room(), { theme: 'dark' });
export const German = story(() => room(), { lang: 'de', askName: true });
export const CustomTheme = story(() => room(), {
  wrapper:
    'max-width: 40rem; --plenum-accent: #7a1fa2; --plenum-radius: 0; --plenum-font: Georgia, serif; --plenum-spacing: 0.75rem; --plenum-border: #7a1fa2',
});
/** Others keep asking: a new question every 3 s (ten in all). */
export const Live: Story = {
  render: (args) => {
    const connection = room();
    let n = 0;
    const timer = setInterval(() => {
      connection.addQuestion({ text: `A question from the floor, number ${++n}`, upvotes: n % 4 });
      if (n === 10) clearInterval(timer);
    }, 3000);
    return view(args, connection);
  },
};
