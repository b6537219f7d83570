/**
 * Quizzes: the host prepares questions with their correct options and time limits, starts
 * them one at a time, reveals each answer and shows the leaderboard. Every time is the
 * server's (the `now` of the log entry), so a replay scores every answer as it was scored.
 *
 * Scoring (fixed when the answer arrives; speed points can change only in a draft):
 * - The full points of a question: with speed points 500 + 500 × (time left ÷ time limit),
 *   rounded (1000 at once, 500 at the last moment); without them a flat 1000.
 * - Single choice: the full points when right, 0 when wrong.
 * - Multiple choice, partial credit: (correct options chosen − wrong options chosen) ÷ correct
 *   options, at least 0, times the full points, rounded. All correct ones and no wrong one
 *   is wholly right; choosing every option scores as much as the wrong ones cost.
 * Only revealed questions count on the leaderboard, so scores never give an answer away.
 */
import { activities, roomFull } from './caps.js';
import { activityLimits, limits } from './limits.js';
import type { ActionOf } from './messages.js';
import { playerOf } from './players.js';
import { checkOptions } from './polls.js';
import { percentages } from './results.js';
import {
  cleanText,
  isRefusal,
  refuse,
  type ApplyResult,
  type Changes,
  type QuizQuestionRecord,
  type QuizRecord,
  type QuizStandings,
  type Refusal,
  type RoomRecord,
} from './room.js';
import type { LeaderboardEntry, MineQuiz, QuizKind, QuizQuestionView, QuizView } from './state.js';

/** Drafts are the host's preparation: nobody else sees them. */
export const isPublicQuiz = (quiz: Pick<QuizRecord, 'status'>): boolean => quiz.status !== 'draft';

const notFound = () => refuse('not_found', 'This quiz does not exist (any more).');
const findQuiz = (room: RoomRecord, id: string, host: boolean): QuizRecord | Refusal => {
  const quiz = room.quizzes.get(id);
  return quiz && (host || isPublicQuiz(quiz)) ? quiz : notFound();
};

/** The points one answer scores (see the rules above); `ms` after the question started. */
export function scoreAnswer(
  question: { correct: readonly number[]; timeLimit: number },
  choice: readonly number[],
  ms: number,
  speedPoints: boolean,
): { points: number; correct: boolean } {
  const right = choice.filter((option) => question.correct.includes(option)).length;
  const fraction = Math.max(0, (right - (choice.length - right)) / question.correct.length);
  const limit = question.timeLimit * 1000;
  const full = speedPoints ? 500 + Math.round((500 * Math.max(0, limit - ms)) / limit) : 1000;
  return { points: Math.round(fraction * full), correct: fraction === 1 };
}

type QuestionInput = ActionOf<'quiz-create'>['questions'][number];

function checkQuestions(raw: readonly QuestionInput[]): QuizQuestionRecord[] | Refusal {
  if (raw.length === 0) return refuse('empty', 'A quiz needs at least one question.');
  const questions: QuizQuestionRecord[] = [];
  for (const [i, input] of raw.entries()) {
    const what = `Question ${i + 1}`;
    const text = cleanText(input.text, activityLimits.quizQuestion, what);
    if (isRefusal(text)) return text;
    const options = checkOptions('single', input.options);
    if (isRefusal(options)) return refuse(options.code, `${what}: ${options.message}`);
    const correct = [...new Set(input.correct)].sort((a, b) => a - b);
    if (correct.length === 0 || correct.some((option) => option >= options.length))
      return refuse('invalid', `${what}: mark the correct option among its options.`);
    if (input.kind === 'single' && correct.length !== 1)
      return refuse('invalid', `${what}: a single-choice question has exactly one correct option.`);
    const timeLimit = input.timeLimit ?? activityLimits.quizTime;
    if (
      !Number.isInteger(timeLimit) ||
      timeLimit < activityLimits.quizTimeMin ||
      timeLimit > activityLimits.quizTimeMax
    )
      return refuse(
        'invalid',
        `${what}: the time limit is ${activityLimits.quizTimeMin} to ${activityLimits.quizTimeMax} seconds.`,
      );
    questions.push({
      text,
      kind: input.kind,
      options,
      correct,
      timeLimit,
      revealed: false,
      answers: new Map(),
      tally: new Array<number>(options.length).fill(0),
      right: 0,
    });
  }
  return questions;
}

