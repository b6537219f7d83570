/**
 * The wire protocol: JSON messages with a `type` discriminator.
 *
 * A client first says `hello` (participant id and, for hosts, the host key — in the message,
 * never in the URL, so no access log keeps them). The server answers `welcome` with a
 * snapshot, then sends coalesced `patch`es with increasing `seq`. Every action carries a
 * client-made `id`; the server answers `ack` or `error` with that id and applies a repeated
 * id at most once.
 */
import * as v from 'valibot';
import { activityLimits, limits, PROTOCOL_VERSION } from './limits.js';
import { languages } from './settings.js';
import {
  moderationModes,
  pollKinds,
  pollStatuses,
  questionOrders,
  questionStatuses,
  quizKinds,
  surveyKinds,
  type MineView,
  type QuestionCounts,
  type PollView,
  type QuestionView,
  type QuizView,
  type RoomView,
  type SurveyView,
} from './state.js';

/*
 * Validation is split once: the schemas check shape (types, known fields, ids, enums), and
 * the model checks what people write (lengths, emptiness, control characters) with
 * `cleanText`, so each mistake has one error code: a too-long question and a too-long poll
 * title are both `too_long`, an empty one `empty`, whichever way they arrive.
 */

export const recordingSchema = v.strictObject({
  /** Length and scheme are checked by `cleanRecording`. */
  url: v.string(),
  /** When the recording starts, ms since epoch; without it there are no links into it. */
  startsAt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
/**
 * Room ids: what appears in a widget's `room` attribute, in every socket URL and in the
 * console's room field. `roomIdRule` is the unanchored source, valid in a RegExp and in an
 * HTML `pattern` attribute (whose `v` flag wants the "-" escaped).
 */
export const roomIdRule = String.raw`[A-Za-z0-9_\-]{1,64}`;
export const roomIdPattern = new RegExp(`^${roomIdRule}$`);
/** How a person is told the rule. */
export const roomIdMessage = 'A room id is 1–64 letters, digits, "-" or "_".';

/** A room passcode as the host sets it; participants send it in their hello. */
export const passcodeSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(limits.passcodeMin, `A passcode has at least ${limits.passcodeMin} characters.`),
  v.maxLength(limits.passcode, `A passcode has at most ${limits.passcode} characters.`),
);

/**
 * The body of `POST /api/rooms`, strict like every action. Choosing `room` needs the admin
 * token; without one the server draws a random id.
 */
export const roomCreateSchema = v.strictObject({
  room: v.optional(v.pipe(v.string(), v.regex(roomIdPattern, roomIdMessage))),
  // Its length is the model's to check (`cleanText`), as for a later rename: `too_long` both ways.
  title: v.optional(v.string()),
  moderation: v.optional(v.picklist(moderationModes)),
  recording: v.optional(recordingSchema),
  passcode: v.optional(passcodeSchema),
  // Checked and defaulted by the server (`--lang`, `--time-zone`), which names a bad one.
  lang: v.optional(v.unknown()),
  timeZone: v.optional(v.unknown()),
  eventPage: v.optional(v.unknown()),
});

const entityId = v.pipe(v.string(), v.minLength(1), v.maxLength(32));

/** What the host puts on the big screen (`Screen`); also the body of `PUT /api/rooms/:room/screen`. */
export const screenSchema = v.variant('show', [
  v.strictObject({ show: v.literal('poll'), poll: entityId }),
  v.strictObject({ show: v.literal('question'), question: entityId }),
  v.strictObject({ show: v.literal('quiz'), quiz: entityId }),
  v.strictObject({
    show: v.literal('survey'),
    survey: entityId,
    question: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(activityLimits.surveyQuestions)),
  }),
  v.strictObject({ show: v.literal('questions') }),
  v.strictObject({ show: v.literal('join') }),
  v.strictObject({ show: v.literal('blank') }),
]);
const actionId = v.pipe(v.string(), v.minLength(1), v.maxLength(limits.actionId));

