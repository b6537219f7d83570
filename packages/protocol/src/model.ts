/**
 * The room model: every rule of a live event, decided here and nowhere else.
 *
 * `apply(room, action, actor, now)` checks an action against the rules and, only when it is
 * allowed, changes the room record in place and reports what changed. A refused action leaves
 * the record untouched. No I/O, no clocks, no randomness: the server replays its log through
 * the same function after a restart and gets the same room: the id of a new question or poll
 * is given by the caller (the server draws it at random and logs it with the action), so
 * ids tell an observer nothing, and every replay of the log gives the same ones.
 *
 * The rules live by concept: questions.ts, polls.ts (ranking.ts), reactions.ts, quiz.ts,
 * players.ts, survey.ts; this module routes actions to them and builds the views.
 */
import { capsReached, logFull, roomFull } from './caps.js';
import { limits } from './limits.js';
import { hostActionTypes, type Action, type ActionOf } from './messages.js';
import { setNickname } from './players.js';
import { castVote, createPoll, deletePoll, isPublicPoll, pollView, resetPoll, updatePoll } from './polls.js';
import {
  askQuestion,
  deleteQuestion,
  editQuestion,
  askedBy,
  isPublicQuestion,
  mergeQuestions,
  moderateQuestion,
  questionView,
  reviewReaders,
  upvoteQuestion,
} from './questions.js';
import {
  answerQuiz,
  createQuiz,
  deleteQuiz,
  isPublicQuiz,
  mineQuiz,
  quizView,
  resetQuiz,
  revealAnswer,
  startQuestion,
  updateQuiz,
} from './quiz.js';
import { react } from './reactions.js';
import { cleanRecording } from './recording.js';
import { keepScreenPublic, showOnScreen } from './screen.js';
import { cleanEventPage, cleanTimeZone } from './settings.js';
import {
  answerSurvey,
  createSurvey,
  deleteSurvey,
  isPublicSurvey,
  resetSurvey,
  surveyView,
  updateSurvey,
} from './survey.js';
import {
  cleanText,
  isRefusal,
  refuse,
  type Actor,
  type ApplyResult,
  type Changes,
  type RoomRecord,
} from './room.js';
import { questionOrders, type MineView, type QuestionView, type RoomView } from './state.js';
import { countQuestions, listsOf, questionPage, windowSize } from './window.js';

export {
  createRoom,
  type Actor,
  type ApplyResult,
  type Changes,
  type PollRecord,
  type QuestionRecord,
  type RoomInit,
  type RoomRecord,
} from './room.js';

/**
 * `newId` names what an `ask` or `poll-create` creates. Without it (logs written before ids
 * were random) the room's counters give `q1`, `p1`, … as they did then.
 */
export function apply(
  room: RoomRecord,
  action: Action,
  actor: Actor,
  now: number,
  newId?: string,
): ApplyResult {
  const hostAction = hostActionTypes.has(action.type);
  if (hostAction && !actor.host) return refuse('forbidden', 'Only the host can do that.');
  // A full log still takes the host's actions: the event can be run to its end.
  if (!actor.host && logFull(room)) return roomFull(room, 'log');
  const outcome = route(room, action, actor, now, newId);
  if (!outcome.ok) return outcome;
  room.entries += 1; // every accepted action is logged
  if (action.type !== 'screen') {
    const screen = keepScreenPublic(room);
    if (screen) outcome.changes.screen = screen;
  }
  // Hosts running the event are not counted as active participants for what they moderate.
  if (!hostAction) room.active.add(actor.participant);
  return outcome;
}

