/**
 * The load scenarios: the auditorium poll (against Plenum, the naive server and the
 * fan-out ceiling), the question storm and the applause. Each starts its own server and
 * workers, and stops both, whatever happens.
 */
import { canon } from './canon.js';
import {
  controlSocket,
  healthProbe,
  http,
  startBaseline,
  startFleet,
  startPartykit,
  startPlenum,
} from './harness.js';
import { now, sleep, summary } from './stats.js';
import { apply, createRoom, roomSocketPath, standings } from '../../packages/protocol/dist/index.js';

/**
 * @typedef {import('./harness.js').Server} Server
 * @typedef {Awaited<ReturnType<typeof startFleet>>} Fleet
 * @typedef {object} Config
 * @property {number} clients
 * @property {number} workers
 * @property {number} voteSpreadMs
 * @property {number} fanouts
 * @property {number} naiveCapMs
 * @property {number} naiveRssLimit
 * @property {number} stormClients
 * @property {number} questions
 * @property {number} upvotes
 * @property {number} stormMs
 * @property {number} applauseClients
 * @property {number} applausePerSecond
 * @property {number} applauseMs
 * @property {string} runId
 * @property {(name: string) => string[]} nodeArgs   extra node flags for Plenum (e.g. --cpu-prof)
 * @property {number[]} peerSizes   clients per burst in the peer comparison
 * @property {number} peerEveryVoteMax   the largest burst sent to the broadcast-every-vote room (it is quadratic)
 * @property {number} peerRounds   bursts per size and server in the peer comparison (the median is reported)
 * @property {number} peerCapMs   how long to wait for a peer's clients to hold the final tally
 * @property {number} quizClients   players in the quiz scenario
 * @property {number} quizSpreadMs   the window in which every player answers
 * @property {number} [niceWorkers]   CPU priority of the load workers (nice), 0 for the same as the server
 * @property {(text: string) => void} log
 */

const pollOptions = ['Yes', 'No', 'Maybe', 'Pass'];
const fdsFor = (/** @type {number} */ sockets) => sockets + 4096;

/**
 * The load workers for `clients` clients, as the run is configured (count, priority).
 * @param {Config} cfg
 * @param {number} clients
 */
const fleetFor = (cfg, clients) =>
  startFleet({ workers: cfg.workers, nice: cfg.niceWorkers, fds: fdsFor(clients / cfg.workers) });

/**
 * Reads CPU and memory every 100 ms (so the last values survive a server that is killed)
 * and enforces an RSS ceiling.
 * @param {Server} server
 * @param {number} [limitBytes]
 */
function watch(server, limitBytes) {
  const state = { cpu: server.cpu(), rss: 0, hwm: 0, peakRss: 0, tripped: false };
  const read = () => {
    try {
      state.cpu = server.cpu();
      const usage = server.memory();
      state.rss = usage.rss;
      state.hwm = usage.hwm;
      state.peakRss = Math.max(state.peakRss, state.rss);
      if (limitBytes && state.rss > limitBytes && !state.tripped) {
        state.tripped = true;
        server.child.process.kill('SIGKILL');
      }
    } catch {
      clearInterval(timer);
    }
  };
  const timer = setInterval(read, 100);
  read();
  return {
    state,
    /** Starts a phase: peak from now. */
    mark() {
      read();
      state.peakRss = state.rss;
      return state.cpu;
    },
    stop() {
      read();
      clearInterval(timer);
      return state;
    },
  };
}

/**
 * @param {Fleet} fleet
 * @param {any[]} runs
 */
export function mergeRuns(runs) {
  /** @type {Record<string, number>} */
  const errors = {};
  /** @type {Record<string, number>} */
  const counters = {};
  for (const run of runs) {
    for (const [code, n] of Object.entries(run.errors)) errors[code] = (errors[code] ?? 0) + Number(n);
    for (const [key, n] of Object.entries(run.counters)) counters[key] = (counters[key] ?? 0) + Number(n);
  }
  return {
    planned: runs.reduce((s, r) => s + r.planned, 0),
    sent: runs.reduce((s, r) => s + r.sent, 0),
    skipped: runs.reduce((s, r) => s + r.skipped, 0),
    acked: runs.reduce((s, r) => s + r.acked, 0),
    errors,
    counters,
    firstSend: Math.min(...runs.map((r) => r.firstSend)),
    lastSend: Math.max(...runs.map((r) => r.lastSend)),
    lastAck: Math.max(...runs.map((r) => r.lastAck)),
    ackMs: summary(runs.flatMap((r) => r.ackLatencies)),
  };
}

/** @param {any[]} reports */
export function mergeReports(reports) {
  /** @type {Record<string, number>} */
  const counters = {};
  for (const report of reports) {
    for (const [key, n] of Object.entries(report.counters)) counters[key] = (counters[key] ?? 0) + Number(n);
  }
  const clients = reports.reduce((s, r) => s + r.clients, 0);
  return {
    clients,
    open: reports.reduce((s, r) => s + r.open, 0),
    held: reports.reduce((s, r) => s + r.held, 0),
    finalMs: summary(reports.flatMap((r) => r.finalMs)),
    fromSendMs: summary(reports.flatMap((r) => r.fromSendMs)),
    msgs: summary(reports.flatMap((r) => r.msgs)),
    bytes: summary(reports.flatMap((r) => r.bytes)),
    patches: summary(reports.flatMap((r) => r.patches)),
    maxPerSec: summary(reports.flatMap((r) => r.maxPerSec)),
    maxPatchesPerSec: summary(reports.flatMap((r) => r.maxPatchesPerSec)),
    counters,
  };
}

