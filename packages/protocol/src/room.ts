/**
 * The room record: what the server keeps of a room, participant ids included. It never goes
 * on the wire as is; views (model.ts) pick what each reader may see.
 */
import { defaultCaps, type RoomCaps } from './caps.js';
import { defaultEmojis } from './limits.js';
import type { ErrorCode } from './messages.js';
import type { Recording } from './recording.js';
import type { Lang } from './settings.js';
import type {
  Choice,
  Moderation,
  NetworkShare,
  PollKind,
  PollResults,
  PollStatus,
  QuestionView,
  QuizKind,
  QuizPhase,
  Screen,
  SurveyAnswer,
} from './state.js';

/** A question as the server keeps it: what everyone may see, plus who asked and who upvoted. */
export interface QuestionRecord extends Omit<QuestionView, 'upvotes'> {
  /** The participant who asked: decides edit/delete rights; never in a view. */
  author: string;
  /** Who upvoted: the count is its size, so toggling stays exact. */
  upvoters: Set<string>;
  /**
   * Askers of duplicates the host merged into this question: it counts as theirs (they see it
   * as their own and cannot upvote it), but only `author` may edit or delete it.
   */
  coAuthors?: Set<string>;
}

/** How an open answer stands: shown to all, waiting for the host (pre-moderation), or hidden. */
export type AnswerStatus = 'shown' | 'pending' | 'hidden';

/** One group of open answers (see `answerKey`). */
export interface AnswerGroup {
  text: string;
  count: number;
  status: AnswerStatus;
}

export interface PollRecord {
  id: string;
  /** Place in the host's run of show, 0-based; the room's map keeps the same order. */
  position: number;
  title: string;
  kind: PollKind;
  status: PollStatus;
  options: string[];
  maxChoices?: number;
  resultsVisible: boolean;
  createdAt: number;
  /** One response per participant; a new vote replaces the old one. */
  responses: Map<string, Choice>;
  /**
   * Running tally, updated per vote so a vote costs O(options), never O(responses):
   * per option (single, multiple) or per star 1–5 (rating); empty for open polls.
   */
  tally: number[];
  /**
   * Open polls: answers grouped by their normalised key, in first-seen order. A group stays
   * when its count drops to 0, so the host's decision about it (hidden, shown) holds when
   * someone gives the same answer again.
   */
  answers: Map<string, AnswerGroup>;
  /** Keys merged into another group: later answers with them count there. */
  aliases: Map<string, string>;
  /** Results computed on demand and dropped on every vote. */
  cached?: PollResults;
  /** Set by the server from connection addresses (memory only, never logged); see NetworkShare. */
  network?: NetworkShare;
}

/** A participant's answer to one quiz question, scored when it arrives (the rules are fixed by then). */
export interface QuizAnswerRecord {
  choice: number[];
  /** Milliseconds after the question started. */
  ms: number;
  points: number;
  correct: boolean;
}

export interface QuizQuestionRecord {
  text: string;
  kind: QuizKind;
  options: string[];
  /** Sorted option indices. */
  correct: number[];
  /** Seconds. */
  timeLimit: number;
  startedAt?: number;
  /** Set when answering ended before the limit (the host revealed early, or started another). */
  closedAt?: number;
  revealed: boolean;
  /** One answer per participant, in the order they came. */
  answers: Map<string, QuizAnswerRecord>;
  /** Answers per option, kept per answer. */
  tally: number[];
  /** Answers wholly right. */
  right: number;
}

export interface QuizRecord {
  id: string;
  title: string;
  status: PollStatus;
  speedPoints: boolean;
  createdAt: number;
  questions: QuizQuestionRecord[];
  current: number | null;
  phase: QuizPhase | null;
  /** Per player: the points of revealed questions (the leaderboard's); they play by answering. */
  scores: Map<string, number>;
  /** The ranking of `scores`, computed when first asked for after a change (memory only). */
  cached?: QuizStandings;
}

/** Every player of a quiz in leaderboard order, and each one's place. */
export interface QuizStandings {
  order: { participant: string; score: number; number: number; rank: number }[];
  rank: Map<string, number>;
  /** The rank of 0 points (where a player who joined since lands). */
  zero: number;
}

export interface SurveyRecord {
  id: string;
  title: string;
  status: PollStatus;
  resultsVisible: boolean;
  createdAt: number;
  /**
   * One poll record per question, never in the room's poll map: a survey question counts
   * and tallies as a poll of its kind does (polls.ts).
   */
  questions: PollRecord[];
  /** Per participant: their answers as sent. */
  responses: Map<string, SurveyAnswer[]>;
}

/** A participant as a quiz player (players.ts). */
export interface PlayerRecord {
  /** 1, 2, 3… in the order they first played or chose a nickname. */
  number: number;
  nickname?: string;
}

/** A rehearsal reset, kept for the report. */
export interface ResetRecord {
  at: number;
  kind: 'poll' | 'quiz' | 'survey';
  id: string;
  title: string;
  /** Answers removed: votes, quiz answers (one per question answered) or survey submissions. */
  answers: number;
}

export interface Presence {
  /** Open connections per participant (one person may have several tabs). */
  connections: Map<string, number>;
  online: number;
  peak: number;
  peakAt: number | null;
  /** Everyone who ever joined. */
  viewers: Set<string>;
}

