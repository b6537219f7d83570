/**
 * What the element tests and stories share (the widgets' and the console's): polls of every
 * kind whose numbers the protocol computes, and queries into an element's shadow root. No
 * test framework in here, so stories import it too.
 */
import {
  percentages,
  rankingResults,
  ratingAverage,
  type OpenResults,
  type PollView,
  type SurveyView,
} from '@plenum/protocol';

type PollFields = Partial<Omit<PollView, 'results'>> & Pick<PollView, 'id' | 'title' | 'kind'>;

/**
 * A poll with results the way the server sends them: percentages, averages and the number of
 * responses worked out by the protocol from `counts` (per option; per star for a rating) or
 * the open `answers`. A multiple-choice poll also says its `responses` (people, not ticks).
 * Without counts or answers its results are hidden.
 */
export function fakePoll(
  fields: PollFields & { counts?: number[]; answers?: OpenResults['answers'] },
): PollView {
  const { counts, answers, ...poll } = fields;
  const base = { status: 'open' as const, options: [] as string[], createdAt: 1, ...poll };
  const sum = (counts ?? answers?.map((answer) => answer.count) ?? []).reduce((a, b) => a + b, 0);
  const responses = poll.responses ?? sum;
  if (!counts && !answers) return { resultsVisible: false, responses, ...base };
  const shown = { resultsVisible: true, responses, ...base };
  switch (poll.kind) {
    case 'open':
      return { ...shown, results: { kind: 'open', answers: answers ?? [], responses } };
    case 'rating': {
      const distribution = counts ?? [0, 0, 0, 0, 0];
      const average = ratingAverage(distribution);
      return {
        ...shown,
        results: { kind: 'rating', distribution, percentages: percentages(distribution), average, responses },
      };
    }
    case 'ranking':
      // `counts` are the sums of places per option, `responses` the rankings.
      return { ...shown, results: rankingResults(counts ?? [], responses) };
    default:
      return {
        ...shown,
        results: { kind: poll.kind, counts: counts ?? [], percentages: percentages(counts ?? []), responses },
      };
  }
}

/** One poll of each kind, open, with results in: the fixtures the element suites share. */
export const samplePolls = {
  single: fakePoll({
    id: 'p1',
    title: 'Which session next?',
    kind: 'single',
    options: ['Keynote', 'Workshop', 'Panel'],
    // 1/3 each: the server's percentages are 34 + 33 + 33, never recomputed in the UI.
    counts: [1, 1, 1],
  }),
  multiple: fakePoll({
    id: 'p2',
    title: 'Topics you like',
    kind: 'multiple',
    options: ['Privacy', 'Accessibility', 'Open data', 'Security'],
    maxChoices: 2,
    createdAt: 2,
  }),
  open: fakePoll({
    id: 'p3',
    title: 'One word for today',
    kind: 'open',
    answers: [{ text: 'Inspiring', count: 4 }],
    createdAt: 3,
  }),
  rating: fakePoll({
    id: 'p4',
    title: 'How was the talk?',
    kind: 'rating',
    counts: [0, 0, 1, 1, 0],
    createdAt: 4,
  }),
  /** Open answers enough for a word cloud: sizes by mentions. */
  cloud: fakePoll({
    id: 'p5',
    title: 'One word for today?',
    kind: 'open',
    answers: [
      { text: 'Inspiring', count: 11 },
      { text: 'Practical', count: 6 },
      { text: 'Long', count: 2 },
    ],
    createdAt: 5,
  }),
} satisfies Record<string, PollView>;

/** An open survey with one question of each kind and no answers yet. */
export const sampleSurvey: SurveyView = {
  id: 's1',
  title: 'Your feedback',
  status: 'open',
  questions: [
    { text: 'How was the event?', kind: 'rating', options: [] },
    { text: 'Which part did you like best?', kind: 'single', options: ['Keynote', 'Workshops'] },
    {
      text: 'What should we keep?',
      kind: 'multiple',
      options: ['Coffee', 'Livestream', 'Q&A'],
      maxChoices: 2,
    },
    { text: 'Anything else?', kind: 'open', options: [] },
  ],
  resultsVisible: false,
  responses: 0,
  createdAt: 1,
};

/** The same survey closed, its results shown: two responses. */
export const sampleSurveyClosed: SurveyView = {
  ...sampleSurvey,
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
};

/** The controls of a widget's stories: its language, its theme and the style of its wrapper. */
export interface WidgetArgs {
  lang: string;
  theme: string;
  wrapper: string;
}

/** The `args` and `argTypes` of a widget's stories' meta. */
export const widgetControls = {
  args: { lang: 'en', theme: 'light', wrapper: 'max-width: 32rem' } satisfies WidgetArgs,
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
} as const;

/** The first element in `host`'s shadow root that matches (the test fails on a missing one). */
export const $ = <T extends Element = HTMLElement>(host: Element, selector: string): T =>
  host.shadowRoot!.querySelector<T>(selector)!;

/** Every element in `host`'s shadow root that matches. */
export const $$ = <T extends Element = HTMLElement>(host: Element, selector: string): T[] => [
  ...host.shadowRoot!.querySelectorAll<T>(selector),
];

/** Waits for the update a change causes and the one its `updated()` may cause in turn. */
export async function settle(element: { updateComplete: Promise<unknown> }): Promise<void> {
  await element.updateComplete;
  await element.updateComplete;
}