/**
 * Connects `count` clients and reports what it took.
 * @param {Server} server
 * @param {Fleet} fleet
 * @param {string} path
 * @param {number} count
 * @param {Config} cfg
 */
async function connectAll(server, fleet, path, count, cfg) {
  const cpu0 = server.cpu();
  const loadCpu0 = fleet.cpu();
  await server.eld(true);
  const result = await fleet.connect({
    url: `${server.ws}${path}`,
    count,
    prefix: `bench-${cfg.runId}-${server.kind}`,
    timeoutMs: Math.max(60_000, count * 20),
  });
  const eld = await server.eld(true);
  const connect = {
    ...result,
    cpuS: server.cpu() - cpu0,
    loadGeneratorCpuS: fleet.cpu() - loadCpu0,
    perSecond: result.connected / (result.ms / 1000),
    eld,
  };
  cfg.log(
    `  ${server.kind}: ${result.connected}/${count} connected in ${Math.round(result.ms)} ms` +
      (result.failed ? ` (${result.failed} failed: ${JSON.stringify(result.reasons)})` : ''),
  );
  return connect;
}

/**
 * The host says hello over `ws` (its socket stays open, for the fan-out probe) and opens the
 * poll over `url` (in a cluster, another node), then waits until every client has seen it open.
 * @param {any} cfg
 * @param {any} fleet
 * @param {{ ws: string, url: string, room: string, poll: string, hostKey: string }} where
 */
export async function openPollAsHost(cfg, fleet, { ws, url, room, poll, hostKey }) {
  const host = await controlSocket(`${ws}${roomSocketPath(room)}`, {
    type: 'hello',
    v: 1,
    participant: `bench-${cfg.runId}-host-0000`,
    hostKey,
  });
  await http(`${url}/api/rooms/${room}/polls/${poll}`, {
    method: 'PATCH',
    key: hostKey,
    body: { status: 'open' },
  });
  const opened = await fleet.all({ cmd: 'wait-open', poll, timeoutMs: 30_000 }, 40_000);
  await sleep(300);
  await fleet.all({ cmd: 'intern' });
  return {
    host,
    seenBy: opened.reduce((/** @type {number} */ sum, /** @type {any} */ a) => sum + a.ready, 0),
  };
}

/**
 * Scenario 1 on Plenum (with scenario 4, the idle room, measured after everyone joined and
 * before the poll opens), then a fan-out probe.
 * @param {Config} cfg
 */
export async function auditorium(cfg) {
  const n = cfg.clients;
  const server = await startPlenum({ fds: fdsFor(n), nodeArgs: cfg.nodeArgs('auditorium') });
  const fleet = await fleetFor(cfg, n);
  const out = /** @type {Record<string, any>} */ ({ clients: n, fdLimit: server.child.fdLimit });
  /** @type {any} */
  let host;
  try {
    const { room, hostKey } = await http(`${server.url}/api/rooms`, {
      method: 'POST',
      body: { title: 'Bench auditorium', moderation: 'post' },
    });
    const { id: poll } = await http(`${server.url}/api/rooms/${room}/polls`, {
      method: 'POST',
      key: hostKey,
      body: { title: 'Which option?', kind: 'single', options: pollOptions },
    });
    await http(`${server.url}/api/rooms/${room}`); // loads the room
    await sleep(300);
    const gc0 = await server.gc();
    const base = server.memory();

    out.connect = await connectAll(server, fleet, roomSocketPath(room), n, cfg);
    await sleep(1500); // the last joins' presence patches go out
    const gc1 = await server.gc();
    const idle = server.memory();
    const connected = out.connect.connected;
    out.idle = {
      connections: connected,
      rssBeforeMB: base.rss / 2 ** 20,
      rssAfterMB: idle.rss / 2 ** 20,
      kbPerConnection: (idle.rss - base.rss) / 1024 / Math.max(1, connected),
      heapKbPerConnection:
        gc0?.memory && gc1?.memory
          ? (gc1.memory.heapUsed - gc0.memory.heapUsed) / 1024 / Math.max(1, connected)
          : undefined,
      gc: Boolean(gc1?.gc),
    };
    cfg.log(`  idle: ${out.idle.kbPerConnection.toFixed(1)} KB RSS per connection`);

    ({ host, seenBy: out.pollOpenSeenBy } = await openPollAsHost(cfg, fleet, {
      ws: server.ws,
      url: server.url,
      room,
      poll,
      hostKey,
    }));

    const vote = await votePhase(server, fleet, cfg, { poll, room, naive: false });
    Object.assign(out, vote);
    out.fanout = await fanoutProbe(server, fleet, cfg, (k) =>
      host.act({ type: 'vote', poll, choice: k % 2 }),
    );
  } finally {
    host?.close();
    await fleet.close();
    await server.stop();
  }
  return out;
}

/**
 * Every client votes once, spread over `voteSpreadMs`; then waits until every client holds
 * the server's final tally.
 * @param {Server} server
 * @param {Fleet} fleet
 * @param {Config} cfg
 * @param {{ poll: string, room?: string, naive: boolean }} m
 */