function route(
  room: RoomRecord,
  action: Action,
  actor: Actor,
  now: number,
  newId: string | undefined,
): ApplyResult {
  switch (action.type) {
    case 'ask':
      return askQuestion(room, action, actor, now, newId);
    case 'edit':
      return editQuestion(room, action, actor);
    case 'delete':
      return deleteQuestion(room, action, actor);
    case 'upvote':
      return upvoteQuestion(room, action, actor);
    case 'moderate':
      return moderateQuestion(room, action, actor, now);
    case 'merge':
      return mergeQuestions(room, action);
    case 'vote':
      return castVote(room, action, actor);
    case 'poll-create':
      return createPoll(room, action, actor, now, newId);
    case 'poll-update':
      return updatePoll(room, action, actor);
    case 'poll-delete':
      return deletePoll(room, action);
    case 'poll-reset':
      return resetPoll(room, action, now);
    case 'quiz-create':
      return createQuiz(room, action, now, newId);
    case 'quiz-update':
      return updateQuiz(room, action, now);
    case 'quiz-delete':
      return deleteQuiz(room, action);
    case 'quiz-start':
      return startQuestion(room, action, now);
    case 'quiz-reveal':
    case 'quiz-leaderboard':
      return revealAnswer(room, action, now);
    case 'quiz-reset':
      return resetQuiz(room, action, now);
    case 'quiz-answer':
      return answerQuiz(room, action, actor.participant, actor.host, now);
    case 'nickname':
      return setNickname(room, action, actor.participant);
    case 'survey-create':
      return createSurvey(room, action, now, newId);
    case 'survey-update':
      return updateSurvey(room, action, now);
    case 'survey-delete':
      return deleteSurvey(room, action);
    case 'survey-reset':
      return resetSurvey(room, action, now);
    case 'survey-answer':
      return answerSurvey(room, action, actor.participant, actor.host);
    case 'react':
      return react(room, action, actor, now);
    case 'room-update':
      return updateRoom(room, action);
    case 'screen':
      return showOnScreen(room, action);
    default:
      // Unreachable for checked actions; a log replayed after an action type was retired lands here.
      return refuse('invalid', `Unknown action "${(action as { type: string }).type}".`);
  }
}

function updateRoom(room: RoomRecord, action: ActionOf<'room-update'>): ApplyResult {
  const title =
    action.title === undefined
      ? room.title
      : cleanText(action.title, limits.roomTitle, 'A room title', { allowEmpty: true });
  if (isRefusal(title)) return title;
  const changes: Changes = {};
  const recording = action.recording === undefined ? undefined : cleanRecording(action.recording);
  if (isRefusal(recording)) return recording;
  const timeZone = action.timeZone === undefined ? undefined : cleanTimeZone(action.timeZone);
  if (isRefusal(timeZone)) return timeZone;
  const eventPage = action.eventPage === undefined ? undefined : cleanEventPage(action.eventPage);
  if (isRefusal(eventPage)) return eventPage;
  if (title !== room.title) room.title = changes.title = title;
  // Switching to post-moderation leaves questions in review for the host to decide.
  if (action.moderation !== undefined && action.moderation !== room.moderation) {
    room.moderation = changes.moderation = action.moderation;
  }
  // Host-only, so nothing to broadcast: the report reads it.
  if (recording === null) delete room.recording;
  else if (recording !== undefined) room.recording = recording;
  if (action.lang !== undefined && action.lang !== room.lang) {
    room.lang = action.lang;
    changes.settings = true;
  }
  if (timeZone !== undefined && timeZone !== room.timeZone) {
    room.timeZone = timeZone;
    changes.settings = true;
  }
  if (eventPage !== undefined && eventPage !== (room.eventPage ?? null)) {
    if (eventPage === null) delete room.eventPage;
    else room.eventPage = eventPage;
    changes.settings = true;
  }
  return { ok: true, changes };
}

export interface RoomViewOptions {
  /** The host sees everything: questions in review, dismissed ones, draft polls, all results. */
  host?: boolean;
  /** A participant also sees their own questions still in review. */
  participant?: string;
  /**
   * Only the window of questions a welcome carries (window.ts), with the counts per status,
   * so a welcome stays the same size however many questions the room holds.
   */
  windowed?: boolean;
}

