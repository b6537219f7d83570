/**
 * What a room says about its audience: the language its report, present view and join page
 * speak, the time zone its times are told in, and the page the widgets are embedded in.
 */
import { limits } from './limits.js';
import { isWebUrl } from './recording.js';
import { refuse, type Refusal } from './room.js';

declare const URL: new (input: string) => { href: string };

/** The languages Plenum speaks, in the order the console offers them (the widgets and the console share it). */
export const languages = ['en', 'de'] as const;
export type Lang = (typeof languages)[number];

export const isLang = (value: unknown): value is Lang => languages.includes(value as Lang);

/** An IANA zone the runtime knows ("Europe/Berlin", "UTC"); offsets and abbreviations are not zones. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function cleanTimeZone(zone: string): string | Refusal {
  if (!isTimeZone(zone)) {
    return refuse(
      'invalid',
      `timeZone: "${zone}" is not a time zone (an IANA name such as "Europe/Berlin").`,
    );
  }
  // The canonical spelling, so "europe/berlin" and "Europe/Berlin" are one zone.
  return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
}

/** The event page is handed out as the participant link: only http(s), like the recording. */
export function cleanEventPage(raw: string | null): string | null | Refusal {
  if (raw === null) return null;
  const url = raw.trim();
  if (url === '') return null;
  if (url.length > limits.recordingUrl) {
    return refuse('too_long', `eventPage: the address can be at most ${limits.recordingUrl} characters.`);
  }
  if (!isWebUrl(url)) return refuse('invalid', 'eventPage: the address must start with http:// or https://.');
  return new URL(url).href;
}