export function createQuiz(
  room: RoomRecord,
  action: ActionOf<'quiz-create'>,
  now: number,
  newId?: string,
): ApplyResult {
  const title = cleanText(action.title, limits.pollTitle, 'A quiz title');
  if (isRefusal(title)) return title;
  const questions = checkQuestions(action.questions);
  if (isRefusal(questions)) return questions;
  if (activities(room) >= room.caps.polls) return roomFull(room, 'polls');
  const id = newId ?? `z${(room.counters.quiz = (room.counters.quiz ?? 0) + 1)}`;
  if (room.quizzes.has(id)) return refuse('invalid', `A quiz "${id}" exists already.`);
  room.quizzes.set(id, {
    id,
    title,
    status: 'draft',
    speedPoints: action.speedPoints ?? true,
    createdAt: now,
    questions,
    current: null,
    phase: null,
    scores: new Map(),
  });
  return { ok: true, result: { id }, changes: { quizzes: [id] } };
}

const transitions = { draft: ['open', 'closed'], open: ['closed'], closed: ['open'] } as const;

export function updateQuiz(room: RoomRecord, action: ActionOf<'quiz-update'>, now: number): ApplyResult {
  const quiz = findQuiz(room, action.quiz, true);
  if (isRefusal(quiz)) return quiz;
  const status = action.status ?? quiz.status;
  if (status !== quiz.status && !(transitions[quiz.status] as readonly string[]).includes(status))
    return refuse('invalid', `A quiz cannot go from ${quiz.status} to ${status}.`);
  const editing =
    action.title !== undefined || action.questions !== undefined || action.speedPoints !== undefined;
  if (editing && quiz.status !== 'draft') return refuse('closed', 'Only a draft quiz can be edited.');
  const title =
    action.title === undefined ? quiz.title : cleanText(action.title, limits.pollTitle, 'A quiz title');
  if (isRefusal(title)) return title;
  const questions = action.questions === undefined ? quiz.questions : checkQuestions(action.questions);
  if (isRefusal(questions)) return questions;
  quiz.title = title;
  quiz.questions = questions;
  if (action.speedPoints !== undefined) quiz.speedPoints = action.speedPoints;
  const changes: Changes = { quizzes: [quiz.id] };
  // Closing ends the question under way: its answer counts, and the final leaderboard shows.
  if (status === 'closed' && quiz.status === 'open') {
    reveal(quiz, now, changes);
    if (quiz.current !== null) quiz.phase = 'leaderboard';
  }
  quiz.status = status;
  return { ok: true, changes };
}

export function deleteQuiz(room: RoomRecord, action: ActionOf<'quiz-delete'>): ApplyResult {
  if (!room.quizzes.delete(action.quiz)) return notFound();
  return { ok: true, changes: { removedQuizzes: [action.quiz] } };
}

/** The current question's answer comes out: answering ends, its points count. */
function reveal(quiz: QuizRecord, now: number, changes: Changes): void {
  const question = quiz.current === null ? undefined : quiz.questions[quiz.current];
  if (!question || question.revealed) return;
  question.revealed = true;
  if (now < question.startedAt! + question.timeLimit * 1000) question.closedAt = now;
  for (const [participant, answer] of question.answers)
    quiz.scores.set(participant, (quiz.scores.get(participant) ?? 0) + answer.points);
  quiz.cached = undefined;
  // Every player's rank may move: each one's own view changes.
  changes.personal = [...quiz.scores.keys()];
}

export function startQuestion(room: RoomRecord, action: ActionOf<'quiz-start'>, now: number): ApplyResult {
  const quiz = findQuiz(room, action.quiz, true);
  if (isRefusal(quiz)) return quiz;
  if (quiz.status === 'closed') return refuse('closed', 'This quiz is over; reopen it first.');
  const question = quiz.questions[action.question];
  if (!question) return refuse('invalid', `This quiz has questions 0 to ${quiz.questions.length - 1}.`);
  if (question.startedAt !== undefined)
    return refuse('closed', 'This question has been played; reset the quiz to play it again.');
  const changes: Changes = { quizzes: [quiz.id] };
  reveal(quiz, now, changes);
  question.startedAt = now;
  quiz.current = action.question;
  quiz.phase = 'question';
  quiz.status = 'open';
  return { ok: true, changes };
}

