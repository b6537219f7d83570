/** Creating and finding rooms: the registry the HTTP API and the socket host share. */
import { randomBytes } from 'node:crypto';
import {
  limits,
  roomIdMessage,
  roomParty,
  roomIdPattern,
  stripControls,
  type Moderation,
} from '@plenum/protocol';
import type { PartyHost } from './party-host.js';
import { hashKey, hashPasscode, newKey } from './keys.js';
import type { RoomMeta, Storage } from './storage/storage.js';
import { bury, isBuried, unbury } from './tombstones.js';

export interface NewRoom {
  room?: string;
  title?: string;
  moderation?: Moderation;
  passcode?: string;
  /** Takes an erased id back: only for the server's own demo room. */
  reclaim?: boolean;
}

export class RoomExistsError extends Error {}
/** The id belonged to a room that was erased or expired: it is never handed out again. */
export class RoomErasedError extends Error {}

const randomRoomId = () => randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').toLowerCase();

/** Creates a room and returns its host key: the only time the key is ever seen in clear. */
export function createRoomRecord(
  storage: Storage,
  input: NewRoom,
  now = Date.now(),
): { meta: RoomMeta; hostKey: string } {
  let id = input.room ?? randomRoomId();
  // 48 random bits: a second draw is already rare; erased ids are skipped like taken ones.
  for (let draw = 0; input.room === undefined && draw < 5 && taken(storage, id, now); draw++)
    id = randomRoomId();
  if (!roomIdPattern.test(id)) throw new RangeError(roomIdMessage);
  if (storage.getRoom(id)) throw new RoomExistsError(`Room "${id}" exists already.`);
  if (input.reclaim) unbury(storage, id);
  else if (isBuried(storage, id, now))
    throw new RoomErasedError(`Room "${id}" was erased; its id is not given out again.`);
  const hostKey = newKey();
  const meta: RoomMeta = {
    id,
    title: stripControls(input.title ?? '')
      .trim()
      .slice(0, limits.roomTitle),
    moderation: input.moderation ?? 'post',
    hostKeyHash: hashKey(hostKey),
    ...(input.passcode !== undefined && { passcodeHash: hashPasscode(id, input.passcode) }),
    createdAt: now,
  };
  storage.createRoom(meta);
  return { meta, hostKey };
}

const taken = (storage: Storage, id: string, now: number) =>
  storage.getRoom(id) !== undefined || isBuried(storage, id, now);

/**
 * Erases a room: its sockets close with 4404, and storage overwrites every trace of it but
 * a tombstone, kept until `buriedUntil` (null: for good), so nobody else gets its id.
 */
export async function eraseRoom(
  storage: Storage,
  host: PartyHost,
  id: string,
  buriedUntil: number | null,
): Promise<void> {
  bury(storage, id, buriedUntil);
  await host.evict(roomParty, id);
  await storage.deleteRoom(id);
}

/** Sets or (with null) removes a room's passcode; it holds for every hello from now on. */
export async function setPasscode(
  storage: Storage,
  meta: RoomMeta,
  passcode: string | null,
): Promise<RoomMeta> {
  const { passcodeHash: _old, ...rest } = meta;
  const next: RoomMeta =
    passcode === null ? rest : { ...rest, passcodeHash: hashPasscode(meta.id, passcode) };
  await storage.updateRoom(next);
  return next;
}