/**
 * The room as a reader may see it. Without options: the public view (no review or dismissed
 * questions, no drafts). Participant ids never appear in any view.
 */
export function roomView(room: RoomRecord, online: number, options: RoomViewOptions = {}): RoomView {
  const host = options.host ?? false;
  const visible = [];
  const own = [];
  for (const question of room.questions.values()) {
    if (host || isPublicQuestion(question)) visible.push(questionView(question));
    else if (options.participant !== undefined && reviewReaders(question).includes(options.participant))
      own.push(questionView(question));
  }
  const polls = [];
  for (const poll of room.polls.values()) if (host || isPublicPoll(poll)) polls.push(pollView(poll, host));
  const quizzes = [];
  for (const quiz of room.quizzes.values())
    if (host || isPublicQuiz(quiz)) quizzes.push(quizView(room, quiz, host));
  const surveys = [];
  for (const survey of room.surveys.values())
    if (host || isPublicSurvey(survey)) surveys.push(surveyView(survey, host));
  return {
    room: room.id,
    title: room.title,
    moderation: room.moderation,
    ...(room.lang !== undefined && { lang: room.lang }),
    ...(room.timeZone !== undefined && { timeZone: room.timeZone }),
    ...(room.eventPage !== undefined && { eventPage: room.eventPage }),
    emojis: [...room.emojis],
    questions: [...(options.windowed ? questionWindow(visible, host) : visible), ...own],
    polls,
    // Absent when empty: a room without them welcomes as it did before they existed.
    ...(quizzes.length && { quizzes }),
    ...(surveys.length && { surveys }),
    currentPoll: room.currentPoll,
    screen: { ...room.screen },
    reactions: { ...room.reactions },
    online,
    ...(options.windowed && { questionCounts: countQuestions(visible, host) }),
    ...(host && { full: capsReached(room) ?? {} }),
  };
}

/** The first questions of every list in both orders, in the order they were asked. */
function questionWindow(questions: QuestionView[], host: boolean): QuestionView[] {
  const picked = new Set<QuestionView>();
  for (const status of listsOf(host)) {
    for (const order of questionOrders) {
      for (const question of questionPage(questions, status, order, windowSize(status, host)).questions)
        picked.add(question);
    }
  }
  return questions.filter((question) => picked.has(question));
}

/** What one participant knows about themselves: their questions, upvotes and votes. */
export function mineView(room: RoomRecord, participant: string): MineView {
  const mine: MineView = { questions: [], upvoted: [], votes: {} };
  const merged: string[] = [];
  for (const question of room.questions.values()) {
    if (question.status !== 'dismissed') {
      if (question.author === participant) mine.questions.push(question.id);
      else if (askedBy(question, participant)) merged.push(question.id);
    }
    if (question.upvoters.has(participant)) mine.upvoted.push(question.id);
  }
  if (merged.length) mine.merged = merged;
  for (const poll of room.polls.values()) {
    const choice = poll.responses.get(participant);
    if (choice !== undefined) mine.votes[poll.id] = Array.isArray(choice) ? [...choice] : choice;
  }
  const player = room.players.get(participant);
  if (player) mine.player = { ...player };
  // Present (if empty) whenever the room has quizzes or surveys, so a reset empties a client's copy.
  if (room.quizzes.size) {
    mine.quizzes = {};
    for (const quiz of room.quizzes.values()) {
      const own = mineQuiz(room, quiz, participant);
      if (own) mine.quizzes[quiz.id] = own;
    }
  }
  if (room.surveys.size) {
    mine.surveys = {};
    for (const survey of room.surveys.values()) {
      const answers = survey.responses.get(participant);
      if (answers) mine.surveys[survey.id] = answers.map((a) => (Array.isArray(a) ? [...a] : a));
    }
  }
  return mine;
}