export function revealAnswer(
  room: RoomRecord,
  action: ActionOf<'quiz-reveal'> | ActionOf<'quiz-leaderboard'>,
  now: number,
): ApplyResult {
  const quiz = findQuiz(room, action.quiz, true);
  if (isRefusal(quiz)) return quiz;
  if (quiz.current === null) return refuse('invalid', 'Start a question first.');
  const phase = action.type === 'quiz-reveal' ? 'revealed' : 'leaderboard';
  const changes: Changes = { quizzes: [quiz.id] };
  // The leaderboard counts the question under way: showing it reveals that question's answer too.
  reveal(quiz, now, changes);
  if (quiz.phase === phase && !changes.personal) return { ok: true, changes: {} };
  quiz.phase = phase;
  return { ok: true, changes };
}

/** One answer per participant per question, within its time by the server's clock. */
export function answerQuiz(
  room: RoomRecord,
  action: ActionOf<'quiz-answer'>,
  participant: string,
  host: boolean,
  now: number,
): ApplyResult {
  const quiz = findQuiz(room, action.quiz, host);
  if (isRefusal(quiz)) return quiz;
  const question = quiz.questions[action.question];
  if (!question) return refuse('invalid', `This quiz has questions 0 to ${quiz.questions.length - 1}.`);
  if (quiz.status !== 'open' || quiz.current !== action.question || quiz.phase !== 'question')
    return refuse('closed', 'This question takes no answers now.');
  // A clock that stepped back (NTP) gives no more than the full points.
  const ms = Math.max(0, now - question.startedAt!);
  if (ms > question.timeLimit * 1000) return refuse('closed', 'Time is up for this question.');
  const choice = checkQuizChoice(question.kind, question.options.length, action.choice);
  if (isRefusal(choice)) return choice;
  const previous = question.answers.get(participant);
  if (previous) {
    const same = previous.choice.length === choice.length && previous.choice.every((c, i) => c === choice[i]);
    return same ? { ok: true, changes: {} } : refuse('closed', 'You have answered this question already.');
  }
  const { points, correct } = scoreAnswer(question, choice, ms, quiz.speedPoints);
  question.answers.set(participant, { choice, ms, points, correct });
  for (const option of choice) question.tally[option]! += 1;
  if (correct) question.right += 1;
  playerOf(room, participant);
  // A new player has 0 points: they join the last place, which moves nobody (no new standings).
  if (!quiz.scores.has(participant)) quiz.scores.set(participant, 0);
  return { ok: true, changes: { quizzes: [quiz.id], mine: true } };
}

function checkQuizChoice(kind: QuizKind, options: number, choice: number | number[]): number[] | Refusal {
  const isIndex = (value: number) => Number.isInteger(value) && value >= 0 && value < options;
  if (kind === 'single')
    return typeof choice === 'number' && isIndex(choice)
      ? [choice]
      : refuse('invalid', 'Choose one of the options.');
  if (!Array.isArray(choice) || !choice.every(isIndex)) return refuse('invalid', 'Choose among the options.');
  if (choice.length === 0) return refuse('empty', 'Choose at least one option.');
  if (new Set(choice).size !== choice.length) return refuse('invalid', 'Choose each option at most once.');
  return [...choice].sort((a, b) => a - b);
}

/** Rehearsal: every answer and score goes; the quiz is a draft again, to play from the start. */
export function resetQuiz(room: RoomRecord, action: ActionOf<'quiz-reset'>, now: number): ApplyResult {
  const quiz = findQuiz(room, action.quiz, true);
  if (isRefusal(quiz)) return quiz;
  const players = [...quiz.scores.keys()];
  let answers = 0;
  for (const question of quiz.questions) {
    answers += question.answers.size;
    question.answers.clear();
    question.tally.fill(0);
    question.right = 0;
    question.revealed = false;
    delete question.startedAt;
    delete question.closedAt;
  }
  quiz.scores.clear();
  quiz.cached = undefined;
  quiz.current = quiz.phase = null;
  quiz.status = 'draft';
  room.resets.push({ at: now, kind: 'quiz', id: quiz.id, title: quiz.title, answers });
  return { ok: true, changes: { quizzes: [quiz.id], personal: players } };
}