async function votePhase(server, fleet, cfg, m) {
  const n = cfg.clients;
  const capMs = m.naive ? cfg.naiveCapMs : 30_000;
  const watcher = watch(server, m.naive ? cfg.naiveRssLimit : undefined);
  await fleet.all({ cmd: 'reset' });
  await server.eld(true);
  const health = healthProbe(server.url);
  const cpu0 = watcher.mark();
  const loadCpu0 = fleet.cpu();
  const window0 = now();
  const t0 = now() + 300;
  const plan = {
    kind: 'vote',
    t0,
    spreadMs: cfg.voteSpreadMs,
    total: n,
    poll: m.poll,
    options: pollOptions.length,
  };
  const runs = await fleet.all({ cmd: 'run', plan, timeoutMs: capMs }, capMs + cfg.voteSpreadMs + 30_000);
  const votes = mergeRuns(runs);
  const allAcked = votes.acked === n;
  cfg.log(
    `  ${server.kind}: ${votes.acked}/${n} votes acked, first vote to last ack ${Math.round(votes.lastAck - votes.firstSend)} ms`,
  );

  // What the server holds now is final: every vote has been answered.
  /** @type {string} */
  let expected = 'null';
  /** @type {number[] | undefined} */
  let serverCounts;
  try {
    if (m.naive) {
      serverCounts = (await http(`${server.url}/state`, { timeoutMs: 10_000 })).counts;
    } else {
      const view = await http(`${server.url}/api/rooms/${m.room}`);
      serverCounts = JSON.parse(canon(view, 'poll', m.poll));
    }
    expected = JSON.stringify(serverCounts);
  } catch (error) {
    const reason = /** @type {Error} */ (error).message;
    cfg.log(
      m.naive
        ? `  naive: no answer from /state (${reason}): still forwarding; the planned tally is the final one`
        : `  ${server.kind}: could not read the final tally: ${reason}`,
    );
  }
  const planned = pollOptions.map((_, c) => Math.floor((n - 1 - c) / pollOptions.length) + 1);
  // The naive server forwards exactly what it got: with every vote sent, the plan is the tally
  // (its own answer may not come while it is still forwarding).
  if (m.naive && serverCounts === undefined && votes.sent === n) expected = JSON.stringify(planned);
  const remaining = Math.max(2_000, t0 + capMs - now());
  const settleMs = m.naive ? remaining : 15_000;
  const settled = await fleet.all(
    { cmd: 'settle', aspect: 'poll', expected, poll: m.poll, naive: m.naive, timeoutMs: settleMs },
    settleMs + 60_000,
  );
  const state = watcher.stop();
  const windowS = (now() - window0) / 1000;
  const loadCpuS = fleet.cpu() - loadCpu0;
  const eld = await server.eld();
  const healthz = await health.stop();
  const reports = await fleet.all(
    {
      cmd: 'report',
      aspect: 'poll',
      expected,
      poll: m.poll,
      lastAck: votes.lastAck,
      lastSend: votes.lastSend,
      naive: m.naive,
    },
    120_000,
  );
  const reportedAt = now();
  const clients = mergeReports(reports);
  const activeS = Math.max(0.001, (votes.lastAck - votes.firstSend) / 1000);
  cfg.log(
    `  ${server.kind}: ${settled.reduce((s, a) => s + a.held, 0)}/${n} clients hold the final tally; ` +
      `p99 ${Math.round(clients.finalMs.p99)} ms after the last ack; ${Math.round(clients.msgs.mean)} msgs/client`,
  );
  return {
    votes: {
      ...votes,
      allAcked,
      firstToLastAckMs: votes.lastAck - votes.firstSend,
      ackedPerSecond: votes.acked / activeS,
    },
    tally: { server: serverCounts, planned, exact: allAcked && JSON.stringify(planned) === expected },
    final: {
      held: clients.held,
      clients: clients.clients,
      ms: clients.finalMs,
      fromLastVoteMs: clients.fromSendMs,
      // Not everyone got there: the wait so far is a lower bound on the time to the final tally.
      lowerBoundFromLastVoteMs: clients.held < n ? reportedAt - votes.lastSend : undefined,
    },
    perClient: perClientFigures(clients, activeS),
    server: {
      ...serverFigures({
        cpuS: state.cpu - cpu0,
        windowS,
        loadCpuS,
        peakRss: state.peakRss,
        hwm: state.hwm,
        eld,
        healthz,
      }),
      killedAtRssLimit: state.tripped,
    },
  };
}

/**
 * What each client received, merged over the workers.
 * @param {any} clients   merged reports (mergeReports)
 * @param {number} activeS   seconds the actions took
 */
export function perClientFigures(clients, activeS) {
  return {
    msgs: clients.msgs,
    bytes: clients.bytes,
    patches: clients.patches,
    msgsPerSecMean: clients.msgs.mean / activeS,
    maxPerSec: clients.maxPerSec,
    maxPatchesPerSec: clients.maxPatchesPerSec,
    counters: clients.counters,
  };
}

/**
 * The server over a measured window: CPU, memory, and how responsive it stayed.
 * @param {{ cpuS: number, windowS: number, loadCpuS: number, peakRss: number, hwm: number, eld: any, healthz: { maxMs: number } }} w
 */
