/** The HTTP API under `/api`: JSON in, JSON out, errors as `{ error: { code, message } }`. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import {
  actionSchema,
  cleanEventPage,
  cleanRecording,
  cleanTimeZone,
  isLang,
  passcodeSchema,
  recordingSchema,
  roomCreateSchema,
  type Action,
  type ErrorCode,
  type Lang,
  type Recording,
  type Report,
  type ReportDefaults,
} from '@plenum/protocol';
import type { CreationLimit } from './creation-limit.js';
import type { PartyHost } from './party-host.js';
import { bearer, HttpError, readJson, requestTarget, sendJson } from './http-util.js';
import { hashKey, keyMatches, passcodeMatches } from './keys.js';
import type { PlenumRoom } from './plenum-room.js';
import { reportAnswer } from './report/download.js';
import { buriedUntil, dayMs } from './retention.js';
import { createRoomRecord, eraseRoom, RoomErasedError, RoomExistsError, setPasscode } from './rooms.js';
import type { RoomMeta, Storage } from './storage/storage.js';

export interface ApiContext {
  storage: Storage;
  host: PartyHost;
  adminToken?: string;
  /** How long idle rooms are kept (0 or unset: until erased); the report says when. */
  retentionMs?: number;
  /** Room creations per address without the admin token. */
  creationLimit: CreationLimit;
  /** Rooms this server holds at most (0: no cap). */
  maxRooms: number;
  /** The address a request comes from (behind a trusted proxy, the one it names). */
  clientAddress: (request: IncomingMessage) => string;
  /** The language and time zone of new rooms that name none (`--lang`, `--time-zone`). */
  roomDefaults?: ReportDefaults;
}

/** English and the server's own zone, unless the server was started with others. */
export function roomDefaults(context: Pick<ApiContext, 'roomDefaults'>): ReportDefaults {
  return context.roomDefaults ?? { lang: 'en', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}

/** The header that carries a room's passcode to `GET /api/rooms/:room`. */
export const passcodeHeader = 'x-plenum-passcode';

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

export async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  path: string[],
  context: ApiContext,
): Promise<void> {
  const method = request.method ?? 'GET';
  const [collection, roomId, sub, subId, ...extra] = path;
  if (collection !== 'rooms' || extra.length > 0) throw notFound();

  if (roomId === undefined) {
    if (method !== 'POST') throw methodNotAllowed('POST');
    return createRoom(request, response, context);
  }
  const meta = context.storage.getRoom(roomId);
  if (!meta) throw new HttpError(404, 'unknown_room', `There is no room "${roomId}".`);
  const room = async () => (await context.host.party('main', roomId)) as PlenumRoom;

  if (sub === undefined) {
    if (method === 'GET') {
      requirePasscode(request, meta);
      return sendJson(response, 200, (await room()).publicView());
    }
    if (method === 'PATCH') {
      requireHost(request, meta);
      const { passcode, ...changes } = await readBody(request);
      // Checked before anything changes: a bad passcode must not leave a half-made update.
      const code = passcode === undefined ? undefined : checkPasscode(passcode, { nullable: true });
      if (Object.keys(changes).length > 0) await perform(await room(), 'room-update', changes);
      if (code !== undefined) (await room()).useMeta(setPasscode(context.storage, meta, code));
      const { title, moderation, lang, timeZone, eventPage } = (await room()).hostView();
      const passcoded = context.storage.getRoom(roomId)?.passcodeHash !== undefined;
      return sendJson(response, 200, { title, moderation, lang, timeZone, eventPage, passcode: passcoded });
    }
    if (method !== 'DELETE') throw methodNotAllowed('GET, PATCH, DELETE');
    requireHost(request, meta);
    await eraseRoom(context.storage, context.host, roomId, buriedUntil(context.retentionMs ?? 0));
    return void response.writeHead(204).end();
  }

  requireHost(request, meta);
  if (sub === 'screen' && subId === undefined) {
    if (method !== 'PUT') throw methodNotAllowed('PUT');
    await perform(await room(), 'screen', { screen: await readBody(request) });
    return sendJson(response, 200, (await room()).hostView().screen);
  }
  if (sub === 'report' && subId === undefined) {
    if (method !== 'GET') throw methodNotAllowed('GET');
    const query = requestTarget(request).searchParams;
    const data = { ...(await room()).report(roomDefaults(context)), ...retention(context, roomId) };
    const answer = reportAnswer(data, query);
    if (answer.filename === undefined) return sendJson(response, 200, answer.body);
    response.writeHead(200, {
      'Content-Type': answer.type,
      'Content-Disposition': `attachment; filename="${answer.filename}"`,
      'Cache-Control': 'no-store',
    });
    return void response.end(answer.body);
  }
  if (sub === 'polls' && subId === undefined) {
    if (method !== 'POST') throw methodNotAllowed('POST');
    const result = await perform(await room(), 'poll-create', await readJson(request));
    return sendJson(response, 201, { id: result.id });
  }
  if (sub === 'polls' && subId !== undefined) {
    if (method === 'PATCH') {
      await perform(await room(), 'poll-update', { ...(await readBody(request)), poll: subId });
      return sendJson(response, 200, pollOf(await room(), subId));
    }
    if (method === 'DELETE') {
      await perform(await room(), 'poll-delete', { poll: subId });
      return void response.writeHead(204).end();
    }
    throw methodNotAllowed('PATCH, DELETE');
  }
  if (sub === 'merges' && subId === undefined) {
    if (method !== 'POST') throw methodNotAllowed('POST');
    const body = await readBody(request);
    await perform(await room(), 'merge', body);
    return sendJson(response, 200, questionOf(await room(), String(body.question)));
  }
  if (sub === 'questions' && subId !== undefined) {
    if (method === 'PATCH') {
      await perform(await room(), 'moderate', { ...(await readBody(request)), question: subId });
      return sendJson(response, 200, questionOf(await room(), subId));
    }
    if (method === 'DELETE') {
      await perform(await room(), 'delete', { question: subId });
      return void response.writeHead(204).end();
    }
    throw methodNotAllowed('PATCH, DELETE');
  }
  throw notFound();
}

