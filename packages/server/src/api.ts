/** The HTTP API under `/api`: JSON in, JSON out, errors as `{ error: { code, message } }`. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import {
  cleanEventPage,
  cleanText,
  isRefusal,
  limits,
  cleanRecording,
  cleanTimeZone,
  isLang,
  recordingSchema,
  roomCreateSchema,
  roomParty,
  type Lang,
  type Recording,
  type ReportDefaults,
} from '@plenum/protocol';
import type { CreationLimit } from './creation-limit.js';
import type { PartyHost } from './party-host.js';
import { bearer, HttpError, invalid, methodNotAllowed, notFound, readBody, sendJson } from './http-util.js';
import { hashKey, keyMatches } from './keys.js';
import type { PlenumRoom } from './plenum-room.js';
import { buriedUntil } from './retention.js';
import { perform, requireHost, roomDefaults, type RoomApiOptions } from './room-api.js';
import { createRoomRecord, eraseRoom, RoomErasedError, RoomExistsError } from './rooms.js';

export interface ApiContext extends RoomApiOptions {
  host: PartyHost<PlenumRoom>;
  adminToken?: string;
  /** Room creations per address without the admin token. */
  creationLimit: CreationLimit;
  /** Rooms this server holds at most (0: no cap). */
  maxRooms: number;
  /** The address a request comes from (behind a trusted proxy, the one it names). */
  clientAddress: (request: IncomingMessage) => string;
}

/**
 * The rooms collection: creating a room and erasing one are the server's; every other
 * request for a room goes to its party (room-api.ts).
 */
export async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  path: string[],
  context: ApiContext,
): Promise<void> {
  const method = request.method ?? 'GET';
  const [collection, roomId, ...rest] = path;
  if (collection !== 'rooms' || rest.length > 2) throw notFound();

  if (roomId === undefined) {
    if (method !== 'POST') throw methodNotAllowed('POST');
    return createRoom(request, response, context);
  }
  const meta = context.storage.getRoom(roomId) ?? (await context.storage.findRoom?.(roomId));
  if (!meta) throw new HttpError(404, 'unknown_room', `There is no room "${roomId}".`);
  if (rest.length === 0 && method === 'DELETE') {
    requireHost(request, meta);
    await eraseRoom(context.storage, context.host, roomId, buriedUntil(context.retentionMs ?? 0));
    return void response.writeHead(204).end();
  }
  if (!(await context.host.request(roomParty, roomId, request, response, rest))) throw notFound();
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
  admitCreation(request, response, context, admin);
  // Checked before the room exists: a bad address must not leave a half-made room behind.
  const recording = body.recording === undefined ? undefined : checkRecording(body.recording);
  const settings = checkSettings(body, roomDefaults(context));
  const title = body.title === undefined ? undefined : checkTitle(body.title);
  try {
    const { meta, hostKey } = createRoomRecord(context.storage, {
      room: body.room,
      title,
      moderation: body.moderation,
      passcode: body.passcode,
    });
    const room = await context.host.party(roomParty, meta.id);
    if (!room) throw new Error(`Room ${meta.id} was created but cannot be found.`);
    await perform(room, 'room-update', { ...settings, ...(recording && { recording }) });
    sendJson(response, 201, { room: meta.id, hostKey });
  } catch (error) {
    if (error instanceof RoomExistsError) throw new HttpError(409, 'exists', error.message);
    if (error instanceof RoomErasedError) throw new HttpError(409, 'erased', error.message);
    if (error instanceof RangeError) throw new HttpError(400, 'invalid', error.message);
    throw error;
  }
}

/** Whether the server has room for one more, and (without the admin token) this address may make it. */
function admitCreation(
  request: IncomingMessage,
  response: ServerResponse,
  context: ApiContext,
  admin: boolean,
): void {
  if (context.maxRooms > 0 && context.storage.roomCount() >= context.maxRooms) {
    throw new HttpError(
      507,
      'too_many_rooms',
      `This server holds its maximum of ${context.maxRooms} rooms; erase one or raise --max-rooms.`,
    );
  }
  if (admin) return;
  const verdict = context.creationLimit.take(context.clientAddress(request));
  if (verdict.ok) return;
  response.setHeader('Retry-After', String(verdict.retryAfterSeconds));
  throw new HttpError(
    429,
    'rate_limited',
    `At most ${context.creationLimit.perMinute} rooms per minute from one address; try again in ${verdict.retryAfterSeconds} s.`,
  );
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

/** The title as a rename would take it: the same words and `too_long` for one that does not fit. */
function checkTitle(raw: string): string {
  const title = cleanText(raw, limits.roomTitle, 'A room title', { allowEmpty: true });
  if (isRefusal(title)) throw new HttpError(400, title.code, title.message);
  return title;
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
