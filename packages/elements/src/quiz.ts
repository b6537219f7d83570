/** Only <plenum-quiz>, for pages or bundles that need just this widget (see plenum.ts). */
import { setDefaultServer } from './server-url.js';
import { defineOnce } from './define-once.js';
import { PlenumQuiz } from './quiz/quiz.js';

setDefaultServer(import.meta.url);
defineOnce('plenum-quiz', PlenumQuiz);
