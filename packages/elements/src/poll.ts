/** Only <plenum-poll>, for pages or bundles that need just this widget (see plenum.ts). */
import { setDefaultServer } from './server-url.js';
import { defineOnce } from './define-once.js';
import { PlenumPoll } from './poll/poll.js';

setDefaultServer(import.meta.url);
defineOnce('plenum-poll', PlenumPoll);
