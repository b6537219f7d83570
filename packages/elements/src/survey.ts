/** Only <plenum-survey>, for pages or bundles that need just this widget (see plenum.ts). */
import { setDefaultServer } from './server-url.js';
import { defineOnce } from './define-once.js';
import { PlenumSurvey } from './survey/survey.js';

setDefaultServer(import.meta.url);
defineOnce('plenum-survey', PlenumSurvey);