function serverFigures(w) {
  return {
    cpuS: w.cpuS,
    windowS: w.windowS,
    loadGeneratorCpuS: w.loadCpuS,
    peakRssMB: w.peakRss / 2 ** 20,
    hwmMB: w.hwm / 2 ** 20,
    eldMaxMs: w.eld?.maxMs,
    eldP99Ms: w.eld?.p99Ms,
    healthzMaxMs: w.healthz.maxMs,
  };
}

/**
 * Triggers `cfg.fanouts` single broadcasts, spaced so they do not overlap, and measures the server CPU per
 * broadcast and when each client received it.
 * @param {Server} server
 * @param {Fleet} fleet
 * @param {Config} cfg
 * @param {(k: number) => Promise<{ sentAt: number, answer: any }>} trigger
 */
async function fanoutProbe(server, fleet, cfg, trigger) {
  const total = fleet.slices.reduce((s, n) => s + n, 0);
  await fleet.all({ cmd: 'probe-start' });
  await sleep(300);
  // What the server burns doing nothing (timers, the probe) is taken out of the figure: the
  // quietest of four half-second windows, so a heartbeat landing in one does not count.
  let idlePerMs = Infinity;
  for (let i = 0; i < 4; i++) {
    const idle0 = server.cpu();
    await sleep(500);
    idlePerMs = Math.min(idlePerMs, (server.cpu() - idle0) / 500);
  }
  const spacingMs = 150 + Math.round(total * 0.02);
  const started = now();
  const cpu0 = server.cpu();
  /** @type {{ sentAt: number, seq: number, loopMs?: number }[]} */
  const triggers = [];
  for (let k = 0; k < cfg.fanouts; k++) {
    const { sentAt, answer } = await trigger(k);
    triggers.push({ sentAt, seq: answer.seq ?? k + 1, loopMs: answer.loopMs });
    await sleep(spacingMs);
  }
  const cpuS = Math.max(0, server.cpu() - cpu0 - idlePerMs * (now() - started));
  await sleep(500);
  const probes = await fleet.all({ cmd: 'probe-stop' });
  /** @type {number[]} */
  const latency = [];
  /** @type {number[]} */
  const spread = [];
  /** @type {number[]} */
  const bytes = [];
  let complete = 0;
  for (const { sentAt, seq } of triggers) {
    const parts = probes.map((p) => p.bySeq[seq]).filter(Boolean);
    const received = parts.reduce((s, p) => s + p.n, 0);
    if (received === 0) continue;
    if (received === total) complete++;
    const first = Math.min(...parts.map((p) => p.min));
    const last = Math.max(...parts.map((p) => p.max));
    latency.push(last - sentAt);
    spread.push(last - first);
    bytes.push(parts[0].bytes);
  }
  const result = {
    count: triggers.length,
    complete,
    bytes: summary(bytes).p50,
    cpuMsPerFanout: (cpuS * 1000) / triggers.length,
    idleCpuPercent: idlePerMs * 100_000,
    lastClientMs: summary(latency),
    spreadMs: summary(spread),
    serverLoopMs: triggers[0]?.loopMs === undefined ? undefined : summary(triggers.map((t) => t.loopMs ?? 0)),
  };
  cfg.log(
    `  ${server.kind}: fan-out of ${result.bytes} B to ${total} clients: ${result.cpuMsPerFanout.toFixed(1)} ms CPU, ` +
      `last client after ${result.lastClientMs.p50.toFixed(1)} ms (p50 of ${triggers.length})`,
  );
  return result;
}

/**
 * Scenario 1 against the naive server: same clients, same votes.
 * @param {Config} cfg
 */
export async function naive(cfg) {
  const n = cfg.clients;
  const server = await startBaseline('naive', { fds: fdsFor(n), options: pollOptions.length });
  const fleet = await fleetFor(cfg, n);
  const out = /** @type {Record<string, any>} */ ({ clients: n });
  try {
    out.connect = await connectAll(server, fleet, '/', n, cfg);
    await sleep(500);
    Object.assign(out, await votePhase(server, fleet, cfg, { poll: 'p1', naive: true }));
    // By design each client receives every vote, plus its own ack.
    out.projectedMsgsPerClient = n + 1;
    out.capped = out.final.held < n;
    if (out.capped) {
      // How far it got, and what the whole run would take at the pace it kept.
      const forwarded = out.perClient.msgs.mean;
      out.projected = {
        forwardedPerClient: forwarded,
        cpuS: (out.server.cpuS * n) / Math.max(1, forwarded),
        finalFromLastVoteS:
          ((out.final.lowerBoundFromLastVoteMs + cfg.voteSpreadMs) * n) / Math.max(1, forwarded) / 1000,
      };
    }
  } finally {
    await fleet.close();
    await server.stop();
  }
  return out;
}

/**
 * The fan-out ceiling: one pre-serialised message of `bytes` to every client.
 * @param {Config} cfg
 * @param {number} bytes
 */
