/**
 * A room record as text, for the snapshots in Redis: JSON with Maps and Sets tagged, so a
 * node joining a long-running room loads one value and folds only the tail of the log.
 * What the server keeps in memory only (network shares, cached results) is left out.
 */
import { createRoom, type RoomRecord } from '@plenum/protocol';

const skipped = new Set(['cached', 'network']);

export function encodeRecord(record: RoomRecord): string {
  return JSON.stringify(record, function (key, value: unknown) {
    if (skipped.has(key) && !Array.isArray(this)) return undefined;
    if (value instanceof Map) return { $map: [...value] };
    if (value instanceof Set) return { $set: [...value] };
    return value;
  });
}

export function decodeRecord(text: string): RoomRecord {
  const record = JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      if ('$map' in value) return new Map((value as { $map: [unknown, unknown][] }).$map);
      if ('$set' in value) return new Set((value as { $set: unknown[] }).$set);
    }
    return value;
  }) as RoomRecord;
  // A snapshot from before a field existed (quizzes, surveys, …) gets it empty.
  return { ...createRoom({ id: record.id, createdAt: record.createdAt }), ...record };
}
