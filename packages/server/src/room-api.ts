/**
 * The HTTP API of one room, `/api/rooms/:room/…` (all but erasing it): the party answers
 * these itself (`PlenumRoom.onRequest`), with the same rules, log and broadcast as over the
 * socket. A passcoded room shows nothing without its code; everything else needs the host key.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import {
  actionSchema,
  passcodeSchema,
  type Action,
  type ErrorCode,
  type Report,
  type ReportDefaults,
} from '@plenum/protocol';
import {
  bearer,
  HttpError,
  invalid,
  methodNotAllowed,
  notFound,
  readBody,
  readJson,
  requestTarget,
  sendJson,
} from './http-util.js';
import { keyMatches, passcodeMatches } from './keys.js';
import type { PlenumRoom } from './plenum-room.js';
import { reportAnswer } from './report/download.js';
import { dayMs } from './retention.js';
import { setPasscode } from './rooms.js';
import type { RoomMeta, Storage } from './storage/storage.js';

export interface RoomApiOptions {
  storage: Storage;
  /** How long idle rooms are kept (0 or unset: until erased); the report says when. */
  retentionMs?: number;
  /** The language and time zone a report falls back to (`--lang`, `--time-zone`). */
  roomDefaults?: ReportDefaults;
}

/** The header that carries a room's passcode to `GET /api/rooms/:room`. */
export const passcodeHeader = 'x-plenum-passcode';

/** English and the server's own zone, unless the server was started with others. */
export function roomDefaults(options: { roomDefaults?: ReportDefaults }): ReportDefaults {
  return options.roomDefaults ?? { lang: 'en', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}

/** The HTTP status that fits each refusal of the room model. */
const statusOf: Record<ErrorCode, number> = {
  malformed: 400,
  passcode: 401,
  invalid: 400,
  version: 400,
  not_joined: 400,
  too_long: 400,
  empty: 400,
  too_many_choices: 400,
  not_found: 404,
  unknown_room: 404,
  forbidden: 403,
  own_question: 403,
  taken: 409,
  unauthorized: 401,
  closed: 409,
  room_full: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

interface RoomRequest {
  room: PlenumRoom;
  request: IncomingMessage;
  response: ServerResponse;
  method: string;
  meta: RoomMeta;
  options: RoomApiOptions;
}

/** Answers `path` (what follows `/api/rooms/:room`) for `room`. */
export async function answerRoomRequest(
  room: PlenumRoom,
  request: IncomingMessage,
  response: ServerResponse,
  path: readonly string[],
  options: RoomApiOptions,
): Promise<void> {
  const meta = options.storage.getRoom(room.room.id);
  if (!meta) throw new HttpError(404, 'unknown_room', `There is no room "${room.room.id}".`);
  const call: RoomRequest = { room, request, response, method: request.method ?? 'GET', meta, options };
  const [sub, id] = path;
  if (sub === undefined) return answerRoom(call);
  requireHost(request, meta);
  if (sub === 'screen' && id === undefined) return answerScreen(call);
  if (sub === 'report' && id === undefined) return answerReport(call);
  if (sub === 'polls') return id === undefined ? answerNewPoll(call) : answerPoll(call, id);
  if (sub === 'merges' && id === undefined) return answerMerge(call);
  if (sub === 'questions' && id !== undefined) return answerQuestion(call, id);
  throw notFound();
}

/** `GET` (anyone, with the passcode) and `PATCH` (the host: settings, passcode). */
async function answerRoom({ room, request, response, method, meta, options }: RoomRequest): Promise<void> {
  if (method === 'GET') {
    requirePasscode(request, meta);
    return sendJson(response, 200, room.publicView());
  }
  if (method !== 'PATCH') throw methodNotAllowed('GET, PATCH, DELETE');
  requireHost(request, meta);
  const { passcode, ...changes } = await readBody(request);
  // Checked before anything changes: a bad passcode must not leave a half-made update.
  const code = passcode === undefined ? undefined : checkPasscode(passcode);
  if (Object.keys(changes).length > 0) await perform(room, 'room-update', changes);
  if (code !== undefined) room.useMeta(await setPasscode(options.storage, meta, code));
  const { title, moderation, lang, timeZone, eventPage } = room.hostView();
  const passcoded = options.storage.getRoom(meta.id)?.passcodeHash !== undefined;
  sendJson(response, 200, { title, moderation, lang, timeZone, eventPage, passcode: passcoded });
}

async function answerScreen({ room, request, response, method }: RoomRequest): Promise<void> {
  if (method !== 'PUT') throw methodNotAllowed('PUT');
  await perform(room, 'screen', { screen: await readBody(request) });
  sendJson(response, 200, room.hostView().screen);
}

function answerReport({ room, request, response, method, meta, options }: RoomRequest): void {
  if (method !== 'GET') throw methodNotAllowed('GET');
  const query = requestTarget(request).searchParams;
  const answer = reportAnswer(
    { ...room.report(roomDefaults(options)), ...retention(options, meta.id) },
    query,
  );
  if (answer.filename === undefined) return sendJson(response, 200, answer.body);
  response.writeHead(200, {
    'Content-Type': answer.type,
    'Content-Disposition': `attachment; filename="${answer.filename}"`,
    'Cache-Control': 'no-store',
  });
  response.end(answer.body);
}

async function answerNewPoll({ room, request, response, method }: RoomRequest): Promise<void> {
  if (method !== 'POST') throw methodNotAllowed('POST');
  const result = await perform(room, 'poll-create', await readJson(request));
  sendJson(response, 201, { id: result.id });
}

async function answerPoll({ room, request, response, method }: RoomRequest, poll: string): Promise<void> {
  if (method === 'PATCH') {
    await perform(room, 'poll-update', { ...(await readBody(request)), poll });
    return sendJson(
      response,
      200,
      room.hostView().polls.find((view) => view.id === poll),
    );
  }
  if (method !== 'DELETE') throw methodNotAllowed('PATCH, DELETE');
  await perform(room, 'poll-delete', { poll });
  response.writeHead(204).end();
}

async function answerMerge({ room, request, response, method }: RoomRequest): Promise<void> {
  if (method !== 'POST') throw methodNotAllowed('POST');
  const body = await readBody(request);
  await perform(room, 'merge', body);
  sendJson(response, 200, questionOf(room, String(body.question)));
}

async function answerQuestion(
  { room, request, response, method }: RoomRequest,
  question: string,
): Promise<void> {
  if (method === 'PATCH') {
    await perform(room, 'moderate', { ...(await readBody(request)), question });
    return sendJson(response, 200, questionOf(room, question));
  }
  if (method !== 'DELETE') throw methodNotAllowed('PATCH, DELETE');
  await perform(room, 'delete', { question });
  response.writeHead(204).end();
}

/** Validates a body as a host action and applies it with the same rules as the socket. */
export async function perform(
  room: PlenumRoom,
  type: Action['type'],
  body: unknown,
): Promise<{ id?: string }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid', 'The body is a JSON object.');
  }
  const parsed = v.safeParse(actionSchema, { ...body, type, id: randomUUID() });
  if (!parsed.success) throw invalid(parsed.issues[0]);
  const answer = await room.perform(parsed.output, { participant: 'host', host: true });
  if (answer.type === 'error') throw new HttpError(statusOf[answer.code], answer.code, answer.message);
  return answer.type === 'ack' ? (answer.result ?? {}) : {};
}

