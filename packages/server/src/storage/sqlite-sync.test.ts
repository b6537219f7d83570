import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SqliteStorage } from './sqlite.js';
import type { LogEntry } from './storage.js';

// The disk's answers, held: each fdatasync waits here until the test lets it return.
const syncs: { fd: number; done: (error: NodeJS.ErrnoException | null) => void }[] = [];
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return {
    ...real,
    fdatasync: (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => syncs.push({ fd, done }),
  };
});

let dir: string;
let storage: SqliteStorage;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'plenum-sqlite-sync-'));
  storage = new SqliteStorage(dir);
  storage.createRoom({ id: 'r1', title: 'Room', moderation: 'post', hostKeyHash: 'x', createdAt: 1 });
  syncs.length = 0;
});
afterEach(async () => {
  for (const sync of syncs.splice(0)) sync.done(null);
  const closed = storage.close();
  for (const sync of syncs.splice(0)) sync.done(null);
  await closed;
  fs.rmSync(dir, { recursive: true, force: true });
});

const joined = (n: number): LogEntry => ({ at: n, participant: `p${n}`, presence: 'join' });
/** Whether a promise has settled, after the callbacks already due have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('SqliteStorage commits', () => {
  it('answer an append only once the write-ahead log is synced, and not on the event loop', async () => {
    const first = storage.append('r1', joined(1));
    storage.flush();
    expect(syncs).toHaveLength(1);
    // Committed (a reader sees it) but not yet on disk: not acknowledged.
    expect(storage.load('r1')).toEqual([joined(1)]);
    expect(await settled(first)).toBe(false);
    syncs.shift()!.done(null);
    expect(await settled(first)).toBe(true);
  });

  it('wait for the sync under way, then share the next one', async () => {
    const first = storage.append('r1', joined(1));
    storage.flush();
    const second = storage.append('r1', joined(2));
    storage.flush();
    const third = storage.append('r1', joined(3));
    storage.flush();
    // One sync at a time: the second and third were written after the first began.
    expect(syncs).toHaveLength(1);
    syncs.shift()!.done(null);
    expect(await settled(first)).toBe(true);
    expect(await settled(second)).toBe(false);
    expect(syncs).toHaveLength(1);
    syncs.shift()!.done(null);
    expect([await settled(second), await settled(third)]).toEqual([true, true]);
  });

  it('refuse what the disk did not take, so it is never acknowledged', async () => {
    const lost = storage.append('r1', joined(1));
    storage.flush();
    syncs.shift()!.done(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }));
    await expect(lost).rejects.toThrow('EIO');
    // The next commit is synced (and answered) on its own.
    const next = storage.append('r1', joined(2));
    storage.flush();
    syncs.shift()!.done(null);
    await expect(next).resolves.toBeUndefined();
  });

  it('are all synced before close returns', async () => {
    const pending = storage.append('r1', joined(1));
    const closed = storage.close();
    expect(await settled(closed)).toBe(false);
    syncs.shift()!.done(null);
    await closed;
    await expect(pending).resolves.toBeUndefined();
    storage = new SqliteStorage(dir);
    expect(storage.load('r1')).toEqual([joined(1)]);
  });
});
