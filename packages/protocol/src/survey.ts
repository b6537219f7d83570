/**
 * Surveys: several questions (rating, single, multiple, open) a participant answers at their
 * own pace and sends together, before, during or after the event; while the survey is open,
 * sending again replaces their answers. Each question counts and tallies as a poll of its
 * kind does (polls.ts), so results read the same as a poll's.
 */
import { activities, roomFull } from './caps.js';
import { activityLimits, limits } from './limits.js';
import type { ActionOf } from './messages.js';
import {
  checkChoice,
  checkMaxChoices,
  checkOptions,
  clearResponses,
  count,
  emptyTally,
  pollResults,
  sameChoice,
} from './polls.js';
import { answerKey } from './results.js';
import {
  cleanText,
  isRefusal,
  refuse,
  type ApplyResult,
  type PollRecord,
  type Refusal,
  type RoomRecord,
  type SurveyRecord,
} from './room.js';
import type { PollStatus, SurveyAnswer, SurveyView } from './state.js';

export const isPublicSurvey = (survey: Pick<SurveyRecord, 'status'>): boolean => survey.status !== 'draft';

const notFound = () => refuse('not_found', 'This survey does not exist (any more).');
const findSurvey = (room: RoomRecord, id: string, host: boolean): SurveyRecord | Refusal => {
  const survey = room.surveys.get(id);
  return survey && (host || isPublicSurvey(survey)) ? survey : notFound();
};

type QuestionInput = ActionOf<'survey-create'>['questions'][number];

function checkQuestions(id: string, raw: readonly QuestionInput[], now: number): PollRecord[] | Refusal {
  if (raw.length === 0) return refuse('empty', 'A survey needs at least one question.');
  const questions: PollRecord[] = [];
  for (const [i, input] of raw.entries()) {
    const what = `Question ${i + 1}`;
    const text = cleanText(input.text, activityLimits.surveyQuestion, what);
    if (isRefusal(text)) return text;
    const options = checkOptions(input.kind, input.options);
    if (isRefusal(options)) return refuse(options.code, `${what}: ${options.message}`);
    const maxChoices = checkMaxChoices(input.kind, input.maxChoices, options.length);
    if (isRefusal(maxChoices)) return refuse(maxChoices.code, `${what}: ${maxChoices.message}`);
    questions.push({
      id: `${id}/${i}`,
      position: i,
      title: text,
      kind: input.kind,
      status: 'open',
      options,
      ...(maxChoices !== undefined && { maxChoices }),
      resultsVisible: false,
      createdAt: now,
      responses: new Map(),
      tally: emptyTally(input.kind, options.length),
      answers: new Map(),
      aliases: new Map(),
    });
  }
  return questions;
}

export function createSurvey(
  room: RoomRecord,
  action: ActionOf<'survey-create'>,
  now: number,
  newId?: string,
): ApplyResult {
  const title = cleanText(action.title, limits.pollTitle, 'A survey title');
  if (isRefusal(title)) return title;
  const id = newId ?? `s${(room.counters.survey = (room.counters.survey ?? 0) + 1)}`;
  const questions = checkQuestions(id, action.questions, now);
  if (isRefusal(questions)) return questions;
  if (activities(room) >= room.caps.polls) return roomFull(room, 'polls');
  if (room.surveys.has(id)) return refuse('invalid', `A survey "${id}" exists already.`);
  room.surveys.set(id, {
    id,
    title,
    status: 'draft',
    resultsVisible: action.resultsVisible ?? false,
    createdAt: now,
    questions,
    responses: new Map(),
  });
  return { ok: true, result: { id }, changes: { surveys: [id] } };
}

const transitions: Record<PollStatus, readonly PollStatus[]> = {
  draft: ['open', 'closed'],
  open: ['closed'],
  closed: ['open'],
};