export interface RoomRecord {
  id: string;
  title: string;
  moderation: Moderation;
  emojis: string[];
  createdAt: number;
  recording?: Recording;
  /** Set by the server on creation (its defaults) and by the host; older rooms may lack them. */
  lang?: Lang;
  timeZone?: string;
  eventPage?: string;
  /** Questions in the order they were asked. */
  questions: Map<string, QuestionRecord>;
  /** Polls in the host's run-of-show order (creation order until the host moves one). */
  polls: Map<string, PollRecord>;
  currentPoll: string | null;
  /** Quizzes and surveys, in the order they were made. */
  quizzes: Map<string, QuizRecord>;
  surveys: Map<string, SurveyRecord>;
  /** Quiz players: their numbers and nicknames. */
  players: Map<string, PlayerRecord>;
  /** Nickname keys (see `nicknameKey`) -> the participant who has it. */
  nicknames: Map<string, string>;
  /** Rehearsal resets, in order. */
  resets: ResetRecord[];
  /** What the big screen shows; changes only when the host chooses (or its item is gone). */
  screen: Screen;
  /** Running total per emoji. */
  reactions: Record<string, number>;
  /** Reactions per minute since the room was created (minute index -> emoji -> count). */
  reactionMinutes: Map<number, Record<string, number>>;
  /** Per participant: when their reaction allowance was last refilled and what is left. */
  reactionBudget: Map<string, { at: number; left: number }>;
  /** Counters behind the ids of logs from before ids were random (`q1`, `p1`). */
  counters: { question: number; poll: number; quiz?: number; survey?: number };
  /** Participants with at least one accepted participant action. */
  active: Set<string>;
  presence: Presence;
  /** How much the room may hold (caps.ts). */
  caps: RoomCaps;
  /** Entries the room's log holds: accepted actions, joins and leaves. */
  entries: number;
}

export interface RoomInit {
  id: string;
  title?: string;
  moderation?: Moderation;
  emojis?: string[];
  createdAt: number;
  /** Unset caps keep their defaults. */
  caps?: Partial<RoomCaps>;
}

export function createRoom(init: RoomInit): RoomRecord {
  return {
    id: init.id,
    title: init.title ?? '',
    moderation: init.moderation ?? 'post',
    emojis: init.emojis ?? [...defaultEmojis],
    createdAt: init.createdAt,
    questions: new Map(),
    polls: new Map(),
    currentPoll: null,
    quizzes: new Map(),
    surveys: new Map(),
    players: new Map(),
    nicknames: new Map(),
    resets: [],
    screen: { show: 'join' },
    reactions: {},
    reactionMinutes: new Map(),
    reactionBudget: new Map(),
    counters: { question: 0, poll: 0 },
    active: new Set(),
    presence: { connections: new Map(), online: 0, peak: 0, peakAt: null, viewers: new Set() },
    caps: { ...defaultCaps, ...init.caps },
    entries: 0,
  };
}

export interface Actor {
  participant: string;
  host: boolean;
}

/**
 * What an accepted action changed, for the server to broadcast. Entities are named by id:
 * the server looks up their state when it builds the (coalesced) patch.
 */
export interface Changes {
  /** Created or changed; a question that is no longer public must be removed from public copies. */
  questions?: string[];
  removedQuestions?: string[];
  polls?: string[];
  removedPolls?: string[];
  quizzes?: string[];
  removedQuizzes?: string[];
  surveys?: string[];
  removedSurveys?: string[];
  title?: string;
  moderation?: Moderation;
  /** The room's language, time zone or event page changed. */
  settings?: boolean;
  currentPoll?: string | null;
  screen?: Screen;
  /** Reactions added by this action, per emoji (a delta, not a total). */
  reactions?: Record<string, number>;
  /** The actor's own MineView changed (their question, upvote or vote). */
  mine?: boolean;
  /** Other participants whose own MineView changed (askers and upvoters of merged questions). */
  personal?: string[];
}

export type ApplyResult =
  { ok: true; result?: { id?: string }; changes: Changes } | { ok: false; code: ErrorCode; message: string };

export type Refusal = Extract<ApplyResult, { ok: false }>;

export const refuse = (code: ErrorCode, message: string): Refusal => ({ ok: false, code, message });

// Control characters (C0, DEL, C1) carry no text; some rewrite what a terminal, a log or a
// spreadsheet shows (a backspace, an escape sequence). Tab and line feed are text.
const controls = /(?![\t\n])\p{Cc}/gu;

/** Text as a person typed it: line breaks as `\n` (a CR, CRLF or NEL becomes one), no control characters. */
export function stripControls(text: string): string {
  // NEL (U+0085) is a line break in C1's clothing: kept as one, like CR.
  return text.replace(/\r\n?|\u0085/g, '\n').replace(controls, '');
}

/**
 * Strips control characters (`stripControls`), trims a text field and checks its length:
 * every piece of user text passes here on its way into a room. `what` names the field in
 * the message, so the participant reads "Your question is too long", not a code.
 */
export function cleanText(
  raw: string,
  max: number,
  what: string,
  { allowEmpty = false }: { allowEmpty?: boolean } = {},
): string | Refusal {
  const text = stripControls(raw).trim();
  if (!allowEmpty && text.length === 0) return refuse('empty', `${what} cannot be empty.`);
  if (text.length > max) return refuse('too_long', `${what} can be at most ${max} characters.`);
  return text;
}

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'ok' in value && value.ok === false;