const optionIndex = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(limits.pollOptions));
const optionIndices = v.pipe(v.array(optionIndex), v.maxLength(limits.pollOptions));
const choice = v.union([optionIndex, optionIndices, v.string()]);

/** A quiz question as the host writes it; texts are checked by the model (`cleanText`). */
const quizQuestion = v.strictObject({
  text: v.string(),
  kind: v.picklist(quizKinds),
  options: v.pipe(v.array(v.string()), v.maxLength(limits.pollOptions)),
  /** The correct options: one for single choice, one or more for multiple. */
  correct: optionIndices,
  /** Seconds, default `activityLimits.quizTime`. */
  timeLimit: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(activityLimits.quizTimeMin),
      v.maxValue(activityLimits.quizTimeMax),
    ),
  ),
});
const quizQuestions = v.pipe(v.array(quizQuestion), v.maxLength(activityLimits.quizQuestions));
const questionIndex = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(0),
  v.maxValue(activityLimits.quizQuestions),
);

const surveyQuestion = v.strictObject({
  text: v.string(),
  kind: v.picklist(surveyKinds),
  options: v.optional(v.pipe(v.array(v.string()), v.maxLength(limits.pollOptions))),
  maxChoices: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
const surveyQuestions = v.pipe(v.array(surveyQuestion), v.maxLength(activityLimits.surveyQuestions));

// ---------------------------------------------------------------- client -> server

export const helloSchema = v.object({
  type: v.literal('hello'),
  v: v.number(),
  participant: v.pipe(v.string(), v.minLength(16), v.maxLength(limits.participantId)),
  hostKey: v.optional(v.pipe(v.string(), v.maxLength(200))),
  /** A screen, not a person (a projector's present view): not counted in the audience. */
  display: v.optional(v.boolean()),
  /** The room's passcode, when it has one (the host key does without). */
  passcode: v.optional(v.pipe(v.string(), v.maxLength(limits.passcode * 4))),
});

/**
 * Asks for the next page of one list (`status`) in one order, after the last question the
 * client has of that order (from the start without `after`). Answered with `page`; not an
 * action: nothing changes, nothing is logged.
 */
export const moreSchema = v.strictObject({
  type: v.literal('more'),
  id: actionId,
  status: v.picklist(questionStatuses),
  sort: v.picklist(questionOrders),
  after: v.optional(
    v.strictObject({
      id: entityId,
      upvotes: v.pipe(v.number(), v.integer(), v.minValue(0)),
      createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
  ),
});

// Actions are strict: a misspelt field is an error the sender sees, not a silent no-op.

/** Participants' actions. */
const participantActions = [
  v.strictObject({
    type: v.literal('ask'),
    id: actionId,
    text: v.string(),
    name: v.optional(v.string()),
  }),
  v.strictObject({ type: v.literal('edit'), id: actionId, question: entityId, text: v.string() }),
  v.strictObject({ type: v.literal('delete'), id: actionId, question: entityId }),
  v.strictObject({ type: v.literal('upvote'), id: actionId, question: entityId }),
  /** Also a ranking poll's order: every option index once, the first place first. */
  v.strictObject({ type: v.literal('vote'), id: actionId, poll: entityId, choice }),
  /** One answer per question, by the server's clock within its time limit; it cannot be changed. */
  v.strictObject({
    type: v.literal('quiz-answer'),
    id: actionId,
    quiz: entityId,
    question: questionIndex,
    choice: v.union([optionIndex, optionIndices]),
  }),
  /** The name on quiz leaderboards, unique in the room; "" goes back to "Participant 17". */
  v.strictObject({ type: v.literal('nickname'), id: actionId, nickname: v.string() }),
  /**
   * All of a survey's answers at once, one per question (null: left out); sent again while
   * the survey is open, they replace the previous ones.
   */
  v.strictObject({
    type: v.literal('survey-answer'),
    id: actionId,
    survey: entityId,
    answers: v.pipe(v.array(v.nullable(choice)), v.maxLength(activityLimits.surveyQuestions)),
  }),
  v.strictObject({
    type: v.literal('react'),
    id: actionId,
    emoji: v.pipe(v.string(), v.maxLength(limits.emoji)),
  }),
] as const;

/** The host's actions; refused with `forbidden` for anyone without the host key. */
const hostActions = [
  v.strictObject({
    type: v.literal('moderate'),
    id: actionId,
    question: entityId,
    status: v.optional(v.picklist(questionStatuses)),
    highlighted: v.optional(v.boolean()),
    pinned: v.optional(v.boolean()),
    label: v.optional(v.string()),
    reply: v.optional(v.string()),
    text: v.optional(v.string()),
  }),
  v.strictObject({
    type: v.literal('poll-create'),
    id: actionId,
    title: v.string(),
    kind: v.picklist(pollKinds),
    options: v.optional(v.array(v.string())),
    maxChoices: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    /** Default true; false keeps the results with the host until they reveal them. */
    resultsVisible: v.optional(v.boolean()),
  }),
  v.strictObject({
    type: v.literal('poll-update'),
    id: actionId,
    poll: entityId,
    status: v.optional(v.picklist(pollStatuses)),
    resultsVisible: v.optional(v.boolean()),
    title: v.optional(v.string()),
    options: v.optional(v.array(v.string())),
    // null lifts the maximum again.
    maxChoices: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1)))),
    /** Moves the poll to this place in the run of show (0-based); the others close up. */
    position: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    /** Open polls: hides the answer group of this text (gone for participants, counts included). */
    hideAnswer: v.optional(v.string()),
    /** Open polls: shows the answer group of this text (approves it, or takes a hide back). */
    showAnswer: v.optional(v.string()),
    /** Open polls: merges the groups of these texts into one, shown as `into`. */
    mergeAnswers: v.optional(
      v.strictObject({
        answers: v.pipe(v.array(v.string()), v.minLength(1), v.maxLength(limits.mergeMax)),
        into: v.string(),
      }),
    ),
  }),
  v.strictObject({ type: v.literal('poll-delete'), id: actionId, poll: entityId }),
  /** Rehearsal: removes every vote of the poll (logged; the report says when and how many). */
  v.strictObject({ type: v.literal('poll-reset'), id: actionId, poll: entityId }),
  v.strictObject({
    type: v.literal('quiz-create'),
    id: actionId,
    title: v.string(),
    questions: quizQuestions,
    /** Default true. */
    speedPoints: v.optional(v.boolean()),
  }),
  /** Questions and speed points change while the quiz is a draft; status: open, close, reopen. */
  v.strictObject({
    type: v.literal('quiz-update'),
    id: actionId,
    quiz: entityId,
    title: v.optional(v.string()),
    questions: v.optional(quizQuestions),
    speedPoints: v.optional(v.boolean()),
    status: v.optional(v.picklist(pollStatuses)),
  }),
  v.strictObject({ type: v.literal('quiz-delete'), id: actionId, quiz: entityId }),
  /** Starts a question not played yet (opening the quiz); the one before ends and is revealed. */
  v.strictObject({ type: v.literal('quiz-start'), id: actionId, quiz: entityId, question: questionIndex }),
  /** Ends answering of the current question (if time is left) and shows its answer. */
  v.strictObject({ type: v.literal('quiz-reveal'), id: actionId, quiz: entityId }),
  v.strictObject({ type: v.literal('quiz-leaderboard'), id: actionId, quiz: entityId }),
  /** Rehearsal: removes every answer and score; the quiz starts again from its first question. */
  v.strictObject({ type: v.literal('quiz-reset'), id: actionId, quiz: entityId }),
  v.strictObject({
    type: v.literal('survey-create'),
    id: actionId,
    title: v.string(),
    questions: surveyQuestions,
    /** Default false. */
    resultsVisible: v.optional(v.boolean()),
  }),
  v.strictObject({
    type: v.literal('survey-update'),
    id: actionId,
    survey: entityId,
    title: v.optional(v.string()),
    /** Only while nobody has answered. */
    questions: v.optional(surveyQuestions),
    status: v.optional(v.picklist(pollStatuses)),
    resultsVisible: v.optional(v.boolean()),
  }),
  v.strictObject({ type: v.literal('survey-delete'), id: actionId, survey: entityId }),
  /** Rehearsal: removes every answer of the survey. */
  v.strictObject({ type: v.literal('survey-reset'), id: actionId, survey: entityId }),
  v.strictObject({ type: v.literal('screen'), id: actionId, screen: screenSchema }),
  v.strictObject({
    type: v.literal('merge'),
    id: actionId,
    /** The question that stays. */
    question: entityId,
    /** Its duplicates: removed, their upvotes and askers go to `question`. */
    duplicates: v.pipe(v.array(entityId), v.minLength(1), v.maxLength(limits.mergeMax)),
  }),
  v.strictObject({
    type: v.literal('room-update'),
    id: actionId,
    title: v.optional(v.string()),
    moderation: v.optional(v.picklist(moderationModes)),
    // null forgets the recording.
    recording: v.optional(v.nullable(recordingSchema)),
    lang: v.optional(v.picklist(languages)),
    timeZone: v.optional(v.string()),
    // null (or "") forgets the event page.
    eventPage: v.optional(v.nullable(v.string())),
  }),
] as const;

