/** The recording's address and start time: one pair of fields for creating a room and for its report. */
import { html } from 'lit';
import type { Recording } from '@plenum/protocol';
import { fromLocalInput, toLocalInput } from './format.js';
import { t } from './i18n.js';

export function recordingFields(recording?: Recording) {
  const s = t();
  return html`<div class="field">
      <label for="recording-url">${s.recordingUrl}</label>
      <input
        id="recording-url"
        name="recordingUrl"
        type="url"
        .value=${recording?.url ?? ''}
        aria-describedby="recording-hint"
      />
    </div>
    <div class="field">
      <label for="recording-start">${s.recordingStart}</label>
      <input
        id="recording-start"
        name="recordingStart"
        type="datetime-local"
        step="1"
        .value=${toLocalInput(recording?.startsAt)}
        aria-describedby="recording-hint"
      />
      <p class="hint" id="recording-hint">${s.recordingHint}</p>
    </div>`;
}

/** What the fields hold: a recording, or null when the address is empty (a start alone links nowhere). */
export function readRecording(data: FormData): Recording | null {
  const url = String(data.get('recordingUrl') ?? '').trim();
  if (!url) return null;
  const startsAt = fromLocalInput(String(data.get('recordingStart') ?? ''));
  return { url, ...(startsAt !== undefined && { startsAt }) };
}
