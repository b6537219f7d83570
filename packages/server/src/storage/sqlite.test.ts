import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from './sqlite.js';
import type { LogEntry } from './storage.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plenum-sqlite-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const meta = { id: 'r1', title: 'Room', moderation: 'post' as const, hostKeyHash: 'x', createdAt: 1 };
const joined = (n: number): LogEntry => ({ at: n, participant: `p${n}`, presence: 'join' });

describe('SqliteStorage', () => {
  it('leaves one folded database file once closed, with every committed entry in it', async () => {
    // Open and close in quick succession, as a restarting server and the test suite do:
    // the checkpoint worker must never outlive close() and leave -wal or -shm files behind.
    for (let round = 0; round < 5; round++) {
      const storage = new SqliteStorage(dir);
      if (round === 0) storage.createRoom(meta);
      expect(storage.load('r1')).toHaveLength(round * 3);
      await Promise.all([1, 2, 3].map((n) => storage.append('r1', joined(round * 3 + n))));
      await storage.close();
      // The database, folded, and the server's secret for keyed tombstones and passcodes.
      expect(readdirSync(dir).sort()).toEqual(['plenum.db', 'secret']);
    }
    const storage = new SqliteStorage(dir);
    expect(storage.load('r1').map((entry) => entry.at)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    await storage.close();
  });

  it('knows when each room last saw anything', async () => {
    const storage = new SqliteStorage(dir);
    storage.createRoom(meta);
    storage.createRoom({ ...meta, id: 'r2', createdAt: 7 });
    await Promise.all([storage.append('r1', joined(40)), storage.append('r1', joined(50))]);
    expect(storage.rooms()).toEqual([
      { id: 'r1', lastActiveAt: 50 },
      { id: 'r2', lastActiveAt: 7 },
    ]);
    expect(storage.rooms('r2')).toEqual([{ id: 'r2', lastActiveAt: 7 }]);
    expect(storage.rooms('none')).toEqual([]);
    await storage.close();
  });

  it('answers for a room as it was last written, created, changed or erased', async () => {
    const storage = new SqliteStorage(dir);
    expect(storage.getRoom('r1')).toBeUndefined();
    storage.createRoom(meta);
    expect(storage.getRoom('r1')).toEqual(meta);
    storage.updateRoom({ ...meta, passcodeHash: 'p' });
    expect(storage.getRoom('r1')).toEqual({ ...meta, passcodeHash: 'p' });
    // What the caller keeps is its own: changing it later changes nothing stored.
    const mine = { ...meta, id: 'r2' };
    storage.createRoom(mine);
    mine.title = 'Changed';
    expect(storage.getRoom('r2')?.title).toBe('Room');
    storage.deleteRoom('r1');
    expect(storage.getRoom('r1')).toBeUndefined();
    storage.updateRoom({ ...meta, title: 'Back?' });
    expect(storage.getRoom('r1')).toBeUndefined();
    await storage.close();
    const reopened = new SqliteStorage(dir);
    expect(reopened.getRoom('r1')).toBeUndefined();
    expect(reopened.getRoom('r2')).toEqual({ ...meta, id: 'r2' });
    await reopened.close();
  });

  it('commits in order, each ack after its commit', async () => {
    const storage = new SqliteStorage(dir);
    storage.createRoom(meta);
    const acks = [1, 2, 3].map((n) => storage.append('r1', joined(n)));
    storage.flush();
    await Promise.all(acks);
    await Promise.all([storage.append('r1', joined(4))]);
    await storage.close();
    const reopened = new SqliteStorage(dir);
    expect(reopened.load('r1').map((entry) => entry.at)).toEqual([1, 2, 3, 4]);
    await reopened.close();
  });

  it('refuses appends after close instead of dropping them silently', async () => {
    const storage = new SqliteStorage(dir);
    storage.createRoom(meta);
    await storage.close();
    await expect(storage.append('r1', joined(1))).rejects.toThrow('closed');
  });
});
