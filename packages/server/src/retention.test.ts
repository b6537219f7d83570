import { describe, expect, it } from 'vitest';
import { roomParty } from '@plenum/protocol';
import { dayMs, expireRooms } from './retention.js';
import { createRoomRecord } from './rooms.js';
import { MemoryStorage } from './storage/memory.js';
import { api, openSocket, type TestServer } from './testing.js';
import { startServerForTest } from './test-hooks.js';

/** This test's server (each test starts its own, closed when it ends). */
let test: TestServer;

const now = Date.now();
const retentionMs = 90 * dayMs;
const joined = (at: number) => ({ at, participant: 'someone-0123456789', presence: 'join' as const });

describe('room retention', () => {
  it('erases rooms idle past the retention at start, and only those', async () => {
    const storage = new MemoryStorage();
    createRoomRecord(storage, { room: 'old' }, now - 120 * dayMs);
    await storage.append('old', joined(now - 91 * dayMs));
    // Created long ago, but used last week: the last activity counts, not the creation.
    createRoomRecord(storage, { room: 'used' }, now - 120 * dayMs);
    await storage.append('used', joined(now - 7 * dayMs));
    createRoomRecord(storage, { room: 'new' }, now - 89 * dayMs);

    const expired: string[][] = [];
    test = await startServerForTest({ storage, retentionMs, onExpired: (rooms) => void expired.push(rooms) });
    expect(expired).toEqual([['old']]);
    expect((await api(test.url, '/api/rooms/old')).status).toBe(404);
    expect(storage.load('old')).toEqual([]);
    for (const room of ['used', 'new', test.room])
      expect((await api(test.url, `/api/rooms/${room}`)).status).toBe(200);
  });

  it('tells the host in every report format when the room will be erased', async () => {
    const storage = new MemoryStorage();
    test = await startServerForTest({ storage, retentionMs });
    const alice = await openSocket(test.url, test.room, {});
    await alice.act({ type: 'ask', text: 'Still there in spring?' });
    alice.close();
    await alice.closed;
    const lastActiveAt = storage.rooms(test.room)[0]!.lastActiveAt;
    const path = `/api/rooms/${test.room}/report`;
    const report = (await api(test.url, path, { key: test.hostKey })).json;
    expect(report.retention).toEqual({ days: 90, expiresAt: lastActiveAt + retentionMs });
    // Told in the room's zone (UTC here), as a spreadsheet date and in the locale's words.
    const expiresAt = new Date(lastActiveAt + retentionMs).toISOString();
    const when = `${expiresAt.slice(0, 10)} ${expiresAt.slice(11, 16)}`;
    const [date, time] = [expiresAt.slice(0, 10).split('-').reverse().join('/'), expiresAt.slice(11, 16)];
    expect(
      (await api(test.url, `${path}?format=csv&table=numbers&tz=UTC`, { key: test.hostKey })).text,
    ).toContain(`"Erased unless used again from","${when}"\r\n`);
    expect((await api(test.url, `${path}?format=md&tz=UTC`, { key: test.hostKey })).text).toContain(
      `- Kept until ${date}, ${time}: rooms idle for 90 days are erased.`,
    );
  });

  it('keeps every room when the retention is 0', async () => {
    const storage = new MemoryStorage();
    createRoomRecord(storage, { room: 'ancient' }, 0);
    test = await startServerForTest({ storage, retentionMs: 0 });
    expect((await api(test.url, '/api/rooms/ancient')).status).toBe(200);
    const report = await api(test.url, `/api/rooms/${test.room}/report`, { key: test.hostKey });
    expect(report.json).not.toHaveProperty('retention');
  });

  it('sweeps while running, and never erases a room someone has open', async () => {
    const storage = new MemoryStorage();
    let report: (rooms: string[]) => void = () => undefined;
    const swept = new Promise<string[]>((resolve) => (report = resolve));
    test = await startServerForTest({
      storage,
      retentionMs,
      retentionSweepMs: 20,
      onExpired: (rooms) => report(rooms),
    });
    // Rooms that turn idle after the start are found by the periodic sweep.
    createRoomRecord(storage, { room: 'faded' }, now - 100 * dayMs);
    expect(await swept).toEqual(['faded']);

    // A room with a participant connected stays, however old its last entry looks.
    const alice = await openSocket(test.url, test.room, {});
    const later = Date.now() + 365 * dayMs;
    expect(await expireRooms(storage, test.server.host, retentionMs, later)).toEqual([]);
    alice.close();
    await alice.closed;
    await expect.poll(() => test.server.host.connectionCount(roomParty, test.room)).toBe(0);
    expect(await expireRooms(storage, test.server.host, retentionMs, later)).toEqual([test.room]);
    expect((await api(test.url, `/api/rooms/${test.room}`)).status).toBe(404);
  });
});
