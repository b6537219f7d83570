/**
 * The room's state, in two shapes: the server's record (with participant ids, never sent),
 * and the views it sends (public, or the host's, which adds what waits for moderation).
 */
import type { Lang } from './settings.js';

export const questionStatuses = ['review', 'live', 'answered', 'dismissed'] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

/** `ranking`: participants put the options in order (at most `activityLimits.rankingOptions` of them). */
export const pollKinds = ['single', 'multiple', 'open', 'rating', 'ranking'] as const;
export type PollKind = (typeof pollKinds)[number];

export const pollStatuses = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof pollStatuses)[number];

export const moderationModes = ['post', 'pre'] as const;
export type Moderation = (typeof moderationModes)[number];

export const questionOrders = ['popular', 'recent'] as const;
export type QuestionOrder = (typeof questionOrders)[number];

/**
 * A participant's answer: option index (single), indices (multiple), text (open), 1–5
 * (rating), every option index once, the first place first (ranking).
 */
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
/**
 * A ranking poll's results (ranking.ts). Every ranking places all n options; an option in
 * place p (1 = first) gets n − p Borda points, so the first gets n − 1 and the last 0.
 */
export interface RankingResults {
  kind: 'ranking';
  /** Per option: its mean place (1 = first), to two decimals; 0 without responses. */
  averageRanks: number[];
  /** Per option: its Borda points summed over all rankings. */
  points: number[];
  /** Option indices from the top of the ranking down: most points first, ties in option order. */
  order: number[];
  responses: number;
}
export type PollResults = ChoiceResults | OpenResults | RatingResults | RankingResults;

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
  /** A quiz: the current question, its revealed answer, or the leaderboard (its `phase`). */
  | { show: 'quiz'; quiz: string }
  /** One question of a survey (its results, once the host shows them). */
  | { show: 'survey'; survey: string; question: number }
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
  /** Quizzes (absent when the room has none the reader may see). */
  quizzes?: QuizView[];
  /** Surveys (absent when the room has none the reader may see). */
  surveys?: SurveyView[];
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
  /** Their player number and nickname, once they set one or answered a quiz question. */
  player?: Player;
  /** Per quiz they played: their answers, score and rank. */
  quizzes?: Record<string, MineQuiz>;
  /** Per survey they sent: their answers as sent (a change replaces them). */
  surveys?: Record<string, SurveyAnswer[]>;
}

// ---------------------------------------------------------------- quizzes (quiz.ts)

export const quizKinds = ['single', 'multiple'] as const;
export type QuizKind = (typeof quizKinds)[number];

/**
 * Where the current question of a running quiz is: taking answers (until its time is up or
 * the host reveals), the answer revealed, or the leaderboard shown.
 */
export const quizPhases = ['question', 'revealed', 'leaderboard'] as const;
export type QuizPhase = (typeof quizPhases)[number];

/** A quiz question's answers: counts per option, for the host always, for all once revealed. */
export interface QuizResults {
  counts: number[];
  /** Whole numbers summing to exactly 100 (or all 0), like a poll's. */
  percentages: number[];
  responses: number;
  /** Respondents whose answer was wholly right (every correct option, no wrong one). */
  correctResponses: number;
}

export interface QuizQuestionView {
  /** Its place in the quiz, 0-based: what `quiz-start` and `quiz-answer` name. */
  index: number;
  text: string;
  kind: QuizKind;
  options: string[];
  /** Seconds to answer, 5–300. */
  timeLimit: number;
  /** When the host started it, by the server's clock (ms since epoch). */
  startedAt?: number;
  /**
   * When answering ends, by the server's clock: `startedAt` + the time limit. Answers after
   * it are refused (`closed`). Clients count down to it with the welcome's clock offset.
   */
  endsAt?: number;
  /** How many have answered: live, also while the answer is hidden. */
  responses: number;
  /** The correct options (indices): for the host always, for everyone else once revealed. */
  correct?: number[];
  /** For the host always, for everyone else once revealed. */
  results?: QuizResults;
}

/** One place of a leaderboard. Never a participant id: a number and a chosen nickname. */
export interface LeaderboardEntry {
  /** 1-based; equal scores share a rank (1, 1, 3). */
  rank: number;
  /** The player's number in the room: shown as "Participant 17" without a nickname. */
  player: number;
  nickname?: string;
  score: number;
}

export interface QuizView {
  id: string;
  title: string;
  /** draft: the host's preparation, unseen; open: under way (a lobby before the first question); closed: over. */
  status: PollStatus;
  /** On: a correct answer scores 500 plus up to 500 for speed; off: a flat 1000. */
  speedPoints: boolean;
  /** Questions in the quiz in all. */
  questionCount: number;
  /**
   * The host sees every question; everyone else only the questions started so far (a
   * question's text appears when the host starts it).
   */
  questions: QuizQuestionView[];
  /** The question under way or played last (an index), null before the first. */
  current: number | null;
  phase: QuizPhase | null;
  /**
   * The first ten places (fewer with fewer players; equal scores keep their rank, the order
   * among them by player number). For everyone while the phase is `leaderboard` or the
   * quiz is closed; for the host also while an answer is revealed. Only revealed questions count.
   */
  leaderboard?: LeaderboardEntry[];
  /** Players who answered at least one question of this quiz. */
  players: number;
  createdAt: number;
}

/** A participant as a quiz player: a number given in the order they first played, a nickname if they chose one. */
export interface Player {
  number: number;
  nickname?: string;
}

export interface MineQuizAnswer {
  choice: number | number[];
  /** Milliseconds after the question started, by the server's clock. */
  ms: number;
  /** Once the answer is revealed: the points it scored, and whether it was wholly right. */
  points?: number;
  correct?: boolean;
}

export interface MineQuiz {
  /** By question index. */
  answers: Record<number, MineQuizAnswer>;
  /** Points of the revealed questions. */
  score: number;
  /** Place among the quiz's players by `score` (1 = best, shared on equal scores). */
  rank: number;
  players: number;
}

// ---------------------------------------------------------------- surveys (survey.ts)

export const surveyKinds = ['rating', 'single', 'multiple', 'open'] as const;
export type SurveyKind = (typeof surveyKinds)[number];

export interface SurveyQuestionView {
  text: string;
  kind: SurveyKind;
  /** Single and multiple choice only. */
  options: string[];
  maxChoices?: number;
}

/** One answer of a survey: as a poll's choice of that kind, or null for a question left out. */
export type SurveyAnswer = Choice | null;

export interface SurveyView {
  id: string;
  title: string;
  /** draft: unseen; open: takes answers (changes too); closed: takes none. */
  status: PollStatus;
  questions: SurveyQuestionView[];
  /** Default false: the results stay with the host until they show them. */
  resultsVisible: boolean;
  /** Participants who sent answers. */
  responses: number;
  /** Per question, like a poll's: for the host always, for everyone else while `resultsVisible`. */
  results?: PollResults[];
  createdAt: number;
}
