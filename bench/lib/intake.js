/**
 * The intake's cost, in-process: one `PlenumRoom` on the server's own `SqliteStorage` (a real
 * data directory, every commit fsynced), fed by N fake connections. The host opens a poll,
 * then every connection votes once; the messages arrive in slices of `slice` per turn of the
 * event loop, as socket reads deliver them. The window runs from the first vote handed to the
 * room until every connection holds its ack and a patch at least as new as the seq it names.
 *
 * What it prints is the server's CPU per action (`process.cpuUsage`: every thread, the
 * checkpoint worker and GC included) and, from a second, profiled burst, where that time
 * went: parse + validation, door + allowances, apply, the log append (encoding, and the
 * SQLite commit), remembering the answer, the ack (made and encoded), change tracking, and
 * the tick (patch building + fan-out). Sockets are fakes that only count bytes: the kernel's
 * and `ws`'s share of a real send is not in these figures (the bench's peers scenario
 * measures the whole server from outside).
 *
 * `node bench/lib/intake.js [--clients 2000,10000] [--slice 256] [--runs 3] [--no-profile]`
 * (after `npx tsc -b`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  PROTOCOL_VERSION,
  apply,
  createRoom,
  join as joinRoom,
  limits,
  parseClientMessage,
} from '../../packages/protocol/dist/index.js';
import { Frame } from '../../packages/server/dist/frames.js';
import { PatchBuilder } from '../../packages/server/dist/patches.js';
import { PlenumRoom } from '../../packages/server/dist/plenum-room.js';
import { TokenBucket } from '../../packages/server/dist/rate-limit.js';
import { createRoomRecord } from '../../packages/server/dist/rooms.js';
import { SqliteStorage } from '../../packages/server/dist/storage/sqlite.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A burst of votes from `clients` connections, measured.
 * @param {{ clients: number, slice: number, profile?: boolean }} cfg
 */