/** Validates a body as a host action and applies it with the same rules as the socket. */
async function perform(room: PlenumRoom, type: Action['type'], body: unknown): Promise<{ id?: string }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid', 'The body is a JSON object.');
  }
  const parsed = v.safeParse(actionSchema, { ...body, type, id: randomUUID() });
  if (!parsed.success) throw invalid(parsed.issues[0]);
  const answer = await room.perform(parsed.output, { participant: 'host', host: true });
  if (answer.type === 'error') throw new HttpError(statusOf[answer.code], answer.code, answer.message);
  return answer.type === 'ack' ? (answer.result ?? {}) : {};
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readJson(request);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid', 'The body is a JSON object.');
  }
  return body as Record<string, unknown>;
}

function pollOf(room: PlenumRoom, id: string) {
  return room.hostView().polls.find((poll) => poll.id === id);
}

function questionOf(room: PlenumRoom, id: string) {
  return room.hostView().questions.find((question) => question.id === id);
}

/**
 * Anyone may create a room when no admin token is set, within limits: a few per minute per
 * address, random ids only, and a cap on rooms in total. The admin token lifts the
 * per-address limit and may choose the id.
 */
async function createRoom(
  request: IncomingMessage,
  response: ServerResponse,
  context: ApiContext,
): Promise<void> {
  const admin = isAdmin(request, context.adminToken);
  const parsed = v.safeParse(roomCreateSchema, await readBody(request));
  if (!parsed.success) throw invalid(parsed.issues[0]);
  const body = parsed.output;
  if (body.room !== undefined && !admin) {
    throw new HttpError(
      403,
      'forbidden',
      'Choosing a room id needs the admin token; leave out "room" to get a random one.',
    );
  }
  if (context.maxRooms > 0 && context.storage.roomCount() >= context.maxRooms) {
    throw new HttpError(
      507,
      'too_many_rooms',
      `This server holds its maximum of ${context.maxRooms} rooms; erase one or raise --max-rooms.`,
    );
  }
  if (!admin) {
    const verdict = context.creationLimit.take(context.clientAddress(request));
    if (!verdict.ok) {
      response.setHeader('Retry-After', String(verdict.retryAfterSeconds));
      throw new HttpError(
        429,
        'rate_limited',
        `At most ${context.creationLimit.perMinute} rooms per minute from one address; try again in ${verdict.retryAfterSeconds} s.`,
      );
    }
  }
  // Checked before the room exists: a bad address must not leave a half-made room behind.
  const recording = body.recording === undefined ? undefined : checkRecording(body.recording);
  const settings = checkSettings(body, roomDefaults(context));
  try {
    const { meta, hostKey } = createRoomRecord(context.storage, {
      room: body.room,
      title: body.title,
      moderation: body.moderation,
      passcode: body.passcode,
    });
    const room = (await context.host.party('main', meta.id)) as PlenumRoom;
    await perform(room, 'room-update', { ...settings, ...(recording && { recording }) });
    sendJson(response, 201, { room: meta.id, hostKey });
  } catch (error) {
    if (error instanceof RoomExistsError) throw new HttpError(409, 'exists', error.message);
    if (error instanceof RoomErasedError) throw new HttpError(409, 'erased', error.message);
    if (error instanceof RangeError) throw new HttpError(400, 'invalid', error.message);
    throw error;
  }
}

