/** The links and snippets a host hands out. */
import type { HostedRoom } from './rooms.js';

const origin = () => location.origin;
const consoleUrl = () => `${origin()}/console`;
const fragment = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** The event page when the host named one, else the console's plain participant page. */
export const participantLink = (room: string, eventPage?: string): string =>
  eventPage || `${consoleUrl()}#${fragment({ join: room })}`;

export const hostLink = (room: string, hostKey: string): string =>
  `${consoleUrl()}#${fragment({ room, key: hostKey })}`;

/** No key in it: safe to leave open on a venue PC or in an OBS browser source. */
export const presentLink = (room: string, eventPage?: string): string =>
  `${consoleUrl()}#${fragment({ present: room, ...(eventPage && { join: eventPage }) })}`;

export const embedSnippet = (room: string): string =>
  [
    `<script type="module" src="${origin()}/plenum.js"></script>`,
    `<plenum-reactions room="${room}"></plenum-reactions>`,
    `<plenum-poll room="${room}"></plenum-poll>`,
    `<plenum-questions room="${room}"></plenum-questions>`,
  ].join('\n');

/**
 * The recording at the moment a question was asked: YouTube reads `?t=`, other players
 * (and plain video files, as a media fragment) read `#t=`.
 */
export function recordingLink(room: HostedRoom | undefined, at: number): string | undefined {
  if (!room?.recordingUrl || room.recordingStart === undefined) return undefined;
  const seconds = Math.floor((at - room.recordingStart) / 1000);
  if (seconds < 0) return undefined;
  let url: URL;
  try {
    url = new URL(room.recordingUrl);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol)) return undefined;
  if (/(^|\.)(youtube\.com|youtu\.be)$/.test(url.hostname)) url.searchParams.set('t', `${seconds}s`);
  else url.hash = `t=${seconds}`;
  return url.href;
}

/** Only http(s) addresses become links: a `javascript:` URL must never be clickable. */
export function isWebUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}
