import { html, nothing } from 'lit';
import { PlenumError } from '@plenum/client';
import type { Strings } from './i18n.js';

/** The server's error code in the participant's words; anything unexpected gets the fallback. */
export function describeError(t: Strings, error: unknown): string {
  const code = error instanceof PlenumError ? error.code : undefined;
  return (code && t.errors[code]) || t.errors.fallback!;
}

/** An inline error under a form; `role="alert"` because it answers the participant's action. */
export function errorText(t: Strings, error: unknown, id?: string) {
  return error === undefined
    ? nothing
    : html`<p class="error" role="alert" id=${id ?? nothing}>${describeError(t, error)}</p>`;
}

/** A polite confirmation; the region stays in the tree while idle so it is heard later. */
export function successText(message: string | undefined) {
  const mark = html`<span aria-hidden="true">✓ </span>`;
  return html`<p role="status" class=${message ? 'success' : 'success idle'}>
    ${message ? [mark, message] : nothing}
  </p>`;
}
