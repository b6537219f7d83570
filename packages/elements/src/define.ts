/** Registers the elements once: loading plenum.js twice must be harmless. */
import { PlenumPoll } from './poll/poll.js';
import { PlenumQuestions } from './questions/questions.js';
import { PlenumQuiz } from './quiz/quiz.js';
import { PlenumReactions } from './reactions/reactions.js';
import { PlenumSurvey } from './survey/survey.js';
import { defineOnce } from './define-once.js';

defineOnce('plenum-questions', PlenumQuestions);
defineOnce('plenum-poll', PlenumPoll);
defineOnce('plenum-reactions', PlenumReactions);
// Small in plenum.js: what they show loads the first time their tag appears.
defineOnce('plenum-quiz', PlenumQuiz);
defineOnce('plenum-survey', PlenumSurvey);
