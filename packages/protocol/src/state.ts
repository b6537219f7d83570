/**
 * The room's state, in two shapes: the server's record (with participant ids, never sent),
 * and the views it sends (public, or the host's, which adds what waits for moderation).
 */
import type { Lang } from './settings.js';

export const questionStatuses = ['review', 'live', 'answered', 'dismissed'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

export const pollKinds = ['single', 'multiple', 'open', 'rating'] as const;
export type PollKind = (typeof pollKinds)[number];

export const pollStatuses = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof pollStatuses)[number];

export const moderationModes = ['post', 'pre'] as const;
export type Moderation = (typeof moderationModes)[number];

export const questionOrders = ['popular', 'recent'] as const;
export type QuestionOrder = (typeof questionOrders)[number];

/** A participant's answer: option index (single), indices (multiple), text (open), 1–5 (rating). */
export type Choice = number | number[] | string;

// ---------------------------------------------------------------- views (on the wire)

export interface QuestionView {
  id: string;
  text: string;
  name?: string;
  upvotes: number;
  status: QuestionStatus;
  highlighted: boolean;
  pinned: boolean;
  label?: string;
  reply?: string;
  edited: boolean;
  /** ms since epoch */
  createdAt: number;
  answeredAt?: number;
}

export interface ChoiceResults {
  kind: 'single' | 'multiple';
  counts: number[];
  /** Whole numbers summing to exactly 100 (or all 0 with no responses). */
  percentages: number[];
  responses: number;
}
export interface OpenAnswer {
  text: string;
  count: number;
  /**
   * Host views only: `pending` waits for approval (pre-moderated room), `hidden` the host
   * hid. Without it the answer is shown; participants only ever get shown answers.
   */
  status?: 'pending' | 'hidden';
}
export interface OpenResults {
  kind: 'open';
  /** Grouped by `answerKey` (case, spacing, Unicode, trailing punctuation), most frequent first. */
  answers: OpenAnswer[];
  /** Participants see the responses among shown answers; the host sees all. */
  responses: number;
}
export interface RatingResults {
  kind: 'rating';
  /** Count of 1, 2, 3, 4, 5 stars. */
  distribution: number[];
  percentages: number[];
  average: number;
  responses: number;
}
export type PollResults = ChoiceResults | OpenResults | RatingResults;

/**
 * One network (an IPv4 address, an IPv6 /64) cast an unusual share of a poll's votes: a whole
 * venue behind one NAT, or one machine stuffing the poll. Counted by the server in memory
 * from connection addresses; no address is stored or shown. Host views and the report only.
 */
export interface NetworkShare {
  /** Participants who voted from that one network. */
  voters: number;
  /** Their share of the poll's voters, in whole percent. */
  share: number;
}

export interface PollView {
  id: string;
  title: string;
  kind: PollKind;
  status: PollStatus;
  options: string[];
  maxChoices?: number;
  resultsVisible: boolean;
  /** How many have answered: shown while the results are hidden too. */
  responses: number;
  /** Host views only: the poll's number in the run of show, 1-based. */
  position?: number;
  /** Present only while the host has the results revealed (always for the host). */
  results?: PollResults;
  createdAt: number;
  /** Host only: set while one network holds an unusual share of the votes. */
  network?: NetworkShare;
}

/** What the big screen (the present view) shows: exactly what the host chose last. */
export type Screen =
  | { show: 'poll'; poll: string }
  | { show: 'question'; question: string }
  /** The top live questions. */
  | { show: 'questions' }
  /** Title, QR code and link to take part. */
  | { show: 'join' }
  /** Only the room's title. */
  | { show: 'blank' };

export interface RoomView {
  room: string;
  title: string;
  moderation: Moderation;
  /** The language the present view and the join page speak (absent in rooms made before it existed). */
  lang?: Lang;
  /** The IANA time zone the room's times are told in. */
  timeZone?: string;
  /** Where the widgets are embedded: the participant link when set. */
  eventPage?: string;
  emojis: string[];
  questions: QuestionView[];
  polls: PollView[];
  /** The poll participants see by default: the one the host opened last. */
  currentPoll: string | null;
  /** What the big screen shows. */
  screen: Screen;
  /** Running total per emoji. */
  reactions: Record<string, number>;
  /** People connected now. */
  online: number;
  /**
   * Questions per status in the whole room (the public sees `live` and `answered`), when
   * `questions` holds only a window of them: page the rest in with a `more` request.
   */
  questionCounts?: QuestionCounts;
  /** Host only: the caps this room has reached, each with its value. */
  full?: Partial<Record<'questions' | 'polls' | 'openAnswers' | 'log', number>>;
}

export type QuestionCounts = Partial<Record<QuestionStatus, number>>;

/** What one participant knows about themselves; never broadcast. */
export interface MineView {
  /** Questions this participant asked (including their own still in review). */
  questions: string[];
  /** Questions the host merged this participant's question into: theirs to see, not to edit. */
  merged?: string[];
  upvoted: string[];
  votes: Record<string, Choice>;
}
