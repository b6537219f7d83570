/** Creating and finding rooms: the registry the HTTP API and the socket host share. */
import { randomBytes } from 'node:crypto';
import { limits, stripControls, type Moderation } from '@plenum/protocol';
import type { RoomHost } from './host.js';
import { hashKey, newKey } from './keys.js';
import type { RoomMeta, Storage } from './storage/storage.js';

export const roomIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

export interface NewRoom {
  room?: string;
  title?: string;
  moderation?: Moderation;
}

export class RoomExistsError extends Error {}

/** Creates a room and returns its host key: the only time the key is ever seen in clear. */
export function createRoomRecord(
  storage: Storage,
  input: NewRoom,
  now = Date.now(),
): { meta: RoomMeta; hostKey: string } {
  const id = input.room ?? randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').toLowerCase();
  if (!roomIdPattern.test(id)) throw new RangeError('A room id is 1–64 letters, digits, "-" or "_".');
  if (storage.getRoom(id)) throw new RoomExistsError(`Room "${id}" exists already.`);
  const hostKey = newKey();
  const meta: RoomMeta = {
    id,
    title: stripControls(input.title ?? '')
      .trim()
      .slice(0, limits.roomTitle),
    moderation: input.moderation ?? 'post',
    hostKeyHash: hashKey(hostKey),
    createdAt: now,
  };
  storage.createRoom(meta);
  return { meta, hostKey };
}

/** Erases a room: its sockets close with 4404, and storage overwrites every trace of it. */
export async function eraseRoom(storage: Storage, host: RoomHost, id: string): Promise<void> {
  await host.evict('main', id);
  storage.deleteRoom(id);
}
