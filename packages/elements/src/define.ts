/** Registers the elements once: loading plenum.js twice must be harmless. */
import { PlenumPoll } from './poll/poll.js';
import { PlenumQuestions } from './questions/questions.js';
import { PlenumReactions } from './reactions/reactions.js';
import { defineOnce } from './define-once.js';

defineOnce('plenum-questions', PlenumQuestions);
defineOnce('plenum-poll', PlenumPoll);
defineOnce('plenum-reactions', PlenumReactions);