export const actionSchema = v.variant('type', [...participantActions, ...hostActions]);
export type Action = v.InferOutput<typeof actionSchema>;
/** The action of one type: `ActionOf<'vote'>`. */
export type ActionOf<T extends Action['type']> = Extract<Action, { type: T }>;
/** An action as its sender writes it: the id is added when it is sent. */
export type ActionInput = Action extends infer A ? (A extends Action ? Omit<A, 'id'> : never) : never;
export type Hello = v.InferOutput<typeof helloSchema>;
export type More = v.InferOutput<typeof moreSchema>;
export type ClientMessage = Hello | More | Action;

/**
 * What the server names the entity an action creates with: a prefix and random hex
 * (plenum-room.ts), logged with the action so every replay gives the same id.
 */
export const newIdPrefixes: Partial<Record<Action['type'], string>> = {
  ask: 'q',
  'poll-create': 'p',
  'quiz-create': 'z',
  'survey-create': 's',
};

export const hostActionTypes: ReadonlySet<string> = new Set(
  hostActions.map((schema) => schema.entries.type.literal),
);
/**
 * Each message's schema by its type. A variant over every action (`actionSchema`) tries the
 * type against each of its forty-odd options in turn; a vote is read on every client's tap.
 */
const messageSchemas: ReadonlyMap<unknown, v.GenericSchema<unknown, ClientMessage>> = new Map<
  unknown,
  v.GenericSchema<unknown, ClientMessage>
