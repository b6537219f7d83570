/**
 * The event's recording: with its address and start time, the report links every question
 * to the moment it was asked. Host-only data; it never appears in a participant's view.
 */
import { limits } from './limits.js';
import { refuse, type Refusal } from './room.js';

// The WHATWG URL parser is global in every runtime Plenum runs in (browsers, Node); the
// protocol package declares no environment, so it names just the part it uses.
declare const URL: new (input: string) => {
  protocol: string;
  hostname: string;
  href: string;
  hash: string;
  searchParams: { set(name: string, value: string): void };
};

export interface Recording {
  url: string;
  /** When the recording starts, ms since epoch. */
  startsAt?: number;
}

/** Only http(s) addresses become links: a `javascript:` URL must never be clickable. */
export function isWebUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Checks a recording a host sets; null (forget it) passes through. */
export function cleanRecording(raw: Recording | null): Recording | null | Refusal {
  if (raw === null) return null;
  const url = raw.url.trim();
  if (url.length > limits.recordingUrl) {
    return refuse('too_long', `The recording address can be at most ${limits.recordingUrl} characters.`);
  }
  if (!isWebUrl(url)) return refuse('invalid', 'The recording address must start with http:// or https://.');
  // Normalised, so spaces and angle brackets arrive percent-encoded wherever it is printed.
  return { url: new URL(url).href, ...(raw.startsAt !== undefined && { startsAt: raw.startsAt }) };
}

/**
 * The recording at a moment of the event: YouTube reads `?t=`, other players (and plain
 * video files, as a media fragment) read `#t=`. None before the recording starts.
 */
export function recordingLink(recording: Recording | undefined, at: number): string | undefined {
  if (!recording || recording.startsAt === undefined || !isWebUrl(recording.url)) return undefined;
  const seconds = Math.floor((at - recording.startsAt) / 1000);
  if (seconds < 0) return undefined;
  const url = new URL(recording.url);
  if (/(^|\.)(youtube\.com|youtu\.be)$/.test(url.hostname)) url.searchParams.set('t', `${seconds}s`);
  else url.hash = `t=${seconds}`;
  return url.href;
}