export async function ceiling(cfg, bytes) {
  const n = cfg.clients;
  const server = await startBaseline('ceiling', { fds: fdsFor(n), options: pollOptions.length });
  const fleet = await fleetFor(cfg, n);
  const out = /** @type {Record<string, any>} */ ({ clients: n });
  /** @type {any} */
  let control;
  try {
    out.connect = await connectAll(server, fleet, '/', n, cfg);
    control = await controlSocket(server.ws, { type: 'hello', v: 1, participant: 'control', control: true });
    await sleep(500);
    out.fanout = await fanoutProbe(server, fleet, cfg, async (k) => {
      const { sentAt, answer } = await control.act({ type: 'broadcast', seq: k + 1, bytes });
      return { sentAt, answer: { ...answer, seq: k + 1 } };
    });
  } finally {
    control?.close();
    await fleet.close();
    await server.stop();
  }
  return out;
}

/**
 * Connects `count` participants to a fresh room, runs a plan and checks every client's
 * final `aspect` against the server's.
 * @param {Config} cfg
 * @param {{ name: string, count: number, aspect: import('./canon.js').Aspect,
 *   plan: (t0: number, slices: number[], view: any) => (i: number) => object, durationMs: number }} s
 */
async function roomScenario(cfg, s) {
  const server = await startPlenum({ fds: fdsFor(s.count), nodeArgs: cfg.nodeArgs(s.name) });
  const fleet = await fleetFor(cfg, s.count);
  const out = /** @type {Record<string, any>} */ ({ clients: s.count });
  try {
    const { room } = await http(`${server.url}/api/rooms`, {
      method: 'POST',
      body: { title: `Bench ${s.name}`, moderation: 'post' },
    });
    const view0 = await http(`${server.url}/api/rooms/${room}`);
    out.connect = await connectAll(server, fleet, roomSocketPath(room), s.count, cfg);
    await sleep(1000);
    await fleet.all({ cmd: 'intern' });
    const watcher = watch(server);
    await fleet.all({ cmd: 'reset' });
    await server.eld(true);
    const health = healthProbe(server.url);
    const cpu0 = watcher.mark();
    const loadCpu0 = fleet.cpu();
    const window0 = now();
    const t0 = now() + 300;
    const planFor = s.plan(t0, fleet.slices, view0);
    const runs = await fleet.all(
      (i) => ({ cmd: 'run', plan: planFor(i), timeoutMs: 30_000 }),
      s.durationMs + 90_000,
    );
    const actions = mergeRuns(runs);
    cfg.log(
      `  ${s.name}: ${actions.acked}/${actions.sent} actions acked (${JSON.stringify(actions.errors)}), ` +
        `first send to last ack ${Math.round(actions.lastAck - actions.firstSend)} ms`,
    );
    const view = await http(`${server.url}/api/rooms/${room}`);
    const expected = canon(view, s.aspect);
    const settled = await fleet.all({ cmd: 'settle', aspect: s.aspect, expected, timeoutMs: 15_000 }, 60_000);
    const state = watcher.stop();
    const windowS = (now() - window0) / 1000;
    const loadCpuS = fleet.cpu() - loadCpu0;
    const eld = await server.eld();
    const healthz = await health.stop();
    const reports = await fleet.all(
      { cmd: 'report', aspect: s.aspect, expected, lastAck: actions.lastAck, lastSend: actions.lastSend },
      120_000,
    );
    const clients = mergeReports(reports);
    const activeS = Math.max(0.001, (actions.lastAck - actions.firstSend) / 1000);
    cfg.log(
      `  ${s.name}: ${settled.reduce((sum, a) => sum + a.held, 0)}/${s.count} clients equal the server; ` +
        `p99 ${Math.round(clients.finalMs.p99)} ms after the last ack; max ${clients.maxPerSec.max} msgs/s per client`,
    );
    Object.assign(out, {
      actions: {
        ...actions,
        firstToLastAckMs: actions.lastAck - actions.firstSend,
        ackedPerSecond: actions.acked / activeS,
      },
      serverView: {
        questions: view.questions.length,
        upvotes: view.questions.reduce((sum, /** @type {any} */ q) => sum + q.upvotes, 0),
        reactions: Object.values(view.reactions).reduce((sum, /** @type {any} */ v) => sum + v, 0),
      },
      final: {
        held: clients.held,
        clients: clients.clients,
        ms: clients.finalMs,
        fromLastSendMs: clients.fromSendMs,
      },
      perClient: perClientFigures(clients, activeS),
      server: serverFigures({
        cpuS: state.cpu - cpu0,
        windowS,
        loadCpuS,
        peakRss: state.peakRss,
        hwm: server.memory().hwm,
        eld,
        healthz,
      }),
    });
  } finally {
    await fleet.close();
    await server.stop();
  }
  return out;
}

/**
 * Splits `total` over workers in proportion to their clients.
 * @param {number} total
 * @param {number[]} slices
 * @param {number} i
 */
const share = (total, slices, i) => {
  const all = slices.reduce((s, n) => s + n, 0);
  const before = slices.slice(0, i).reduce((s, n) => s + n, 0);
  return Math.round(((before + (slices[i] ?? 0)) * total) / all) - Math.round((before * total) / all);
};

/**
 * Scenario 2: questions and upvote toggles from everyone at once.
 * @param {Config} cfg
 */
export function questionStorm(cfg) {
  return roomScenario(cfg, {
    name: 'storm',
    count: cfg.stormClients,
    aspect: 'questions',
    durationMs: cfg.stormMs,
    plan: (t0, slices) => (i) => ({
      kind: 'storm',
      t0,
      total: cfg.stormClients,
      durationMs: cfg.stormMs,
      askWindowMs: cfg.stormMs / 4,
      upvoteStartMs: Math.min(500, cfg.stormMs / 10),
      asks: share(cfg.questions, slices, i),
      upvotes: share(cfg.upvotes, slices, i),
      seed: 1000 + i,
    }),
  }).then((out) => ({
    ...out,
    planned: { questions: cfg.questions, upvotes: cfg.upvotes, ms: cfg.stormMs },
  }));
}

