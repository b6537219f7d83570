/**
 * The passcode field: one for creating a room and for changing its passcode in the share tab.
 * Its form reads it as `passcode`; the hint says who needs it and what the links carry.
 */
import { html } from 'lit';
import { limits } from '@plenum/protocol';
import { t } from './i18n.js';

export function passcodeField(passcode = '') {
  const s = t();
  return html`<div class="field">
    <label for="passcode">${s.passcodeLabel}</label>
    <input
      id="passcode"
      name="passcode"
      .value=${passcode}
      minlength=${limits.passcodeMin}
      maxlength=${limits.passcode}
      autocomplete="off"
      spellcheck="false"
      aria-describedby="passcode-hint"
    />
    <p class="hint" id="passcode-hint">${s.passcodeHint}</p>
  </div>`;
}
