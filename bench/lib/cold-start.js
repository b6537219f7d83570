/**
 * Scenario 5, cold start: a room whose log holds `actions` actions is written straight into
 * a data directory with the server's own storage class (so the schema is the server's), then
 * a fresh `plenum serve` is started on it and the first `GET /api/rooms/:room` — which loads
 * and replays the whole log — is timed. The answer is checked against the same log replayed
 * here through the pure room model.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apply, createRoom, join as joinRoom, roomView } from '../../packages/protocol/dist/index.js';
import { createRoomRecord } from '../../packages/server/dist/rooms.js';
import { SqliteStorage } from '../../packages/server/dist/storage/sqlite.js';
import { http, startPlenum } from './harness.js';
import { cpuSeconds } from './procs.js';
import { now, summary } from './stats.js';

/**
 * A realistic event's log: 10 polls opened one after another with everyone voting, 500
 * questions with upvote toggles, and reactions within each participant's allowance.
 * @param {number} actions
 * @param {number} createdAt
 */
export function eventLog(actions, createdAt) {
  const participants = Math.max(100, Math.min(2000, Math.round(actions / 50)));
  const id = (/** @type {number} */ i) => `cold-participant-${String(i).padStart(6, '0')}`;
  /** @type {import('../../packages/server/dist/storage/storage.js').LogEntry[]} */
  const log = [];
  let at = createdAt + 1000;
  let n = 0;
  let questions = 0;
  for (let p = 0; p < participants; p++) log.push({ at: (at += 2), participant: id(p), presence: 'join' });
  const segments = 10;
  const perSegment = Math.floor(actions / segments);
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const act = (/** @type {string} */ participant, /** @type {any} */ action, host = false) => {
    log.push({ at: (at += 5), participant, host, action: { ...action, id: `c${++n}` } });
  };
  for (let s = 0; s < segments; s++) {
    const target = s === segments - 1 ? actions : (s + 1) * perSegment;
    act(
      'host',
      { type: 'poll-create', title: `Poll ${s + 1}`, kind: 'single', options: ['A', 'B', 'C', 'D'] },
      true,
    );
    act('host', { type: 'poll-update', poll: `p${s + 1}`, status: 'open' }, true);
    const asks = Math.round(perSegment * 0.005);
    const votes = Math.min(participants, Math.round(perSegment * 0.2));
    const upvotes = Math.round(perSegment * 0.4);
    for (let k = 0; k < asks; k++) {
      act(id((s * asks + k) % participants), {
        type: 'ask',
        text: `Cold question ${++questions}: what about it?`,
      });
    }
    for (let k = 0; k < votes; k++) act(id(k), { type: 'vote', poll: `p${s + 1}`, choice: k % 4 });
    for (let k = 0; k < upvotes; k++) {
      act(id(Math.floor(rand() * participants)), {
        type: 'upvote',
        question: `q${1 + Math.floor(rand() * questions)}`,
      });
    }
    const emojis = ['👍', '👏', '❤️', '😂', '🎉', '🤔'];
    let r = 0;
    while (n < target) act(id(r % participants), { type: 'react', emoji: emojis[r++ % emojis.length] });
  }
  return { log, participants };
}

/**
 * @param {{ actions: number, runs: number, log: (text: string) => void, nodeArgs: string[] }} cfg
 */
