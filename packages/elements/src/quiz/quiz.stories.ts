import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MineView, QuizQuestionView, QuizView } from '@plenum/protocol';
import '../define.js';
import { StubRoom } from '../stub-room.js';
import { type WidgetArgs as Args, widgetControls } from '../testing.js';

const question = (startedAt: number): QuizQuestionView => ({
  index: 1,
  text: 'Which year did the Online Access Act pass?',
  kind: 'single',
  options: ['2013', '2017', '2021'],
  timeLimit: 20,
  startedAt,
  endsAt: startedAt + 20_000,
  responses: 14,
});
const base: QuizView = {
  id: 'z1',
  title: 'Opening quiz',
  status: 'open',
  speedPoints: true,
  questionCount: 5,
  questions: [],
  current: null,
  phase: null,
  players: 42,
  createdAt: 1,
};
const mine: Partial<MineView> = {
  player: { number: 17, nickname: 'Grace' },
  quizzes: {
    z1: {
      answers: { 1: { choice: 1, ms: 7200, points: 820, correct: true } },
      score: 1640,
      rank: 3,
      players: 42,
    },
  },
};

/** A room whose server clock runs with this machine's: the countdown moves. */
function room(quiz: QuizView, own: Partial<MineView> = {}): StubRoom {
  const stub = new StubRoom({ quizzes: [quiz] }, own);
  stub.serverNow = () => Date.now();
  return stub;
}

const view = (args: Args, connection: StubRoom) =>
  html`<div style=${args.wrapper} lang=${args.lang}>
    <plenum-quiz .connection=${connection} theme=${args.theme}></plenum-quiz>
  </div>`;

const meta: Meta<Args> = {
  title: 'Widgets/Quiz',
  component: 'plenum-quiz',
  render: (args) => view(args, room(base)),
  ...widgetControls,
};
export default meta;
type Story = StoryObj<Args>;

const story = (make: () => StubRoom): Story => ({ render: (a) => view(a, make()) });

export const Lobby = story(() => room(base));
export const Question = story(() =>
  room({ ...base, current: 1, phase: 'question', questions: [question(Date.now())] }),
);
export const Revealed = story(() =>
  room(
    {
      ...base,
      current: 1,
      phase: 'revealed',
      questions: [
        {
          ...question(Date.now() - 30_000),
          correct: [1],
          results: { counts: [9, 28, 5], percentages: [21, 67, 12], responses: 42, correctResponses: 28 },
        },
      ],
    },
    mine,
  ),
);
export const Leaderboard = story(() =>
  room(
    {
      ...base,
      current: 1,
      phase: 'leaderboard',
      leaderboard: [
        { rank: 1, player: 3, nickname: 'Ada', score: 1912 },
        { rank: 2, player: 9, score: 1804 },
        { rank: 3, player: 17, nickname: 'Grace', score: 1640 },
        { rank: 3, player: 22, nickname: 'Linus', score: 1640 },
      ],
    },
    mine,
  ),
);
