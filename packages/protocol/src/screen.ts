/**
 * The big screen: it shows what the host chose last, and nothing else. The only change the
 * room makes by itself is when the chosen poll or question stops being public (deleted,
 * dismissed, back to review): the screen goes blank rather than show what the hall may not see.
 */
import type { ActionOf } from './messages.js';
import { isPublicPoll } from './polls.js';
import { isPublicQuestion } from './questions.js';
import { isPublicQuiz } from './quiz.js';
import { isPublicSurvey } from './survey.js';
import { refuse, type ApplyResult, type RoomRecord } from './room.js';
import type { Screen } from './state.js';

const sameScreen = (a: Screen, b: Screen): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Whether the screen may show this: a public poll or question, or one of its own screens. */
function check(room: RoomRecord, screen: Screen): ApplyResult | undefined {
  if (screen.show === 'poll') {
    const poll = room.polls.get(screen.poll);
    if (!poll) return refuse('not_found', 'This poll does not exist (any more).');
    if (!isPublicPoll(poll)) return refuse('invalid', 'Open the poll before showing it on screen.');
  }
  if (screen.show === 'quiz') {
    const quiz = room.quizzes.get(screen.quiz);
    if (!quiz) return refuse('not_found', 'This quiz does not exist (any more).');
    if (!isPublicQuiz(quiz)) return refuse('invalid', 'Open the quiz before showing it on screen.');
  }
  if (screen.show === 'survey') {
    const survey = room.surveys.get(screen.survey);
    if (!survey) return refuse('not_found', 'This survey does not exist (any more).');
    if (!isPublicSurvey(survey)) return refuse('invalid', 'Open the survey before showing it on screen.');
    if (screen.question >= survey.questions.length)
      return refuse('invalid', `This survey has questions 0 to ${survey.questions.length - 1}.`);
  }
  if (screen.show === 'question') {
    const question = room.questions.get(screen.question);
    if (!question) return refuse('not_found', 'This question does not exist (any more).');
    if (!isPublicQuestion(question))
      return refuse('invalid', 'Only a live or answered question can be shown on screen.');
  }
  return undefined;
}

export function showOnScreen(room: RoomRecord, action: ActionOf<'screen'>): ApplyResult {
  const refusal = check(room, action.screen);
  if (refusal) return refusal;
  if (sameScreen(room.screen, action.screen)) return { ok: true, changes: {} };
  room.screen = { ...action.screen };
  return { ok: true, changes: { screen: room.screen } };
}

/** After any change: a screen whose poll or question is no longer public goes blank. */
export function keepScreenPublic(room: RoomRecord): Screen | undefined {
  if (!check(room, room.screen)) return undefined;
  room.screen = { show: 'blank' };
  return room.screen;
}