>([
  ['hello', helloSchema],
  ['more', moreSchema],
  ...[...participantActions, ...hostActions].map((schema) => [schema.entries.type.literal, schema] as const),
]);

// ---------------------------------------------------------------- server -> client

export interface Welcome {
  type: 'welcome';
  v: typeof PROTOCOL_VERSION;
  seq: number;
  host: boolean;
  /**
   * The server's clock when it sent this (ms since epoch). A client takes its offset from
   * it (half the hello's round trip added), so every quiz countdown runs by the server's clock.
   */
  now: number;
  state: RoomView;
  mine: MineView;
}

/** Coalesced changes since the previous patch; entities are sent whole. */
export interface Patch {
  type: 'patch';
  seq: number;
  questions?: QuestionView[];
  /** New upvote counts of questions that changed in nothing else (an upvote storm stays small). */
  upvotes?: Record<string, number>;
  removedQuestions?: string[];
  polls?: PollView[];
  removedPolls?: string[];
  quizzes?: QuizView[];
  removedQuizzes?: string[];
  surveys?: SurveyView[];
  removedSurveys?: string[];
  currentPoll?: string | null;
  screen?: RoomView['screen'];
  title?: string;
  moderation?: RoomView['moderation'];
  lang?: RoomView['lang'];
  timeZone?: string;
  /** null: the host forgot the event page. */
  eventPage?: string | null;
  /** New running totals for emojis that changed, once per burst window: widgets animate the increase. */
  reactions?: Record<string, number>;
  online?: number;
  /** Questions per status, whenever they changed. */
  questionCounts?: QuestionCounts;
  /** Host only: the caps the room has reached, whenever that changed. */
  full?: RoomView['full'];
}