/**
 * Scenario 3: reactions from everyone, within each participant's allowance.
 * @param {Config} cfg
 */
export function applause(cfg) {
  const events = Math.round((cfg.applausePerSecond * cfg.applauseMs) / 1000);
  return roomScenario(cfg, {
    name: 'applause',
    count: cfg.applauseClients,
    aspect: 'reactions',
    durationMs: cfg.applauseMs,
    plan: (t0, _slices, view) => () => ({
      kind: 'applause',
      t0,
      total: cfg.applauseClients,
      durationMs: cfg.applauseMs,
      events,
      perSecond: cfg.applausePerSecond,
      emojis: view.emojis,
    }),
  }).then((out) => ({
    ...out,
    planned: {
      events,
      perSecond: cfg.applausePerSecond,
      perParticipantPerSecond: cfg.applausePerSecond / cfg.applauseClients,
    },
    exact: out.serverView.reactions === out.actions.acked,
  }));
}

/**
 * The peer comparison (issue "Faster than a 15-line PartyKit room"): for each size, N clients
 * join one room and every one votes once at the same moment, against Plenum and the two
 * PartyKit rooms in bench/partykit/ on PartyKit's own runtime. The figure is the time from the
 * first vote sent until every client holds the final tally, the median of `peerRounds` bursts
 * on one server (a new poll each for Plenum; the peers count on): a ticking room's figure
 * depends on where in its 50 ms the burst falls, so one burst is a coin toss at small sizes.
 * @param {Config} cfg
 */
export async function peers(cfg) {
  /** @type {Record<string, any>[]} */
  const rows = [];
  for (const n of cfg.peerSizes) {
    /** @type {Record<string, any>} */
    const row = { clients: n };
    row.plenum = await bursts(cfg, 'plenum', n, cfg.peerRounds);
    row['partykit-ticking'] = await bursts(cfg, 'partykit-ticking', n, cfg.peerRounds);
    // Quadratic: one burst says enough.
    if (n <= cfg.peerEveryVoteMax)
      row['partykit-every-vote'] = await bursts(cfg, 'partykit-every-vote', n, 1);
    rows.push(row);
  }
  return { rows };
}

/**
 * `rounds` bursts on one fresh server of `kind`: `n` clients, every one votes once at t0.
 * The result is the median round's, with every round's figure beside it.
 * @param {Config} cfg
 * @param {'plenum' | import('./harness.js').PeerKind} kind
 * @param {number} n
 * @param {number} rounds
 */
async function bursts(cfg, kind, n, rounds) {
  const peer = kind !== 'plenum';
  const server = peer
    ? await startPartykit(kind, { fds: fdsFor(n) })
    : await startPlenum({ fds: fdsFor(n), nodeArgs: cfg.nodeArgs('peers') });
  const fleet = await fleetFor(cfg, n);
  try {
    /** @type {{ room: string, hostKey: string } | undefined} */
    let host;
    let path = roomSocketPath('bench');
    if (!peer) {
      const created = await http(`${server.url}/api/rooms`, {
        method: 'POST',
        body: { title: 'Bench burst' },
      });
      host = { room: created.room, hostKey: created.hostKey };
      path = roomSocketPath(created.room);
    }
    const openPoll = async () => {
      if (!host) return 'p1';
      const api = `${server.url}/api/rooms/${host.room}/polls`;
      const made = await http(api, {
        method: 'POST',
        key: host.hostKey,
        body: { title: 'Which option?', kind: 'single', options: pollOptions },
      });
      await http(`${api}/${made.id}`, { method: 'PATCH', key: host.hostKey, body: { status: 'open' } });
      return /** @type {string} */ (made.id);
    };
    let poll = await openPoll();
    const connect = await connectAll(server, fleet, path, n, { ...cfg, log: () => undefined });
    /** @type {Record<string, any>[]} */
    const results = [];
    for (let round = 1; round <= rounds; round++) {
      if (round > 1) poll = await openPoll();
      if (!peer) await fleet.all({ cmd: 'wait-open', poll, timeoutMs: 30_000 }, 40_000);
      await sleep(500);
      results.push(
        await burst(cfg, { server, fleet, room: host?.room, poll, n, round, connected: connect.connected }),
      );
    }
    const sorted = [...results].sort((a, b) => (a.everyClientMs ?? Infinity) - (b.everyClientMs ?? Infinity));
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    const result = {
      ...median,
      allHeld: results.every((r) => r.allHeld),
      exact: results.every((r) => r.exact),
      rounds: results.length,
      roundsMs: results.map((r) => r.everyClientMs),
      // Over every round: /proc counts CPU in 10 ms ticks, coarse for one burst of 50 votes.
      cpuSPerVote: results.reduce((sum, r) => sum + r.serverCpuS, 0) / (n * results.length),
    };
    cfg.log(
      `  ${String(n).padStart(6)} clients, ${kind.padEnd(20)} ` +
        (result.allHeld
          ? `every client final ${results.map((r) => Math.round(r.everyClientMs)).join(' / ')} ms after the first vote`
          : `${results.map((r) => `${r.held}/${n}`).join(' / ')} final after ${cfg.peerCapMs} ms`) +
        (peer ? '' : ` (last ack ${results.map((r) => Math.round(r.lastAckMs ?? 0)).join(' / ')} ms)`) +
        `, server CPU ${results.map((r) => r.serverCpuS.toFixed(2)).join(' / ')} s`,
    );
    return result;
  } finally {
    await fleet.close();
    await server.stop();
  }
}

