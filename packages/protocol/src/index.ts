export * from './limits.js';
export { closeCodes, refusedBy } from './close-codes.js';
export { capsReached, defaultCaps, noCaps, type CapName, type CapsReached, type RoomCaps } from './caps.js';
export * from './state.js';
export * from './messages.js';
export * from './model.js';
export * from './patch.js';
export { answerKey, groupAnswers, percentages, ratingAverage, tidyAnswer } from './results.js';
export {
  askedBy,
  canSeeQuestion,
  compareQuestions,
  isPublicQuestion,
  questionView,
  reviewReaders,
  participantLists,
  sortAnswered,
  sortQuestions,
} from './questions.js';
export { countQuestions, listsOf, questionPage, windowSize, type Cursor } from './window.js';
export { isPublicPoll, pollResults, pollView, ratingScale } from './polls.js';
export { rankingResults } from './ranking.js';
export { isPublicQuiz, leaderboard, quizView, scoreAnswer, standings } from './quiz.js';
export { nicknameKey } from './players.js';
export { isPublicSurvey, surveyView } from './survey.js';
export { minuteOf } from './reactions.js';
export { cleanText, isRefusal, stripControls } from './room.js';
export { cleanRecording, isWebUrl, recordingLink, type Recording } from './recording.js';
export { join, leave } from './presence.js';
export {
  report,
  type Report,
  type ReportDefaults,
  type ReportMinute,
  type ReportPoll,
  type ReportQuestion,
  type ReportQuiz,
  type ReportQuizQuestion,
  type ReportSurvey,
  type ReportSurveyQuestion,
} from './report.js';
export type { ResetRecord } from './room.js';
export { cleanEventPage, cleanTimeZone, isLang, isTimeZone, languages, type Lang } from './settings.js';
export { duplicateGroups, questionKey } from './duplicates.js';
export { parseZonedDateTime, zonedDateTime } from './zoned-time.js';
export { roomParty, roomSocketPath } from './party.js';
