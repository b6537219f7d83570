/**
 * Erased and expired room ids are never handed out again: a widget still embedded on an
 * organiser's page must not join whoever creates the same id next. What is kept is a keyed
 * tag (an HMAC with the server's secret), so the database does not list the erased ids.
 */
import { createHmac } from 'node:crypto';
import type { Storage } from './storage/storage.js';

export function tombstoneTag(secret: Buffer, id: string): string {
  return createHmac('sha256', secret).update(id).digest('hex');
}

/** Marks `id` as used for good (`until` null) or until the given time. */
export function bury(storage: Storage, id: string, until: number | null): void {
  storage.addTombstone(tombstoneTag(storage.secret, id), until);
}

export function isBuried(storage: Storage, id: string, now = Date.now()): boolean {
  return storage.hasTombstone(tombstoneTag(storage.secret, id), now);
}

/** Lets one id be created again: the server's own demo room, coming back after it expired. */
export function unbury(storage: Storage, id: string): void {
  storage.removeTombstone(tombstoneTag(storage.secret, id));
}
