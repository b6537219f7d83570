/**
 * Who is here, for the report: distinct viewers (participants) and concurrent connections.
 * One person with three tabs is one viewer and three connections; peaks count connections,
 * since that is the load the room carried.
 */
import type { RoomRecord } from './room.js';

/** A connection of `participant` joined; returns the connections open now. */
export function join(room: RoomRecord, participant: string, now: number): number {
  room.entries += 1;
  const presence = room.presence;
  presence.connections.set(participant, (presence.connections.get(participant) ?? 0) + 1);
  presence.viewers.add(participant);
  presence.online += 1;
  if (presence.online > presence.peak) {
    presence.peak = presence.online;
    presence.peakAt = now;
  }
  return presence.online;
}

/** A connection of `participant` closed; returns the connections open now. */
export function leave(room: RoomRecord, participant: string, _now: number): number {
  room.entries += 1;
  const presence = room.presence;
  const open = presence.connections.get(participant) ?? 0;
  // A leave without a join (e.g. after a restart) must not drive the count below zero.
  if (open === 0) return presence.online;
  if (open === 1) presence.connections.delete(participant);
  else presence.connections.set(participant, open - 1);
  presence.online -= 1;
  return presence.online;
}