export async function intakeBurst(cfg) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plenum-bench-intake-'));
  const storage = new SqliteStorage(dataDir);
  try {
    const { meta } = createRoomRecord(
      storage,
      { room: 'intake', title: 'Intake', moderation: 'post' },
      Date.now(),
    );
    /** @type {FakeConnection[]} */
    const connections = [];
    const room = {
      id: meta.id,
      /** @param {string} message @param {readonly string[]} [without] */
      broadcast(message, without) {
        for (const connection of connections) if (!without?.includes(connection.id)) connection.send(message);
      },
      getConnections: () => connections.values(),
    };
    const party = new PlenumRoom(room, { storage, questionsPerMinute: 0 });
    await party.onStart();
    const host = { participant: 'host-participant-0000', host: true };
    const made = await party.perform(
      { type: 'poll-create', id: 'h1', title: 'Which?', kind: 'single', options: ['A', 'B', 'C', 'D'] },
      host,
    );
    const poll = /** @type {{ result?: { id: string } }} */ (made).result?.id;
    if (!poll) throw new Error(`poll-create answered ${JSON.stringify(made)}`);
    await party.perform({ type: 'poll-update', id: 'h2', poll, status: 'open' }, host);

    // Joins, as the socket layer does them: connect, then hello.
    const joinCpu = process.cpuUsage();
    for (let i = 0; i < cfg.clients; i++) {
      const connection = new FakeConnection(`c${i}`);
      connections.push(connection);
      party.onConnect(connection, { request: /** @type {any} */ ({}), address: '127.0.0.1' });
      party.onMessage(
        JSON.stringify({
          type: 'hello',
          v: PROTOCOL_VERSION,
          participant: `intake-participant-${String(i).padStart(6, '0')}`,
        }),
        connection,
      );
    }
    const joinUs = cpuUs(process.cpuUsage(joinCpu)) / cfg.clients;
    // Let the joins' tick and log commits pass before the burst.
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const connection of connections) connection.reset();

    const votes = connections.map((_, i) =>
      JSON.stringify({ type: 'vote', id: `v${i}`, poll, choice: i % 4 }),
    );
    // The longest the event loop was held meanwhile (a commit's fsync, if it runs there).
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const session = cfg.profile ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
    }
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    const main0 = mainThreadUs();
    const done = new Promise((resolve) => (waiting = { left: connections.length, resolve }));
    for (let next = 0; next < connections.length;) {
      const end = Math.min(connections.length, next + cfg.slice);
      for (; next < end; next++) party.onMessage(/** @type {string} */ (votes[next]), connections[next]);
      if (next < connections.length) await new Promise((resolve) => setImmediate(resolve));
    }
    await done;
    waiting = undefined;
    const cpuUsTotal = cpuUs(process.cpuUsage(cpu0));
    const mainUs = mainThreadUs() - main0;
    const wallMs = performance.now() - started;
    loop.disable();
    const profile = session && /** @type {any} */ ((await session.post('Profiler.stop')).profile);
    session?.disconnect();
    const errors = connections.filter((c) => c.error).length;
    if (errors) throw new Error(`${errors} votes were refused: ${connections.find((c) => c.error)?.error}`);
    party.onStop();
    return {
      clients: cfg.clients,
      slice: cfg.slice,
      joinCpuUsPerClient: joinUs,
      cpuUsPerAction: cpuUsTotal / cfg.clients,
      mainUsPerAction: mainUs / cfg.clients,
      wallMs,
      loopMaxMs: loop.max / 1e6,
      stages: profile ? stagesOf(profile, mainUs / cfg.clients) : undefined,
    };
  } finally {
    await storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** @param {NodeJS.CpuUsage} usage */
const cpuUs = (usage) => usage.user + usage.system;

/**
 * This process's main thread (the event loop) on a core so far, in µs, in 10 ms ticks: the
 * kernel's count per thread, which process.cpuUsage cannot give apart from the others.
 */
function mainThreadUs() {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/**
 * The burst under way: how many connections still miss their ack or the patch it names.
 * @type {{ left: number, resolve(value: unknown): void } | undefined}
 */
let waiting;

class FakeConnection {
  /** @param {string} id */
  constructor(id) {
    this.id = id;
    /** @type {unknown} */
    this.state = undefined;
    this.bufferedAmount = 0;
    this.reset();
  }
  reset() {
    this.messages = 0;
    this.bytes = 0;
    /** @type {number | undefined} */
    this.ackSeq = undefined;
    this.patchSeq = -1;
    /** @type {string | undefined} */
    this.error = undefined;
    this.done = false;
  }
  /** @param {(string | Frame)[]} messages what the room sends in one write */
  send(...messages) {
    this.messages += messages.length;
    // Framed as the real socket frames them, so the encoding is in the figures.
    this.bytes += Frame.join(messages).length;
    for (const message of messages) {
      if (typeof message !== 'string') this.patchSeq = Math.max(this.patchSeq, seqOf(message));
      else if (message.startsWith('{"type":"ack"'))
        this.ackSeq = Number(/"seq":(\d+)/.exec(message)?.[1] ?? 0);
      else if (message.startsWith('{"type":"error"')) this.error = message;
    }
    if (waiting && !this.done && this.ackSeq !== undefined && this.patchSeq >= this.ackSeq) {
      this.done = true;
      if (--waiting.left === 0) waiting.resolve(undefined);
    }
  }
  close() {}
}

/** A patch's seq, read once per distinct buffer (every member gets the same one). */
const seqs = new WeakMap();
/** @param {Frame} frame */
function seqOf(frame) {
  let seq = seqs.get(frame);
  if (seq === undefined) seqs.set(frame, (seq = JSON.parse(frame.text).seq ?? -1));
  return seq;
}

/**
 * Stages, each named by the functions that enter it: a sample belongs to the innermost of
 * these on its stack (apply's own helpers are apply's; JSON.stringify in append is the log's).
 * @type {[stage: string, test: (name: string, file: string) => boolean][]}
 */
const stageRules = [
  ['parse + validation', (name) => name === 'parseClientMessage'],
  [
    'door + allowances',
    (_name, file) => file.endsWith('server/dist/rate-limit.js') || file.endsWith('server/dist/allowances.js'),
  ],
  ['apply (model)', (name, file) => name === 'apply' && file.endsWith('protocol/dist/model.js')],
  ['log: encode + queue', (name, file) => name === 'append' && file.includes('server/dist/storage/')],
  ['log: SQLite commit', (name, file) => name === 'flush' && file.includes('server/dist/storage/')],
  [
    'dedupe (seen actions)',
    (name, file) => name === '#remember' || file.endsWith('server/dist/seen-actions.js'),
  ],
  [
    'ack: make + encode + send',
    (name, file) =>
      name === 'send' &&
      (file.endsWith('server/dist/plenum-room.js') || file.endsWith('server/dist/answers.js')),
  ],
  ['change tracking (#changed)', (name) => name === '#changed'],
  [
    'tick: patches + fan-out',
    (name, file) => name === '#tick' || name === 'slice' || file.endsWith('server/dist/fan-out.js'),
  ],
  ['room: the rest of #act', (name) => name === '#act' || name === '#apply'],
  ['room: the rest of onMessage', (name) => name === 'onMessage'],
  ['fake sockets (bench)', (name, file) => name === 'send' && file.endsWith('bench/lib/intake.js')],
  ['bench driver', (_name, file) => file.endsWith('bench/lib/intake.js')],
];

/**
 * The event loop's CPU per vote, shared out by the profile's busy samples.
 * @param {{ nodes: { id: number, children?: number[], callFrame: { functionName: string, url: string } }[], samples: number[], timeDeltas: number[] }} profile
 * @param {number} mainUsPerAction
 */
function stagesOf(profile, mainUsPerAction) {
  /** @type {Map<number, number>} */
  const parents = new Map();
  /** @type {Map<number, { name: string, file: string }>} */
  const frames = new Map();
  for (const node of profile.nodes) {
    frames.set(node.id, {
      name: node.callFrame.functionName,
      file: node.callFrame.url.replace(/^file:\/\//, ''),
    });
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  /** @type {Map<number, string>} */
  const stageOfNode = new Map();
  const stageOf = (/** @type {number} */ id) => {
    let stage = stageOfNode.get(id);
    if (stage !== undefined) return stage;
    const frame = /** @type {{ name: string, file: string }} */ (frames.get(id));
    if (frame.name === '(garbage collector)') stage = 'GC';
    else if (frame.name === '(idle)' || frame.name === '(program)') stage = frame.name;
    // The profiler's own answer (Profiler.stop) is not the server's.
    else if (frame.name === 'dispatch' && frame.file.startsWith('node:inspector')) stage = '(idle)';
    else {
      const rule = stageRules.find(([, test]) => test(frame.name, frame.file));
      const parent = parents.get(id);
      stage = rule ? rule[0] : parent === undefined ? 'other (event loop, promises)' : stageOf(parent);
      if (stage === '(root)') stage = 'other (event loop, promises)';
    }
    stageOfNode.set(id, stage);
    return stage;
  };
  /** @type {Map<string, number>} */
  const us = new Map();
  /** @type {Map<string, number>} */
  const leaves = new Map();
  for (const id of profile.samples) {
    const stage = stageOf(id);
    // Counted, not timed: a sample's delta also holds the time the process waited for a core.
    us.set(stage, (us.get(stage) ?? 0) + 1);
    if (process.env.INTAKE_LEAVES) {
      const f = frames.get(id);
      const key = `${stage} <- ${f?.name} ${f?.file.split('/').slice(-2).join('/')}`;
      leaves.set(key, (leaves.get(key) ?? 0) + 1);
    }
  }
  us.delete('(idle)');
  const busy = [...us.values()].reduce((a, b) => a + b, 0);
  if (process.env.INTAKE_LEAVES)
    for (const [key, n] of [...leaves].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`      ${((100 * n) / busy).toFixed(1)}% ${key}`);
  return {
    rows: [...us.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([stage, n]) => ({ stage, usPerAction: (n / busy) * mainUsPerAction, pct: (100 * n) / busy })),
  };
}

/**
 * Each stage of a vote alone, on the same inputs as the burst, timed in CPU (this thread
 * idle otherwise, so unlike the profile it does not count the turns the process waited for
 * a core): a decomposition to hold beside the burst's total, whose rest is the event loop,
 * promises, GC and the commits.
 * @param {number} n
 */
export function stageCosts(n) {
  const createdAt = Date.now();
  const record = createRoom({ id: 'stages', title: 'Stages', moderation: 'post', createdAt });
  const host = { participant: 'host-participant-0000', host: true };
  apply(
    record,
    { type: 'poll-create', id: 'h1', title: 'Which?', kind: 'single', options: ['A', 'B', 'C', 'D'] },
    host,
    createdAt,
    'p1',
  );
  apply(record, { type: 'poll-update', id: 'h2', poll: 'p1', status: 'open' }, host, createdAt);
  const participants = Array.from(
    { length: n },
    (_, i) => `intake-participant-${String(i).padStart(6, '0')}`,
  );
  for (const participant of participants) joinRoom(record, participant, createdAt);
  const raws = participants.map((_, i) =>
    JSON.stringify({ type: 'vote', id: `v${i}`, poll: 'p1', choice: i % 4 }),
  );
  /** @type {any[]} */
  const actions = [];
  /** @type {any[]} */
  const outcomes = [];
  const buckets = participants.map(() => [
    new TokenBucket(limits.actionsPerSecond, limits.actionsBurst),
    new TokenBucket(limits.actionsPerSecond, limits.actionsBurst),
  ]);
  const patch = new PatchBuilder();
  const time = (/** @type {() => void} */ work) => {
    const c = process.cpuUsage();
    work();
    return cpuUs(process.cpuUsage(c)) / n;
  };
  const rows = [
    [
      'parse + validation (parseClientMessage)',
      time(() => {
        for (const raw of raws) actions.push(/** @type {any} */ (parseClientMessage(raw)).message);
      }),
    ],
    [
      'door + allowance (two token buckets)',
      time(() => {
        for (const [door, allowance] of buckets) if (door?.take()) allowance?.take();
      }),
    ],
    [
      'apply (model)',
      time(() => {
        actions.forEach((action, i) =>
          outcomes.push(
            apply(
              record,
              action,
              { participant: /** @type {string} */ (participants[i]), host: false },
              createdAt + 1,
            ),
          ),
        );
      }),
    ],
    [
      'change tracking (PatchBuilder.add)',
      time(() => {
        outcomes.forEach((outcome, i) => patch.add(outcome.changes, participants[i], false));
      }),
    ],
    [
      'log entry encoding (JSON.stringify)',
      time(() => {
        actions.forEach((action, i) =>
          JSON.stringify({ at: createdAt, participant: participants[i], host: false, action }),
        );
      }),
    ],
    [
      'ack made + encoded',
      time(() => {
        for (const action of actions) JSON.stringify({ type: 'ack', id: action.id, seq: 7 });
      }),
    ],
    [
      'patch built + encoded (one tick, per vote)',
      time(() => {
        const p = patch.take(record, 1, createdAt + 2);
        if (p) {
          Frame.text(JSON.stringify(p.public));
          Frame.text(JSON.stringify(p.host));
        }
      }),
    ],
  ];
  return rows.map(([stage, us]) => ({
    stage: /** @type {string} */ (stage),
    usPerAction: /** @type {number} */ (us),
  }));
}

/**
 * Several bursts per size: the CPU figures of unprofiled runs (median), the stages of one
 * profiled run.
 * @param {{ sizes: number[], slice: number, runs: number, profile: boolean, log: (text: string) => void }} cfg
 */
export async function intake(cfg) {
  const results = [];
  for (const clients of cfg.sizes) {
    const runs = [];
    // The first burst also compiles the hot paths: it is not counted.
    await intakeBurst({ clients: Math.min(clients, 2000), slice: cfg.slice });
    for (let i = 0; i < cfg.runs; i++) runs.push(await intakeBurst({ clients, slice: cfg.slice }));
    const median = (/** @type {number[]} */ xs) =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const cpu = median(runs.map((r) => r.cpuUsPerAction));
    const main = median(runs.map((r) => r.mainUsPerAction));
    const profiled = cfg.profile
      ? await intakeBurst({ clients, slice: cfg.slice, profile: true })
      : undefined;
    cfg.log(
      `  intake, ${clients.toLocaleString('en-US')} clients: ${cpu.toFixed(1)} µs CPU per vote, ${main.toFixed(1)} µs on the event loop ` +
        `(median of ${runs.length}; all/loop: ${runs.map((r) => `${r.cpuUsPerAction.toFixed(1)}/${r.mainUsPerAction.toFixed(0)}`).join(', ')}), burst ${median(runs.map((r) => r.wallMs)).toFixed(0)} ms; ` +
        `join ${median(runs.map((r) => r.joinCpuUsPerClient)).toFixed(1)} µs CPU per hello`,
    );
    cfg.log(
      `    event loop held at most ${runs.map((r) => r.loopMaxMs.toFixed(1)).join(', ')} ms during the bursts`,
    );
    if (profiled?.stages) {
      cfg.log(
        `    where the event loop's time went (one profiled burst, ${profiled.mainUsPerAction.toFixed(0)} µs per vote on the loop, shared by samples):`,
      );
      for (const row of profiled.stages.rows)
        cfg.log(
          `    ${row.usPerAction.toFixed(2).padStart(7)} µs  ${row.pct.toFixed(0).padStart(3)}%  ${row.stage}`,
        );
    }
    // The least of five: the noise of a shared machine only ever adds (GC threads count too).
    const tries = Array.from({ length: 5 }, () => stageCosts(clients));
    const alone = tries[0].map((row, i) => ({
      stage: row.stage,
      usPerAction: Math.min(...tries.map((t) => t[i]?.usPerAction ?? Infinity)),
    }));
    cfg.log(
      `    each stage alone (CPU per vote, least of 5; the burst's rest is the event loop, promises, GC):`,
    );
    for (const row of alone) cfg.log(`    ${row.usPerAction.toFixed(2).padStart(7)} µs  ${row.stage}`);
    results.push({
      clients,
      runs,
      cpuUsPerAction: cpu,
      mainUsPerAction: main,
      stages: profiled?.stages,
      alone,
    });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: {
      clients: { type: 'string' },
      slice: { type: 'string' },
      runs: { type: 'string' },
      'no-profile': { type: 'boolean' },
    },
  });
  console.log(`load average ${readFileSync('/proc/loadavg', 'utf8').trim()} (${root})`);
  await intake({
    sizes: (values.clients ?? '2000,10000').split(',').map(Number),
    slice: Number(values.slice ?? 256),
    runs: Number(values.runs ?? 3),
    profile: !values['no-profile'],
    log: (text) => console.log(text),
  });
  console.log(`load average ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
}
