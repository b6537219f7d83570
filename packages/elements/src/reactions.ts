/** Only <plenum-reactions>, for pages or bundles that need just this widget (see plenum.ts). */
import { setDefaultServer } from './server-url.js';
import { defineOnce } from './define-once.js';
import { PlenumReactions } from './reactions/reactions.js';

setDefaultServer(import.meta.url);
defineOnce('plenum-reactions', PlenumReactions);
