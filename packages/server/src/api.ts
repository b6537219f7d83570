/** The HTTP API under `/api`: JSON in, JSON out, errors as `{ error: { code, message } }`. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { moderationModes, type Moderation } from '@plenum/protocol';
import type { RoomHost } from './host.js';
import { bearer, HttpError, readJson, sendJson } from './http-util.js';
import { keyMatches } from './keys.js';
import type { PlenumRoom } from './plenum-room.js';
import { createRoomRecord, RoomExistsError } from './rooms.js';
import type { Storage } from './storage/storage.js';

export interface ApiContext {
  storage: Storage;
  host: RoomHost;
  adminToken?: string;
}

export async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  path: string[],
  context: ApiContext,
): Promise<void> {
  const method = request.method ?? 'GET';
  const [collection, roomId, ...rest] = path;
  if (collection !== 'rooms') throw new HttpError(404, 'not_found', 'No such API endpoint.');

  if (roomId === undefined) {
    if (method !== 'POST') throw methodNotAllowed();
    return createRoom(request, response, context);
  }
  const meta = context.storage.getRoom(roomId);
  if (!meta) throw new HttpError(404, 'unknown_room', `There is no room "${roomId}".`);

  if (rest.length === 0 && method === 'GET') {
    const party = (await context.host.party('main', roomId)) as PlenumRoom;
    return sendJson(response, 200, party.publicView());
  }
  requireHost(request, meta.hostKeyHash);
  throw new HttpError(404, 'not_found', 'No such API endpoint.');
}

async function createRoom(
  request: IncomingMessage,
  response: ServerResponse,
  context: ApiContext,
): Promise<void> {
  if (context.adminToken !== undefined) {
    const token = bearer(request);
    if (token === undefined)
      throw new HttpError(401, 'unauthorized', 'Creating rooms needs the admin token.');
    if (token !== context.adminToken) throw new HttpError(403, 'forbidden', 'The admin token is wrong.');
  }
  const body = (await readJson(request)) as Record<string, unknown>;
  const moderation = body.moderation ?? 'post';
  if (!moderationModes.includes(moderation as Moderation)) {
    throw new HttpError(400, 'invalid', 'moderation is "post" or "pre".');
  }
  if (body.title !== undefined && typeof body.title !== 'string') {
    throw new HttpError(400, 'invalid', 'title is a string.');
  }
  if (body.room !== undefined && typeof body.room !== 'string') {
    throw new HttpError(400, 'invalid', 'room is a string.');
  }
  try {
    const { meta, hostKey } = createRoomRecord(context.storage, {
      room: body.room,
      title: body.title,
      moderation: moderation as Moderation,
    });
    sendJson(response, 201, { room: meta.id, hostKey });
  } catch (error) {
    if (error instanceof RoomExistsError) throw new HttpError(409, 'exists', error.message);
    if (error instanceof RangeError) throw new HttpError(400, 'invalid', error.message);
    throw error;
  }
}

function requireHost(request: IncomingMessage, hostKeyHash: string): void {
  const key = bearer(request);
  if (key === undefined)
    throw new HttpError(401, 'unauthorized', "This needs the room's host key as a Bearer token.");
  if (!keyMatches(key, hostKeyHash))
    throw new HttpError(403, 'forbidden', 'The host key does not match this room.');
}

function methodNotAllowed(): HttpError {
  return new HttpError(405, 'method_not_allowed', 'That method is not allowed here.');
}