export async function coldStart(cfg) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plenum-bench-cold-'));
  try {
    const createdAt = Date.now() - 3 * 3600_000;
    const storage = new SqliteStorage(dataDir);
    const { meta } = createRoomRecord(
      storage,
      { room: 'cold', title: 'Cold start', moderation: 'post' },
      createdAt,
    );
    const { log, participants } = eventLog(cfg.actions, createdAt);
    const written = now();
    const appended = log.map((entry) => storage.append(meta.id, entry));
    storage.flush();
    await Promise.all(appended);
    await storage.close();
    const writeMs = now() - written;
    const dbBytes = statSync(join(dataDir, 'plenum.db')).size + safeSize(join(dataDir, 'plenum.db-wal'));

    // The same log replayed here through the pure model: what the server must answer.
    const record = createRoom({ id: meta.id, title: meta.title, moderation: meta.moderation, createdAt });
    let refused = 0;
    for (const entry of log) {
      if ('action' in entry) {
        const outcome = apply(
          record,
          entry.action,
          { participant: entry.participant, host: entry.host },
          entry.at,
        );
        if (!outcome.ok) refused++;
      } else joinRoom(record, entry.participant, entry.at);
    }
    const expected = JSON.stringify({ ...roomView(record, 0), online: 0 });

    /** @type {{ startMs: number, firstGetMs: number, firstGetCpuMs: number, firstGetLoopCpuMs: number, secondGetMs: number, equal: boolean }[]} */
    const runs = [];
    for (let i = 0; i < cfg.runs; i++) {
      const started = now();
      const server = await startPlenum({ fds: 4096, dataDir, nodeArgs: cfg.nodeArgs });
      try {
        const up = now();
        // The server's CPU for it too (10 ms ticks): on a shared machine the wall time also
        // counts the turns the server waited for a core.
        const cpuBefore = server.cpu();
        const loopBefore = cpuSeconds(server.child.pid, server.child.pid);
        const first = await http(`${server.url}/api/rooms/cold`, { timeoutMs: 60_000 });
        const firstGetMs = now() - up;
        const firstGetCpuMs = (server.cpu() - cpuBefore) * 1000;
        // Its event loop's thread alone: the storage workers starting meanwhile are not in it.
        const firstGetLoopCpuMs = (cpuSeconds(server.child.pid, server.child.pid) - loopBefore) * 1000;
        const again = now();
        await http(`${server.url}/api/rooms/cold`);
        const secondGetMs = now() - again;
        runs.push({
          startMs: up - started,
          firstGetMs,
          firstGetCpuMs,
          firstGetLoopCpuMs,
          secondGetMs,
          equal: JSON.stringify({ ...first, online: 0 }) === expected,
        });
      } finally {
        await server.stop();
      }
    }
    const first = summary(runs.map((r) => r.firstGetMs));
    const cpu = summary(runs.map((r) => r.firstGetCpuMs));
    cfg.log(
      `  cold start: ${cfg.actions.toLocaleString('en-US')} actions, first GET ${first.p50.toFixed(0)} ms (median of ${runs.length}), ` +
        `max ${first.max.toFixed(0)} ms, server CPU ${cpu.p50.toFixed(0)} ms (median); state ${runs.every((r) => r.equal) ? 'equals' : 'DIFFERS from'} the replay`,
    );
    return {
      actions: cfg.actions,
      logEntries: log.length,
      participants,
      refusedInReplay: refused,
      writeMs,
      dbMB: dbBytes / 2 ** 20,
      runs,
      firstGetMs: first,
      firstGetCpuMs: cpu,
      equal: runs.every((r) => r.equal),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** @param {string} path */
function safeSize(path) {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

// Alone: `node bench/lib/cold-start.js [--actions 100000] [--runs 3] [--profile DIR]` (after `npx tsc -b`).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: { actions: { type: 'string' }, runs: { type: 'string' }, profile: { type: 'string' } },
  });
  const result = await coldStart({
    actions: Number(values.actions ?? 100_000),
    runs: Number(values.runs ?? 3),
    log: (text) => console.log(text),
    nodeArgs: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [],
  });
  console.log(
    `  runs (wall/CPU/event-loop CPU ms): ${result.runs.map((r) => `${r.firstGetMs.toFixed(0)}/${r.firstGetCpuMs.toFixed(0)}/${r.firstGetLoopCpuMs.toFixed(0)}`).join(', ')}; load ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim()}`,
  );
  if (values.profile) {
    const { summariseProfiles } = await import('./profile.js');
    const summary = summariseProfiles(values.profile, 25);
    for (const row of summary?.top ?? []) console.log(`  ${row.selfMs.toFixed(0).padStart(6)} ms  ${row.fn}`);
    console.log('  inclusive:');
    for (const row of summary?.inclusive ?? [])
      console.log(`  ${row.ms.toFixed(0).padStart(6)} ms  ${row.fn}`);
  }
}