/**
 * Whether the request carries the admin token. With one set, creating rooms needs it:
 * 401 without, 403 wrong.
 */
function isAdmin(request: IncomingMessage, adminToken: string | undefined): boolean {
  if (adminToken === undefined) return false;
  const token = bearer(request);
  if (token === undefined) throw new HttpError(401, 'unauthorized', 'Creating rooms needs the admin token.');
  if (!keyMatches(token, hashKey(adminToken)))
    throw new HttpError(403, 'forbidden', 'The admin token is wrong.');
  return true;
}

function checkPasscode(raw: unknown, { nullable }: { nullable: boolean }): string | null {
  if (raw === null && nullable) return null;
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

function retention({ storage, retentionMs = 0 }: ApiContext, id: string): Pick<Report, 'retention'> {
  const lastActiveAt = storage.rooms(id)[0]?.lastActiveAt;
  if (retentionMs <= 0 || lastActiveAt === undefined) return {};
  return { retention: { days: retentionMs / dayMs, expiresAt: lastActiveAt + retentionMs } };
}

function checkRecording(raw: unknown): Recording {
  const parsed = v.safeParse(recordingSchema, raw);
  if (!parsed.success) throw invalid(parsed.issues[0], 'recording');
  const recording = cleanRecording(parsed.output);
  if (recording === null) throw new HttpError(400, 'invalid', 'recording: an object with a url.');
  if ('ok' in recording) throw new HttpError(400, recording.code, recording.message);
  return recording;
}

/**
 * A new room's language, time zone and event page, checked like a PATCH would check them
 * (before the room exists); what the body leaves out comes from the server's defaults.
 */
function checkSettings(
  body: Record<string, unknown>,
  defaults: ReportDefaults,
): { lang: Lang; timeZone: string; eventPage?: string } {
  const lang = body.lang ?? defaults.lang;
  if (!isLang(lang)) throw new HttpError(400, 'invalid', 'lang is "de" or "en".');
  const zone = body.timeZone ?? defaults.timeZone;
  if (typeof zone !== 'string') throw new HttpError(400, 'invalid', 'timeZone is a string.');
  const timeZone = cleanTimeZone(zone);
  if (typeof timeZone !== 'string') throw new HttpError(400, timeZone.code, timeZone.message);
  if (body.eventPage === undefined || body.eventPage === null) return { lang, timeZone };
  if (typeof body.eventPage !== 'string') throw new HttpError(400, 'invalid', 'eventPage is a string.');
  const eventPage = cleanEventPage(body.eventPage);
  if (eventPage !== null && typeof eventPage !== 'string') {
    throw new HttpError(400, eventPage.code, eventPage.message);
  }
  return { lang, timeZone, ...(eventPage !== null && { eventPage }) };
}

function requireHost(request: IncomingMessage, meta: RoomMeta): void {
  const key = bearer(request);
  if (key === undefined) {
    throw new HttpError(401, 'unauthorized', "This needs the room's host key as a Bearer token.");
  }
  if (!keyMatches(key, meta.hostKeyHash)) {
    throw new HttpError(403, 'forbidden', 'The host key does not match this room.');
  }
}

/** A schema issue as a 400 naming the field, e.g. "recording.url: Invalid length". */
function invalid(issue: v.BaseIssue<unknown>, prefix?: string): HttpError {
  const path = [prefix, ...(issue.path?.map((item) => String(item.key)) ?? [])].filter(Boolean).join('.');
  return new HttpError(400, 'invalid', path ? `${path}: ${issue.message}` : issue.message);
}

const notFound = () => new HttpError(404, 'not_found', 'No such API endpoint.');
const methodNotAllowed = (allowed: string) =>
  new HttpError(405, 'method_not_allowed', `Allowed here: ${allowed}.`);
