/** Only <plenum-questions>, for pages or bundles that need just this widget (see plenum.ts). */
import { setDefaultServer } from './server-url.js';
import { defineOnce } from './define-once.js';
import { PlenumQuestions } from './questions/questions.js';

setDefaultServer(import.meta.url);
defineOnce('plenum-questions', PlenumQuestions);