/**
 * One burst on a server whose clients are connected and whose poll is open.
 * @param {Config} cfg
 * @param {{ server: any, fleet: any, room?: string, poll: string, n: number, round: number, connected: number }} on
 */
async function burst(cfg, { server, fleet, room, poll, n, round, connected }) {
  // Plenum's room; a peer has one room and one poll.
  const peer = room === undefined;
  await fleet.all({ cmd: 'reset' });
  const cpu0 = server.cpu();
  const plan = {
    kind: 'vote',
    t0: now() + 300,
    spreadMs: 0,
    total: n,
    poll,
    options: pollOptions.length,
    noAcks: peer,
  };
  const votes = mergeRuns(await fleet.all({ cmd: 'run', plan, timeoutMs: 30_000 }, 70_000));
  const planned = pollOptions.map((_, c) => Math.floor((n - 1 - c) / pollOptions.length) + 1);
  // Plenum's own snapshot is the truth once every vote is acked; a peer counts whatever
  // arrived, and with every vote of every round sent that is the plan times the rounds.
  const expected = peer
    ? JSON.stringify(planned.map((count) => count * round))
    : canon(await http(`${server.url}/api/rooms/${room}`), 'poll', poll);
  const settleMs = cfg.peerCapMs;
  await fleet.all(
    { cmd: 'settle', aspect: 'poll', expected, poll, naive: peer, timeoutMs: settleMs },
    settleMs + 60_000,
  );
  const reports = await fleet.all(
    {
      cmd: 'report',
      aspect: 'poll',
      expected,
      poll,
      lastAck: votes.lastAck,
      lastSend: votes.lastSend,
      naive: peer,
    },
    120_000,
  );
  const clients = mergeReports(reports);
  // fromSendMs is measured from the last vote sent: shift it to the first.
  const sendSpan = votes.lastSend - votes.firstSend;
  const fromFirst = summary(
    reports.flatMap((r) => r.fromSendMs.map((/** @type {number} */ ms) => ms + sendSpan)),
  );
  return {
    connected,
    sent: votes.sent,
    acked: peer ? undefined : votes.acked,
    exact: expected === JSON.stringify(peer ? planned.map((count) => count * round) : planned),
    held: clients.held,
    allHeld: clients.held === n,
    // Everyone holds it: the slowest client; a run where not all got there is a lower bound.
    everyClientMs: clients.held === n ? fromFirst.max : undefined,
    lowerBoundMs: clients.held < n ? settleMs : undefined,
    fromFirstVoteMs: fromFirst,
    lastAckMs: peer ? undefined : votes.lastAck - votes.firstSend,
    msgsPerClient: clients.msgs.mean,
    serverCpuS: server.cpu() - cpu0,
  };
}

/**
 * Scenario 7, the quiz: N players (10,000) answer one question within `quizSpreadMs` (3 s);
 * the host reveals the answer, then shows the leaderboard. Figures: answers acknowledged,
 * the time from the reveal until every client holds the revealed distribution (and from
 * the leaderboard action until every client holds the leaderboard), and the time the pure
 * model takes to rank N players (the standings every leaderboard and every player's own
 * place are read from).
 * @param {Config} cfg
 */
