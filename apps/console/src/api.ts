/**
 * The console's calls to the HTTP API of the server it was loaded from: what the socket
 * cannot do (create a room, fetch or download the report, erase the room). Every other host
 * action goes over the room's socket (`HostActions`).
 */
import type { ErrorCode, HttpErrorCode, Lang, Moderation, Recording, Report } from '@plenum/protocol';

/** What an API call can fail with: the server's codes, `network` when it cannot be reached. */
export type ApiErrorCode = ErrorCode | HttpErrorCode | 'network' | 'fallback';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function call(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const { token, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(`${location.origin}/api${path}`, {
      ...rest,
      headers: {
        ...(rest.body !== undefined && { 'Content-Type': 'application/json' }),
        ...(token && { Authorization: `Bearer ${token}` }),
      },
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached.');
  }
  if (response.ok) return response;
  let code: ApiErrorCode = 'fallback';
  let message = response.statusText;
  try {
    const body = (await response.json()) as { error?: { code?: ApiErrorCode; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    // Not JSON: keep the status text.
  }
  throw new ApiError(response.status, code, message);
}

export async function createRoom(
  body: {
    room?: string;
    title: string;
    moderation: Moderation;
    recording?: Recording;
    lang: Lang;
    timeZone: string;
    eventPage?: string;
    passcode?: string;
  },
  adminToken?: string,
): Promise<{ room: string; hostKey: string }> {
  const response = await call('/rooms', { method: 'POST', body: JSON.stringify(body), token: adminToken });
  return (await response.json()) as { room: string; hostKey: string };
}

const roomPath = (room: string) => `/rooms/${encodeURIComponent(room)}`;

/**
 * Sets the room's passcode (`null` lifts it), which the socket does not carry (every other
 * setting is a `room-update` on it). Resolves with whether the room has a passcode now (no
 * change at all only asks that).
 */
export async function updatePasscode(
  room: string,
  hostKey: string,
  changes: { passcode?: string | null },
): Promise<{ passcode: boolean }> {
  const response = await call(roomPath(room), {
    method: 'PATCH',
    body: JSON.stringify(changes),
    token: hostKey,
  });
  return (await response.json()) as { passcode: boolean };
}

export async function fetchReport(room: string, hostKey: string): Promise<Report> {
  const response = await call(`${roomPath(room)}/report`, { token: hostKey });
  return (await response.json()) as Report;
}

/** What the report tab offers for download; the server names each file. */
export const reportDownloads = ['md', 'txt', 'chapters', 'json', 'numbers', 'questions', 'polls'] as const;
export type ReportDownload = (typeof reportDownloads)[number];

const downloadQuery = (download: ReportDownload): string =>
  download === 'numbers' || download === 'questions' || download === 'polls'
    ? `format=csv&table=${download}`
    : `format=${download}`;

/**
 * Fetches the report with the key in a header (a plain link cannot carry one) and hands it
 * to the browser as a download through a Blob URL. `all`: the host's full archive of questions.
 */
export async function downloadReport(
  room: string,
  hostKey: string,
  download: ReportDownload,
  all = false,
): Promise<void> {
  const query = `${downloadQuery(download)}${all ? '&include=all' : ''}`;
  const response = await call(`${roomPath(room)}/report?${query}`, { token: hostKey });
  const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = named ?? `plenum-${room}.${download}`;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function eraseRoom(room: string, hostKey: string): Promise<void> {
  await call(roomPath(room), { method: 'DELETE', token: hostKey });
}
