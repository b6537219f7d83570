/**
 * The recording's address and start time: one pair of fields for creating a room and for its
 * report. The start is hours and minutes on the room's clock (its time zone), and a start far
 * from the room's activity is flagged, since it would send every link hours or years astray.
 */
import { html, nothing } from 'lit';
import { parseZonedDateTime, type Recording } from '@plenum/protocol';
import { longDate } from './format.js';
import { t } from './i18n.js';
import { toZonedInput } from './zoned-time.js';

const dayMs = 24 * 60 * 60 * 1000;

/** When the room saw anything: from its creation to its last question, reaction or peak. */
export interface Activity {
  from: number;
  to: number;
}

/**
 * @param warning what `startWarning` said about the start entered, or '' for nothing.
 */
export function recordingFields(recording: Recording | undefined, timeZone: string, warning = '') {
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
        .value=${toZonedInput(recording?.startsAt, timeZone)}
        aria-describedby="recording-hint recording-zone recording-warning"
      />
      <p class="hint" id="recording-zone">${s.recordingZone(timeZone)}</p>
      <p class="hint" id="recording-hint">${s.recordingHint}</p>
      <p class=${warning ? 'note' : 'hint'} id="recording-warning" role="status">${warning || nothing}</p>
    </div>`;
}

/** What the fields hold: a recording, or null when the address is empty (a start alone links nowhere). */
export function readRecording(data: FormData, timeZone: string): Recording | null {
  const url = String(data.get('recordingUrl') ?? '').trim();
  if (!url) return null;
  const startsAt = parseZonedDateTime(String(data.get('recordingStart') ?? ''), timeZone);
  return { url, ...(startsAt !== undefined && { startsAt }) };
}

/**
 * A warning when the start entered lies more than a day before or after the room's activity
 * (a mistyped year, a wrong day); '' when it is plausible or empty. Saving still works: the
 * host may know better (a recording published from an earlier rehearsal).
 */
export function startWarning(form: HTMLFormElement, timeZone: string, activity: Activity): string {
  const value = (form.elements.namedItem('recordingStart') as HTMLInputElement | null)?.value ?? '';
  const startsAt = parseZonedDateTime(value, timeZone);
  if (startsAt === undefined) return '';
  if (startsAt >= activity.from - dayMs && startsAt <= activity.to + dayMs) return '';
  return t().recordingFarAway(longDate(activity.from));
}