function questionOf(room: PlenumRoom, id: string) {
  return room.hostView().questions.find((question) => question.id === id);
}

/** A new passcode, or null to remove it. */
function checkPasscode(raw: unknown): string | null {
  if (raw === null) return null;
  const parsed = v.safeParse(passcodeSchema, raw);
  if (!parsed.success) throw invalid(parsed.issues[0], 'passcode');
  return parsed.output;
}

/** A passcoded room shows nothing of itself without the code (or the host key). */
function requirePasscode(request: IncomingMessage, meta: RoomMeta): void {
  if (meta.passcodeHash === undefined) return;
  const key = bearer(request);
  if (key !== undefined && keyMatches(key, meta.hostKeyHash)) return;
  const given = request.headers[passcodeHeader];
  if (typeof given !== 'string' || given === '') {
    throw new HttpError(401, 'passcode', 'This room needs its passcode (an X-Plenum-Passcode header).');
  }
  if (!passcodeMatches(meta.id, given, meta.passcodeHash))
    throw new HttpError(401, 'passcode', 'The passcode is wrong.');
}

export function requireHost(request: IncomingMessage, meta: RoomMeta): void {
  const key = bearer(request);
  if (key === undefined) {
    throw new HttpError(401, 'unauthorized', "This needs the room's host key as a Bearer token.");
  }
  if (!keyMatches(key, meta.hostKeyHash)) {
    throw new HttpError(403, 'forbidden', 'The host key does not match this room.');
  }
}

function retention({ storage, retentionMs = 0 }: RoomApiOptions, id: string): Pick<Report, 'retention'> {
  const lastActiveAt = storage.rooms(id)[0]?.lastActiveAt;
  if (retentionMs <= 0 || lastActiveAt === undefined) return {};
  return { retention: { days: retentionMs / dayMs, expiresAt: lastActiveAt + retentionMs } };
}
