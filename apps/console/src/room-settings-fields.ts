/**
 * The room's language and time zone: one pair of fields for creating a room and for its
 * settings in the report tab. The zone is typed or picked from the browser's list.
 */
import { html } from 'lit';
import { isTimeZone, languages, type Lang } from '@plenum/protocol';
import { langNames, t } from './i18n.js';
import { timeZones } from './zoned-time.js';

export function roomSettingsFields(lang: Lang, timeZone: string) {
  const s = t();
  return html`<div class="field">
      <label for="room-lang">${s.roomLang}</label>
      <select id="room-lang" name="lang" aria-describedby="room-lang-hint">
        ${languages.map((code) => html`<option value=${code} ?selected=${code === lang}>${langNames[code]}</option>`)}
      </select>
      <p class="hint" id="room-lang-hint">${s.roomLangHint}</p>
    </div>
    <div class="field">
      <label for="room-zone">${s.timeZone}</label>
      <input
        id="room-zone"
        name="timeZone"
        list="room-zones"
        required
        autocomplete="off"
        spellcheck="false"
        .value=${timeZone}
        aria-describedby="room-zone-hint"
        @input=${(event: Event) => (event.target as HTMLInputElement).setCustomValidity('')}
      />
      <datalist id="room-zones">${timeZones().map((zone) => html`<option value=${zone}></option>`)}</datalist>
      <p class="hint" id="room-zone-hint">${s.timeZoneHint}</p>
    </div>`;
}

/**
 * The language and zone the form holds, or undefined after telling the host (on the field
 * itself) that the zone is not one.
 */
export function readRoomSettings(form: HTMLFormElement): { lang: Lang; timeZone: string } | undefined {
  const data = new FormData(form);
  const lang = (data.get('lang') === 'de' ? 'de' : 'en') satisfies Lang;
  const timeZone = String(data.get('timeZone') ?? '').trim();
  if (isTimeZone(timeZone)) return { lang, timeZone };
  const input = form.querySelector<HTMLInputElement>('#room-zone');
  input?.setCustomValidity(t().timeZoneInvalid);
  input?.reportValidity();
  return undefined;
}