/**
 * An update of the participant's own `mine` view, sent to them alone: their flags, and their
 * own questions still in review (which no public patch carries).
 */
export interface MineUpdate {
  type: 'mine';
  mine: Partial<MineView>;
  questions?: QuestionView[];
  removedQuestions?: string[];
}

export interface Ack {
  type: 'ack';
  id: string;
  /** e.g. the id of a new question or poll */
  result?: { id?: string };
  /**
   * The patch that carries the change to everyone; absent when nothing changed, and for
   * reactions, which travel in a later burst window.
   */
  seq?: number;
}

/** One page of a list, answering `more`. */
export interface Page {
  type: 'page';
  id: string;
  questions: QuestionView[];
  /** More questions follow this page in that list and order. */
  more: boolean;
}

export interface ErrorMessage {
  type: 'error';
  /** The action's id, when the error answers an action. */
  id?: string;
  code: ErrorCode;
  message: string;
}

export type ServerMessage = Welcome | Patch | MineUpdate | Ack | Page | ErrorMessage;

export const errorCodes = [
  'malformed', // not JSON, or not a known message
  'invalid', // a field fails its schema
  'version', // unsupported protocol version
  'not_joined', // action before hello
  'too_long',
  'empty',
  'not_found',
  'forbidden', // not the host, or not the author
  'closed', // poll not open / question already answered / quiz time up or answered already
  'rate_limited',
  'too_many_choices',
  'own_question', // upvoting one's own question
  'taken', // a nickname someone else in the room has
  'room_full', // a cap of the room is reached (the message says which)
  'unknown_room',
  'unauthorized', // wrong host key
  'passcode', // the room has a passcode, and it is missing or wrong
  'unavailable', // the server cannot store actions now (cluster mode: Redis away); retry later
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** The codes only the HTTP API answers with (beside the ErrorCodes it shares with the socket). */
export const httpErrorCodes = [
  'exists', // a room with this id exists already
  'erased', // the room was erased: its id is not given out again
  'too_large', // the request body is over its limit
  'method_not_allowed',
  'bad_target', // the request target is not a path
  'origin', // a browser request from another origin
] as const;
export type HttpErrorCode = (typeof httpErrorCodes)[number];

export type ParseResult =
  { ok: true; message: ClientMessage } | { ok: false; code: ErrorCode; message: string; id?: string };

/** Parses and validates one raw frame from a client. Never throws. */
export function parseClientMessage(raw: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'malformed', message: 'The message is not valid JSON.' };
  }
  const id =
    typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string'
      ? data.id.slice(0, limits.actionId)
      : undefined;
  if (typeof data !== 'object' || data === null || !('type' in data)) {
    return { ok: false, code: 'malformed', message: 'A message needs a "type".', id };
  }
  const schema = messageSchemas.get(data.type);
  if (!schema) {
    return { ok: false, code: 'malformed', message: `Unknown message type "${String(data.type)}".`, id };
  }
  const result = v.safeParse(schema, data);
  if (result.success) return { ok: true, message: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.');
  return { ok: false, code: 'invalid', message: path ? `${path}: ${issue.message}` : issue.message, id };
}
