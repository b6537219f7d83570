import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, repoRoot, startCli as run } from './cli-harness.js';
import { dayMs } from './retention.js';
import { createRoomRecord } from './rooms.js';
import { SqliteStorage } from './storage/sqlite.js';
import { tempDirForTest } from './test-hooks.js';
import { api, openSocket } from './testing.js';

/** `plenum serve --port 0 --data <data> …args`, once its banner is out. */
const startCli = (data: string, args: string[] = [], env: Record<string, string> = {}) =>
  run({ args: ['--data', data, ...args], env });

beforeAll(buildCli, 60_000);

describe('plenum serve', () => {
  it('keeps an acknowledged action through SIGTERM, closing sockets with 1001', async () => {
    const data = tempDirForTest('plenum-cli-');
    const first = await startCli(data);
    expect(first.output()).toMatch(/^plenum: serving on http:\/\/127\.0\.0\.1:\d+ /);
    expect(first.output()).not.toContain('warning');
    const { json: created } = await api(first.url, '/api/rooms', { method: 'POST', body: { title: 'CLI' } });
    const alice = await openSocket(first.url, created.room, {});
    const watcher = await openSocket(first.url, created.room, {});
    const ack = await alice.act({ type: 'ask', text: 'Überlebt das einen Neustart?' });
    expect(ack).toMatchObject({ type: 'ack', result: { id: expect.any(String) } });
    const question = ack.type === 'ack' ? ack.result!.id! : '';

    expect(await first.stop('SIGTERM')).toBe(0);
    expect((await alice.closed).code).toBe(1001);
    expect((await watcher.closed).code).toBe(1001);

    const second = await startCli(data);
    try {
      const view = await api(second.url, `/api/rooms/${created.room}`);
      expect(view.json.questions).toMatchObject([{ id: question, text: 'Überlebt das einen Neustart?' }]);
      const report = await api(second.url, `/api/rooms/${created.room}/report`, { key: created.hostKey });
      expect(report.json.audience).toMatchObject({ viewers: 2, peakConnections: 2 });
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 20_000);

  it('keeps every action it acknowledged when SIGTERM arrives in the middle of a burst', async () => {
    const data = tempDirForTest('plenum-cli-');
    const first = await startCli(data);
    const { json: created } = await api(first.url, '/api/rooms', { method: 'POST', body: {} });
    const alice = await openSocket(first.url, created.room, {});
    const asks = Array.from({ length: 30 }, (_, i) => ({ type: 'ask', id: `ask-${i}`, text: `Frage ${i}` }));
    for (const ask of asks) alice.send(ask);
    await alice.next('ack');
    expect(await first.stop('SIGTERM')).toBe(0);
    expect((await alice.closed).code).toBe(1001);
    const acked = alice.received.flatMap((m) => (m.type === 'ack' && m.result?.id ? [m.result.id] : []));
    expect(acked.length).toBeGreaterThan(0);

    const second = await startCli(data);
    try {
      const view = await api(second.url, `/api/rooms/${created.room}`);
      const stored = view.json.questions.map((q: { id: string }) => q.id);
      expect(stored).toEqual(expect.arrayContaining(acked));
    } finally {
      await second.stop();
    }
  }, 20_000);

  it('erases rooms idle past --retention-days at start, and brings the demo room back fresh', async () => {
    const dir = tempDirForTest('plenum-retention-');
    const storage = new SqliteStorage(dir);
    const longAgo = Date.now() - 40 * dayMs;
    for (const room of ['demo', 'old']) createRoomRecord(storage, { room }, longAgo);
    createRoomRecord(storage, { room: 'recent' }, Date.now() - 10 * dayMs);
    await storage.close();
    const served = await startCli(dir, ['--retention-days', '30', '--demo']);
    try {
      expect((await api(served.url, '/api/rooms/old')).status).toBe(404);
      expect((await api(served.url, '/api/rooms/recent')).status).toBe(200);
      // The old demo room had no poll; the fresh one is seeded with its open poll.
      expect((await api(served.url, '/api/rooms/demo')).json.polls).toHaveLength(1);
    } finally {
      expect(await served.stop()).toBe(0);
    }
    expect(served.output()).toContain('erased 2 room(s) idle for over 30 days');
    // The new demo room's link, printed once, holds its host key.
    expect(served.output().match(/host console for the demo room/g)).toHaveLength(1);
    const printed = /#room=demo&key=([\w-]+)/.exec(served.output())?.[1];
    const again = await startCli(dir, ['--demo']);
    try {
      expect((await api(again.url, '/api/rooms/demo/report', { key: printed })).status).toBe(200);
    } finally {
      expect(await again.stop()).toBe(0);
    }
    // Not printed again: the key is known only when the room is created.
    expect(again.output()).not.toContain('host console');
  }, 20_000);

  it('creates no demo room without --demo, and still serves the demo page', async () => {
    const dir = tempDirForTest('plenum-plain-');
    const served = await startCli(dir);
    try {
      expect((await api(served.url, '/api/rooms/demo')).status).toBe(404);
      expect((await fetch(`${served.url}/`)).status).toBe(200);
    } finally {
      expect(await served.stop()).toBe(0);
    }
    expect(served.output()).not.toMatch(/demo (at|room)/);
  }, 20_000);

  it('seeds the demo room (PLENUM_DEMO=1) with nothing a participant could claim as theirs', async () => {
    const dir = tempDirForTest('plenum-demo-');
    const served = await startCli(dir, [], { PLENUM_DEMO: '1' });
    try {
      const view = (await api(served.url, '/api/rooms/demo')).json;
      expect(view.polls).toMatchObject([{ status: 'open', id: expect.stringMatching(/^p[0-9a-f]{12}$/) }]);
      expect(view.questions).toHaveLength(1);
    } finally {
      expect(await served.stop()).toBe(0);
    }
    const storage = new SqliteStorage(dir);
    const authors = storage.load('demo').map((entry) => entry.participant);
    await storage.close();
    // Every hello needs a participant id of 16 characters or more: "host" is nobody's.
    expect(new Set(authors)).toEqual(new Set(['host']));
  }, 20_000);

  it('lets a script that closes its storage end normally', () => {
    // The checkpoint worker is unref'd; close() must still hold the process until it is gone,
    // or Node ends with 13 ("unsettled top-level await") before close() resolves.
    const dir = tempDirForTest('plenum-close-');
    const storage = pathToFileURL(join(repoRoot, 'packages/server/dist/storage/sqlite.js')).href;
    const script = `const { SqliteStorage } = await import(${JSON.stringify(storage)});
      await new SqliteStorage(${JSON.stringify(dir)}).close();
      console.log('closed');`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('closed');
  });

  it('refuses a retention that is not a number of days', async () => {
    await expect(startCli(tempDirForTest(), ['--retention-days', 'soon'])).rejects.toThrow(
      '--retention-days must be 0 or more, not "soon"',
    );
  });

  it('warns when bound beyond loopback without an admin token', async () => {
    const data = tempDirForTest();
    const open = await startCli(data, ['--host', '0.0.0.0']);
    expect(open.output()).toMatch(/serving on/);
    // Signalled the moment the banner shows: still a graceful stop.
    expect(await open.stop()).toBe(0);
    expect(open.output()).toMatch(/warning: bound beyond loopback without --admin-token/);
    const guarded = await startCli(data, ['--host', '0.0.0.0', '--admin-token', 'secret']);
    await guarded.stop();
    expect(guarded.output()).not.toContain('warning');
  }, 20_000);
});
