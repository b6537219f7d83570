/**
 * What the files loaded on demand (the passcode prompt, the quiz, the survey, a ranking poll)
 * use of plenum.js, handed over rather than imported: an import would make the bundler split
 * Lit and the catalogues into a chunk of their own, and plenum.js must stay one file.
 */
import { html, nothing } from 'lit';
import { activityLimits, limits, ratingScale } from '@plenum/protocol';
import { emit } from './events.js';
import { describeError } from './feedback.js';
import { resolveLang, strings } from './i18n.js';
import { inlineStyle } from './inline-style.js';
import { numbers } from './plural.js';
import { resolveServer } from './server-url.js';

export const viewKit = {
  html,
  nothing,
  emit,
  describeError,
  inlineStyle,
  numbers,
  resolveLang,
  resolveServer,
  strings,
  limits,
  activityLimits,
  ratingScale,
} as const;
export type ViewKit = typeof viewKit;