export async function quiz(cfg) {
  const n = cfg.quizClients;
  const server = await startPlenum({ fds: fdsFor(n), nodeArgs: cfg.nodeArgs('quiz') });
  const fleet = await fleetFor(cfg, n);
  const out = /** @type {Record<string, any>} */ ({ clients: n });
  /** @type {any} */
  let host;
  try {
    const { room, hostKey } = await http(`${server.url}/api/rooms`, {
      method: 'POST',
      body: { title: 'Bench quiz' },
    });
    await http(`${server.url}/api/rooms/${room}`); // loads the room
    out.connect = await connectAll(server, fleet, roomSocketPath(room), n, cfg);
    host = await controlSocket(`${server.ws}${roomSocketPath(room)}`, {
      type: 'hello',
      v: 1,
      participant: `bench-${cfg.runId}-host-0000`,
      hostKey,
    });
    const timeLimit = Math.ceil((cfg.quizSpreadMs + 10_000) / 1000);
    const created = await host.act({
      type: 'quiz-create',
      title: 'Bench quiz',
      questions: [{ text: 'Which option?', kind: 'single', options: pollOptions, correct: [0], timeLimit }],
    });
    const id = created.answer.result?.id;
    if (!id) throw new Error(`quiz-create: ${JSON.stringify(created.answer)}`);
    await host.act({ type: 'quiz-start', quiz: id, question: 0 });
    const seen = await fleet.all({ cmd: 'wait-quiz', quiz: id, timeoutMs: 30_000 }, 40_000);
    out.questionSeenBy = seen.reduce((sum, s) => sum + s.ready, 0);
    await sleep(300);
    await fleet.all({ cmd: 'intern' });

    // Everyone answers.
    const watcher = watch(server);
    await fleet.all({ cmd: 'reset' });
    await server.eld(true);
    const health = healthProbe(server.url);
    const cpu0 = watcher.mark();
    const loadCpu0 = fleet.cpu();
    const window0 = now();
    const plan = {
      kind: 'quiz',
      t0: now() + 300,
      spreadMs: cfg.quizSpreadMs,
      total: n,
      quiz: id,
      question: 0,
      options: pollOptions.length,
    };
    const answers = mergeRuns(
      await fleet.all({ cmd: 'run', plan, timeoutMs: 30_000 }, cfg.quizSpreadMs + 60_000),
    );
    cfg.log(
      `  quiz: ${answers.acked}/${n} answers acked (${JSON.stringify(answers.errors)}), ` +
        `first to last ack ${Math.round(answers.lastAck - answers.firstSend)} ms, ack p99 ${Math.round(answers.ackMs.p99)} ms`,
    );

    /**
     * The host acts; how long until every client holds what the server's public view then shows.
     * @param {object} action
     * @param {import('./canon.js').Aspect} aspect
     */
    const everyClient = async (action, aspect) => {
      const { sentAt, answer } = await host.act(action);
      if (answer.type !== 'ack') throw new Error(`${JSON.stringify(action)}: ${JSON.stringify(answer)}`);
      const expected = canon(await http(`${server.url}/api/rooms/${room}`), aspect, id);
      const settled = await fleet.all(
        { cmd: 'settle', aspect, expected, poll: id, timeoutMs: 15_000 },
        60_000,
      );
      const reports = await fleet.all(
        { cmd: 'report', aspect, expected, poll: id, lastAck: sentAt, lastSend: sentAt },
        120_000,
      );
      const clients = mergeReports(reports);
      const held = settled.reduce((sum, s) => sum + s.held, 0);
      return {
        held,
        clients: n,
        ms: clients.finalMs,
        everyClientMs: held === n ? clients.finalMs.max : undefined,
        expected,
      };
    };
    out.reveal = await everyClient({ type: 'quiz-reveal', quiz: id }, 'quiz');
    cfg.log(
      `  quiz: ${out.reveal.held}/${n} clients hold the revealed distribution, the last ` +
        `${Math.round(out.reveal.ms.max)} ms after the reveal (p50 ${Math.round(out.reveal.ms.p50)} ms)`,
    );
    out.leaderboard = await everyClient({ type: 'quiz-leaderboard', quiz: id }, 'leaderboard');
    cfg.log(
      `  quiz: ${out.leaderboard.held}/${n} clients hold the leaderboard, the last ` +
        `${Math.round(out.leaderboard.ms.max)} ms after it was shown`,
    );
    const state = watcher.stop();
    const planned = pollOptions.map((_, c) => Math.floor((n - 1 - c) / pollOptions.length) + 1);
    out.answers = {
      ...answers,
      allAcked: answers.acked === n,
      firstToLastAckMs: answers.lastAck - answers.firstSend,
      exact: out.reveal.expected === JSON.stringify([[0], planned]),
    };
    out.server = serverFigures({
      cpuS: state.cpu - cpu0,
      windowS: (now() - window0) / 1000,
      loadCpuS: fleet.cpu() - loadCpu0,
      peakRss: state.peakRss,
      hwm: state.hwm,
      eld: await server.eld(),
      healthz: await health.stop(),
    });
    out.compute = leaderboardCompute(n);
    cfg.log(
      `  quiz: ranking ${n} players takes ${out.compute.ms.p50.toFixed(1)} ms (p50 of ${out.compute.runs}, max ${out.compute.ms.max.toFixed(1)} ms)`,
    );
  } finally {
    host?.close();
    await fleet.close();
    await server.stop();
  }
  return out;
}

/**
 * The standings of `n` players computed by the pure model, here in the coordinator (a
 * quiet process): the sort every leaderboard and every player's own place are read from.
 * @param {number} n
 */
function leaderboardCompute(n) {
  const room = createRoom({ id: 'bench', createdAt: 0 });
  const host = { participant: 'host', host: true };
  let k = 0;
  /** @param {any} action @param {any} actor @param {number} at */
  const act = (action, actor, at) => {
    const outcome = apply(room, { ...action, id: `b${++k}` }, actor, at);
    if (!outcome.ok) throw new Error(outcome.message);
  };
  const question = { text: 'Q?', kind: 'single', options: pollOptions, correct: [0], timeLimit: 300 };
  act({ type: 'quiz-create', title: 'Q', questions: [question] }, host, 0);
  act({ type: 'quiz-start', quiz: 'z1', question: 0 }, host, 0);
  for (let i = 0; i < n; i++)
    act(
      { type: 'quiz-answer', quiz: 'z1', question: 0, choice: i % 4 },
      { participant: `p${i}`, host: false },
      (i * 29) % 300_000,
    );
  act({ type: 'quiz-reveal', quiz: 'z1' }, host, 300_000);
  const record = room.quizzes.get('z1');
  /** @type {number[]} */
  const times = [];
  for (let run = 0; run < 7; run++) {
    record.cached = undefined;
    const t = now();
    standings(room, record);
    times.push(now() - t);
  }
  return { players: n, runs: times.length, ms: summary(times) };
}
