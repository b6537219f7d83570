/**
 * Rooms expire. A room nobody has touched for the retention period is erased exactly as a
 * host's DELETE erases it: personal data is kept as long as an event needs it, not forever.
 */
import { roomParty } from '@plenum/protocol';
import type { PartyHost } from './party-host.js';
import { eraseRoom } from './rooms.js';
import type { Storage } from './storage/storage.js';

export const defaultRetentionDays = 90;
export const dayMs = 24 * 60 * 60 * 1000;

/**
 * Erases every room idle for longer than `retentionMs` and nobody has open; returns their ids.
 * Their ids stay buried for another retention period; older tombstones are let go.
 */
export async function expireRooms(
  storage: Storage,
  host: PartyHost,
  retentionMs: number,
  now = Date.now(),
): Promise<string[]> {
  const expired = storage
    .rooms()
    .filter((room) => room.lastActiveAt < now - retentionMs && host.connectionCount(roomParty, room.id) === 0)
    .map((room) => room.id);
  for (const id of expired) await eraseRoom(storage, host, id, buriedUntil(retentionMs, now));
  storage.pruneTombstones(now);
  return expired;
}

/** Until when an erased room's id stays buried: one retention period, or for good without one. */
export const buriedUntil = (retentionMs: number, now = Date.now()): number | null =>
  retentionMs > 0 ? now + retentionMs : null;
