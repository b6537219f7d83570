import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { limits } from '@plenum/protocol';
import Database from 'better-sqlite3';
import { CreationLimit } from './creation-limit.js';
import { dayMs, expireRooms } from './retention.js';
import { createRoomRecord, RoomErasedError } from './rooms.js';
import { MemoryStorage } from './storage/memory.js';
import { SqliteStorage } from './storage/sqlite.js';
import { api, type TestServer } from './testing.js';
import { startServerForTest, tempDirForTest } from './test-hooks.js';

/** This test's server (each test starts its own, closed when it ends). */
let test: TestServer;

const create = (body: unknown, key?: string) =>
  api(test.url, '/api/rooms', { method: 'POST', body, ...(key !== undefined && { key }) });

describe('creating rooms without the admin token', () => {
  it('allows 10 per minute from one address by default: 200 tries, 10 rooms, the rest 429 with Retry-After', async () => {
    test = await startServerForTest();
    const answers = [];
    for (let i = 0; i < 200; i++) answers.push(await create({ title: `Flut ${i}` }));
    const made = answers.filter((a) => a.status === 201);
    expect(made).toHaveLength(10);
    expect(answers.slice(0, 10).every((a) => a.status === 201)).toBe(true);
    const refused = answers.slice(10);
    expect(refused.every((a) => a.status === 429)).toBe(true);
    for (const answer of refused) {
      expect(answer.json.error.code).toBe('rate_limited');
      const wait = Number(answer.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(60);
    }
    expect(refused[0]!.json.error.message).toMatch(/At most 10 rooms per minute .* try again in \d+ s\./);
    // Only the 10 exist, besides the harness's own room.
    expect(test.server.storage.roomCount()).toBe(11);
  });

  it('has no per-address limit with the admin token, and the limit is configurable', async () => {
    test = await startServerForTest({ adminToken: 'admin', roomCreationsPerMinute: 2 });
    for (let i = 0; i < 30; i++) expect((await create({}, 'admin')).status).toBe(201);
    await test.close();
    test = await startServerForTest({ roomCreationsPerMinute: 2 });
    expect([(await create({})).status, (await create({})).status, (await create({})).status]).toEqual([
      201, 201, 429,
    ]);
    await test.close();
    test = await startServerForTest({ roomCreationsPerMinute: 0 });
    for (let i = 0; i < 30; i++) expect((await create({})).status).toBe(201);
  });

  it('refills a minute after the first creation (sliding window)', () => {
    let now = 0;
    const limit = new CreationLimit(3, () => now);
    for (now of [0, 10_000, 20_000]) expect(limit.take('a')).toEqual({ ok: true });
    now = 30_000;
    expect(limit.take('a')).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(limit.take('b')).toEqual({ ok: true });
    now = 60_001;
    expect(limit.take('a')).toEqual({ ok: true });
    expect(limit.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 });
  });

  it('stops at the cap on rooms in total with 507, for the admin too', async () => {
    test = await startServerForTest({ adminToken: 'admin', maxRooms: 3 });
    expect((await create({}, 'admin')).status).toBe(201);
    expect((await create({}, 'admin')).status).toBe(201);
    const full = await create({}, 'admin');
    expect(full).toMatchObject({ status: 507, json: { error: { code: 'too_many_rooms' } } });
    expect(full.json.error.message).toContain('maximum of 3 rooms');
    expect(test.server.storage.roomCount()).toBe(3);
  });

  it('is strict: an unknown field is a 400 naming it, and no room is made', async () => {
    test = await startServerForTest();
    for (const [body, named] of [
      [{ title: 'Tippfehler', moderaton: 'pre' }, 'moderaton'],
      [{ moderation: 'later' }, 'moderation'],
      [{ passcode: 'abc' }, 'passcode'],
      [[], ''],
    ] as const) {
      const answer = await create(body);
      expect([answer.status, answer.json.error.code], JSON.stringify(body)).toEqual([400, 'invalid']);
      expect(answer.json.error.message).toContain(named);
    }
    expect(test.server.storage.roomCount()).toBe(1);
  });

  it('refuses a title that is too long with too_long, as a rename does, and makes no room', async () => {
    test = await startServerForTest();
    const answer = await create({ title: 'x'.repeat(limits.roomTitle + 1) });
    expect([answer.status, answer.json.error.code]).toEqual([400, 'too_long']);
    expect(answer.json.error.message).toContain(`at most ${limits.roomTitle} characters`);
    expect(test.server.storage.roomCount()).toBe(1);
    const fits = await create({ title: `  ${'x'.repeat(limits.roomTitle)}  ` });
    expect(fits.status).toBe(201);
    expect(test.server.storage.getRoom(fits.json.room)?.title).toBe('x'.repeat(limits.roomTitle));
  });
});

describe('erased and expired room ids', () => {
  it('are never handed out again, not even to the admin', async () => {
    test = await startServerForTest({ adminToken: 'admin', retentionMs: 90 * dayMs });
    const { json } = await create({ room: 'ratssitzung' }, 'admin');
    const erased = await api(test.url, '/api/rooms/ratssitzung', { method: 'DELETE', key: json.hostKey });
    expect(erased.status).toBe(204);
    const again = await create({ room: 'ratssitzung' }, 'admin');
    expect(again).toMatchObject({ status: 409, json: { error: { code: 'erased' } } });
    expect(again.json.error.message).toContain('not given out again');
    expect((await api(test.url, '/api/rooms/ratssitzung')).status).toBe(404);
  });

  it('stay buried after expiry for another retention period, and random ids skip them', async () => {
    const storage = new MemoryStorage();
    const now = Date.now();
    const retentionMs = 30 * dayMs;
    createRoomRecord(storage, { room: 'vorjahr' }, now - 40 * dayMs);
    test = await startServerForTest({ storage, retentionMs });
    expect(storage.getRoom('vorjahr')).toBeUndefined();
    expect(() => createRoomRecord(storage, { room: 'vorjahr' })).toThrow(RoomErasedError);
    expect(() => createRoomRecord(storage, { room: 'vorjahr' }, now + 29 * dayMs)).toThrow(RoomErasedError);
    // After that period the tombstone is let go.
    await expireRooms(storage, test.server.host, retentionMs, now + 31 * dayMs);
    expect(createRoomRecord(storage, { room: 'vorjahr' }, now + 31 * dayMs).meta.id).toBe('vorjahr');
  });

  it('keep no readable trace, only a keyed tag, and survive a restart', async () => {
    const dir = tempDirForTest('plenum-tomb-');
    const storage = new SqliteStorage(dir);
    const { meta, hostKey } = createRoomRecord(storage, { room: 'geheime-sitzung' });
    test = await startServerForTest({ storage });
    await api(test.url, `/api/rooms/${meta.id}`, { method: 'DELETE', key: hostKey });
    await test.close();
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'secret'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    const db = new Database(join(dir, 'plenum.db'), { readonly: true });
    const dump = JSON.stringify(db.prepare('SELECT * FROM tombstones').all());
    db.close();
    expect(dump).toMatch(/"tag":"[0-9a-f]{64}"/);
    expect(dump).not.toContain('geheime-sitzung');
    const reopened = new SqliteStorage(dir);
    expect(() => createRoomRecord(reopened, { room: 'geheime-sitzung' })).toThrow(RoomErasedError);
    await reopened.close();
  });
});
