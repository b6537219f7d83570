import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayMs } from './retention.js';
import { createRoomRecord } from './rooms.js';
import { SqliteStorage } from './storage/sqlite.js';
import { api, openSocket } from './testing.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = join(root, 'packages/server/dist/cli.js');

interface Cli {
  url: string;
  output(): string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs the built `plenum serve --port 0` on `data` and waits for its banner. */
async function startCli(data: string, args: string[] = [], env: Record<string, string> = {}): Promise<Cli> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data', data, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  // 'close', not 'exit': by then everything the process wrote has been read.
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += String(chunk);
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
    void exited.then((code) => reject(new Error(`plenum serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    stop(signal = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
  };
}

let data: string;
beforeAll(() => {
  // The CLI runs from dist: build it from the current sources first.
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', 'packages/server'], { cwd: root, stdio: 'inherit' });
  data = mkdtempSync(join(tmpdir(), 'plenum-cli-'));
}, 60_000);
afterAll(() => rmSync(data, { recursive: true, force: true }));

describe('plenum serve', () => {
  it('keeps an acknowledged action through SIGTERM, closing sockets with 1001', async () => {
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
    const dir = mkdtempSync(join(tmpdir(), 'plenum-retention-'));
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
    rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it('creates no demo room without --demo, and still serves the demo page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenum-plain-'));
    const served = await startCli(dir);
    try {
      expect((await api(served.url, '/api/rooms/demo')).status).toBe(404);
      expect((await fetch(`${served.url}/`)).status).toBe(200);
    } finally {
      expect(await served.stop()).toBe(0);
    }
    expect(served.output()).not.toMatch(/demo (at|room)/);
    rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it('seeds the demo room (PLENUM_DEMO=1) with nothing a participant could claim as theirs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenum-demo-'));
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
    rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it('lets a script that closes its storage end normally', () => {
    // The checkpoint worker is unref'd; close() must still hold the process until it is gone,
    // or Node ends with 13 ("unsettled top-level await") before close() resolves.
    const dir = mkdtempSync(join(tmpdir(), 'plenum-close-'));
    const storage = pathToFileURL(join(root, 'packages/server/dist/storage/sqlite.js')).href;
    const script = `const { SqliteStorage } = await import(${JSON.stringify(storage)});
      await new SqliteStorage(${JSON.stringify(dir)}).close();
      console.log('closed');`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('closed');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a retention that is not a number of days', async () => {
    await expect(startCli(data, ['--retention-days', 'soon'])).rejects.toThrow(
      '--retention-days must be 0 or more, not "soon"',
    );
  });

  it('warns when bound beyond loopback without an admin token', async () => {
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