export function updateSurvey(room: RoomRecord, action: ActionOf<'survey-update'>, now: number): ApplyResult {
  const survey = findSurvey(room, action.survey, true);
  if (isRefusal(survey)) return survey;
  const status = action.status ?? survey.status;
  if (status !== survey.status && !transitions[survey.status].includes(status))
    return refuse('invalid', `A survey cannot go from ${survey.status} to ${status}.`);
  if ((action.title !== undefined || action.questions !== undefined) && survey.status !== 'draft')
    return refuse('closed', 'Only a draft survey can be edited.');
  if (action.questions !== undefined && survey.responses.size > 0)
    return refuse('closed', 'The questions cannot change once people have answered.');
  const title =
    action.title === undefined ? survey.title : cleanText(action.title, limits.pollTitle, 'A survey title');
  if (isRefusal(title)) return title;
  const questions =
    action.questions === undefined ? survey.questions : checkQuestions(survey.id, action.questions, now);
  if (isRefusal(questions)) return questions;
  survey.title = title;
  survey.questions = questions;
  survey.status = status;
  if (action.resultsVisible !== undefined) survey.resultsVisible = action.resultsVisible;
  return { ok: true, changes: { surveys: [survey.id] } };
}

export function deleteSurvey(room: RoomRecord, action: ActionOf<'survey-delete'>): ApplyResult {
  if (!room.surveys.delete(action.survey)) return notFound();
  return { ok: true, changes: { removedSurveys: [action.survey] } };
}

/** All answers at once, one per question (null: left out); a new sending replaces the last. */
export function answerSurvey(
  room: RoomRecord,
  action: ActionOf<'survey-answer'>,
  participant: string,
  host: boolean,
): ApplyResult {
  const survey = findSurvey(room, action.survey, host);
  if (isRefusal(survey)) return survey;
  if (survey.status !== 'open') return refuse('closed', 'This survey takes no answers now.');
  if (action.answers.length !== survey.questions.length)
    return refuse('invalid', `Send ${survey.questions.length} answers, null for a question left out.`);
  const answers: SurveyAnswer[] = [];
  for (const [i, raw] of action.answers.entries()) {
    const question = survey.questions[i]!;
    const answer = raw === null ? null : checkChoice(question, raw);
    if (isRefusal(answer)) return refuse(answer.code, `Question ${i + 1}: ${answer.message}`);
    if (
      question.kind === 'open' &&
      typeof answer === 'string' &&
      question.answers.size >= room.caps.openAnswers &&
      !question.answers.has(answerKey(answer))
    )
      return roomFull(room, 'openAnswers');
    answers.push(answer);
  }
  if (answers.every((answer) => answer === null)) return refuse('empty', 'Answer at least one question.');
  const previous = survey.responses.get(participant);
  if (previous?.every((answer, i) => sameAnswer(answer, answers[i]!))) return { ok: true, changes: {} };
  survey.questions.forEach((question, i) => {
    const before = previous?.[i] ?? null;
    const after = answers[i]!;
    if (before !== null) {
      count(question, before, -1);
      question.responses.delete(participant);
    }
    if (after !== null) {
      count(question, after, 1);
      question.responses.set(participant, after);
    }
    question.cached = undefined;
  });
  survey.responses.set(participant, answers);
  return { ok: true, changes: { surveys: [survey.id], mine: true } };
}

const sameAnswer = (a: SurveyAnswer, b: SurveyAnswer): boolean =>
  a === null || b === null ? a === b : sameChoice(a, b);

/** Rehearsal: every answer goes; the status stays. */
export function resetSurvey(room: RoomRecord, action: ActionOf<'survey-reset'>, now: number): ApplyResult {
  const survey = findSurvey(room, action.survey, true);
  if (isRefusal(survey)) return survey;
  const respondents = [...survey.responses.keys()];
  survey.responses.clear();
  for (const question of survey.questions) clearResponses(question);
  room.resets.push({
    at: now,
    kind: 'survey',
    id: survey.id,
    title: survey.title,
    answers: respondents.length,
  });
  return { ok: true, changes: { surveys: [survey.id], personal: respondents } };
}

/** The wire shape: results per question for the host, for everyone else while shown. */
export function surveyView(survey: SurveyRecord, host = false): SurveyView {
  return {
    id: survey.id,
    title: survey.title,
    status: survey.status,
    questions: survey.questions.map((question) => ({
      text: question.title,
      kind: question.kind as SurveyView['questions'][number]['kind'],
      options: [...question.options],
      ...(question.maxChoices !== undefined && { maxChoices: question.maxChoices }),
    })),
    resultsVisible: survey.resultsVisible,
    responses: survey.responses.size,
    ...((host || survey.resultsVisible) && {
      results: survey.questions.map((question) => pollResults(question, host)),
    }),
    createdAt: survey.createdAt,
  };
}