// ---------------------------------------------------------------- standings and views

/**
 * Every player in leaderboard order with their rank: most points first, equal scores share
 * a rank (1, 1, 3), and among them the lower player number comes first. Sorted once per
 * change of the scores (a reveal, a reset), then read by every view and every player's own.
 */
export function standings(room: RoomRecord, quiz: QuizRecord): QuizStandings {
  if (quiz.cached) return quiz.cached;
  const order: QuizStandings['order'] = [];
  for (const [participant, score] of quiz.scores)
    order.push({ participant, score, number: room.players.get(participant)?.number ?? 0, rank: 0 });
  order.sort((a, b) => b.score - a.score || a.number - b.number);
  const rank = new Map<string, number>();
  let zero = order.length + 1;
  order.forEach((entry, i) => {
    entry.rank = i > 0 && order[i - 1]!.score === entry.score ? order[i - 1]!.rank : i + 1;
    rank.set(entry.participant, entry.rank);
    if (entry.score === 0 && zero > entry.rank) zero = entry.rank;
  });
  return (quiz.cached = { order, rank, zero });
}

/** A player's place; one who joined since the standings were sorted has 0 points, the last place. */
const rankOf = (standing: QuizStandings, participant: string): number =>
  standing.rank.get(participant) ?? standing.zero;

/** The first places (`activityLimits.leaderboard`), by player number and nickname only. */
export function leaderboard(
  room: RoomRecord,
  quiz: QuizRecord,
  size: number = activityLimits.leaderboard,
): LeaderboardEntry[] {
  return standings(room, quiz)
    .order.slice(0, size)
    .map(({ participant, score, rank, number }) => {
      const nickname = room.players.get(participant)?.nickname;
      return { rank, player: number, ...(nickname !== undefined && { nickname }), score };
    });
}

function questionView(question: QuizQuestionRecord, index: number, open: boolean): QuizQuestionView {
  const started = question.startedAt;
  return {
    index,
    text: question.text,
    kind: question.kind,
    options: [...question.options],
    timeLimit: question.timeLimit,
    ...(started !== undefined && { startedAt: started, endsAt: started + question.timeLimit * 1000 }),
    responses: question.answers.size,
    ...(open && {
      correct: [...question.correct],
      results: {
        counts: [...question.tally],
        percentages: percentages(question.tally),
        responses: question.answers.size,
        correctResponses: question.right,
      },
    }),
  };
}

/**
 * The wire shape of a quiz. Nothing leaks before its time: unstarted questions are the
 * host's, correct options and counts come with the reveal, the leaderboard when shown.
 */
export function quizView(room: RoomRecord, quiz: QuizRecord, host = false): QuizView {
  const questions: QuizQuestionView[] = [];
  quiz.questions.forEach((question, index) => {
    if (host || question.startedAt !== undefined)
      questions.push(questionView(question, index, host || question.revealed));
  });
  const board =
    quiz.status === 'closed' || quiz.phase === 'leaderboard' || (host && quiz.phase === 'revealed');
  return {
    id: quiz.id,
    title: quiz.title,
    status: quiz.status,
    speedPoints: quiz.speedPoints,
    questionCount: quiz.questions.length,
    questions,
    current: quiz.current,
    phase: quiz.phase,
    ...(board && { leaderboard: leaderboard(room, quiz) }),
    players: quiz.scores.size,
    createdAt: quiz.createdAt,
  };
}

/** What a player knows of their own game: answers (points once revealed), score and place. */
export function mineQuiz(room: RoomRecord, quiz: QuizRecord, participant: string): MineQuiz | undefined {
  const score = quiz.scores.get(participant);
  if (score === undefined) return undefined;
  const answers: MineQuiz['answers'] = {};
  quiz.questions.forEach((question, index) => {
    const answer = question.answers.get(participant);
    if (!answer) return;
    const choice = question.kind === 'single' ? answer.choice[0]! : [...answer.choice];
    answers[index] = {
      choice,
      ms: answer.ms,
      ...(question.revealed && { points: answer.points, correct: answer.correct }),
    };
  });
  return { answers, score, rank: rankOf(standings(room, quiz), participant), players: quiz.scores.size };
}
