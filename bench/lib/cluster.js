/**
 * `npm run bench -- --cluster N`: the auditorium poll on N `plenum serve --redis` nodes that
 * share one redis-server, all on this machine, the clients spread round robin over the nodes.
 * Beside the single-process figures (acks, tally p99, messages per client, loop delay, now
 * per node) it reads Redis's own counters (`INFO commandstats`, `INFO stats`, `INFO cpu`)
 * before and after each phase, so the load on the engine is measured, not guessed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canon } from './canon.js';
import { http, startFleet, startPlenum } from './harness.js';
import { cpuSeconds } from './procs.js';
import { mergeReports, mergeRuns, openPollAsHost, perClientFigures } from './scenarios.js';
import { now, sleep, summary } from './stats.js';
import { roomSocketPath } from '../../packages/protocol/dist/index.js';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
/** @type {typeof import('ioredis').Redis} */
const Redis = require('ioredis').Redis;

export const redisBinary = process.env.PLENUM_REDIS_SERVER ?? '/usr/bin/redis-server';
const pollOptions = ['Yes', 'No', 'Maybe', 'Pass'];
/** The room's patch interval (protocol limits.ts `timing.tickMs`): "per tick" below means per 50 ms. */
export const tickMs = 50;

/**
 * @typedef {import('./harness.js').Server} Server
 * @typedef {{ nodes: number, clients: number }} ClusterSize
 * @typedef {{ at: number, calls: Record<string, number>, usec: Record<string, number>, total: number,
 *   cpuS: number, netIn: number, netOut: number }} RedisCounters
 */

/** Every redis-server this process started: stopped by pid when it exits, whatever happens. */
/** @type {Set<import('node:child_process').ChildProcess>} */
const started = new Set();
process.on('exit', () => {
  for (const child of started) if (child.pid !== undefined && child.exitCode === null) child.kill('SIGKILL');
});

/** @returns {Promise<number>} a loopback port nothing listens on right now */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A redis-server for one run: loopback, a free port, a temporary directory, AOF with
 * `appendfsync always` (what the README recommends: an ack means on disk), no RDB saves.
 */
export async function startBenchRedis() {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-bench-redis-'));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      redisBinary,
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
        ...['--appendonly', 'yes', '--appendfsync', 'always', '--daemonize', 'no'],
        // Twenty thousand clients' entries in a burst: no output-buffer limit cuts a node's subscription.
        ...['--client-output-buffer-limit', 'pubsub 0 0 0'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    started.add(child);
    const ready = await new Promise((resolve) => {
      let output = '';
      const timer = setTimeout(() => resolve(false), 10_000);
      child.stdout?.on('data', (chunk) => {
        output += String(chunk);
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.stderr?.resume();
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (!ready) {
      child.kill('SIGKILL');
      started.delete(child);
      if (attempt < 4) continue;
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`${redisBinary} did not start`);
    }
    child.stdout?.resume();
    const url = `redis://127.0.0.1:${port}`;
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    await client.connect();
    return {
      url,
      pid: /** @type {number} */ (child.pid),
      /** Reads Redis's counters now (its own INFO calls are left out of the figures). */
      async counters() {
        const [commandstats, stats, cpu] = await Promise.all([
          client.info('commandstats'),
          client.info('stats'),
          client.info('cpu'),
        ]);
        return parseCounters(commandstats, stats, cpu);
      },
      async stop() {
        client.disconnect();
        const exited = new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve(undefined);
          else child.once('exit', resolve);
        });
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
        started.delete(child);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}

/**
 * @param {string} commandstats
 * @param {string} stats
 * @param {string} cpu
 * @returns {RedisCounters}
 */
export function parseCounters(commandstats, stats, cpu) {
  /** @type {Record<string, number>} */
  const calls = {};
  /** @type {Record<string, number>} */
  const usec = {};
  for (const match of commandstats.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)) {
    const name = /** @type {string} */ (match[1]);
    if (name === 'info') continue; // the bench asking
    calls[name] = Number(match[2]);
    usec[name] = Number(match[3]);
  }
  const field = (/** @type {string} */ text, /** @type {string} */ name) =>
    Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(text)?.[1] ?? 0);
  return {
    at: now(),
    calls,
    usec,
    total: Object.values(calls).reduce((s, n) => s + n, 0),
    cpuS: field(cpu, 'used_cpu_sys') + field(cpu, 'used_cpu_user'),
    netIn: field(stats, 'total_net_input_bytes'),
    netOut: field(stats, 'total_net_output_bytes'),
  };
}

/**
 * What Redis did between two readings: commands per second and per 50 ms tick (script-inner
 * calls such as the XADD inside an append are commands too: Redis counts them), script calls,
 * the time Redis spent in commands, its CPU, and bytes in and out.
 * @param {RedisCounters} a
 * @param {RedisCounters} b
 * @param {number} [actions]   actions logged in the window, for per-action figures
 */
export function redisDelta(a, b, actions) {
  const seconds = Math.max(0.001, (b.at - a.at) / 1000);
  /** @type {Record<string, number>} */
  const calls = {};
  for (const [name, n] of Object.entries(b.calls)) {
    const d = n - (a.calls[name] ?? 0);
    if (d > 0) calls[name] = d;
  }
  // Time inside scripts (their inner calls included; summing every command would count those twice).
  const usec = ['evalsha', 'eval'].reduce((s, name) => s + (b.usec[name] ?? 0) - (a.usec[name] ?? 0), 0);
  const commands = b.total - a.total;
  const scripts = (calls.evalsha ?? 0) + (calls.eval ?? 0);
  const publishes = calls.publish ?? 0;
  // Requests: what the nodes sent (round trips, pipelined or not), without the calls a script
  // made inside Redis: per entry HGETs, XADD, HSET; per script EXISTS, GET, SET, PUBLISH, PEXPIRE.
  const inner =
    (calls.hget ?? 0) +
    (calls.xadd ?? 0) +
    (calls.hset ?? 0) +
    Math.min(calls.pexpire ?? 0, scripts) +
    4 * scripts;
  const requests = Math.max(0, commands - inner);
  return {
    seconds,
    commands,
    commandsPerSecond: commands / seconds,
    commandsPerTick: (commands / seconds) * (tickMs / 1000),
    requests,
    requestsPerSecond: requests / seconds,
    requestsPerTick: (requests / seconds) * (tickMs / 1000),
    scripts,
    scriptsPerSecond: scripts / seconds,
    publishes,
    scriptMsPerSecond: usec / 1000 / seconds,
    cpuPercent: ((b.cpuS - a.cpuS) / seconds) * 100,
    netInBytes: b.netIn - a.netIn,
    netOutBytes: b.netOut - a.netOut,
    ...(actions !== undefined && {
      actions,
      actionsPerScript: scripts ? actions / scripts : undefined,
      commandsPerAction: actions ? commands / actions : undefined,
      requestsPerAction: actions ? requests / actions : undefined,
      scriptUsecPerAction: actions ? usec / actions : undefined,
      cpuUsecPerAction: actions ? ((b.cpuS - a.cpuS) * 1e6) / actions : undefined,
      outBytesPerAction: actions ? (b.netOut - a.netOut) / actions : undefined,
    }),
    calls,
  };
}

/**
 * The sizes a run measures: the two (20,000 across two nodes, 5,000 on each of three),
 * and one small size per node count so the series shows what grows with participants.
 * @param {number[]} nodeCounts
 * @param {{ quick: boolean, clients?: number[] }} options
 * @returns {ClusterSize[]}
 */
export function clusterSizes(nodeCounts, options) {
  /** @type {ClusterSize[]} */
  const sizes = [];
  for (const nodes of nodeCounts) {
    const totals =
      options.clients ??
      (options.quick ? [nodes * 250, nodes * 500] : [5000, nodes === 2 ? 20_000 : nodes * 5000]);
    for (const clients of totals) sizes.push({ nodes, clients });
  }
  // Small first: the series reads from small to big, and a big run that fails leaves the rest.
  return sizes.sort((a, b) => a.clients - b.clients || a.nodes - b.nodes);
}

/**
 * Until `server` knows the room (its GET answers; that also makes the node follow it), at most 10 s.
 * @param {Server} server
 * @param {string} room
 */
async function untilKnown(server, room) {
  const deadline = now() + 10_000;
  for (;;) {
    try {
      return await http(`${server.url}/api/rooms/${room}`, { timeoutMs: 5_000 });
    } catch (error) {
      if (now() > deadline) throw error;
      await sleep(20);
    }
  }
}

/**
 * Reads each node's CPU seconds and event-loop delay (and resets the delay histogram).
 * @param {Server[]} servers
 */
async function nodeReadings(servers) {
  const cpu = servers.map((s) => safeCpu(s));
  const eld = await Promise.all(servers.map((s) => s.eld(true)));
  return { cpu, eld };
}

/** @param {Server} server */
function safeCpu(server) {
  try {
    return cpuSeconds(server.child.pid);
  } catch {
    return NaN;
  }
}

/**
 * One cluster auditorium: `size.clients` clients in one room over `size.nodes` nodes.
 * @param {import('./scenarios.js').Config & { fanouts: number }} cfg
 * @param {ClusterSize} size
 */
export async function clusterAuditorium(cfg, size) {
  const { nodes, clients: n } = size;
  const perNode = Math.ceil(n / nodes);
  const redis = await startBenchRedis();
  /** @type {Server[]} */
  const servers = [];
  /** @type {Awaited<ReturnType<typeof startFleet>> | undefined} */
  let fleet;
  /** @type {any} */
  let host;
  const out = /** @type {Record<string, any>} */ ({ nodes, clients: n, perNode });
  try {
    for (let i = 0; i < nodes; i++) {
      servers.push(
        await startPlenum({
          name: `node-${i}`,
          fds: perNode + 4096,
          args: ['--redis', redis.url],
          nodeArgs: cfg.nodeArgs(`cluster-${nodes}x${n}-node-${i}`),
        }),
      );
    }
    fleet = await startFleet({
      workers: cfg.workers,
      nice: cfg.niceWorkers,
      fds: Math.ceil(n / cfg.workers) + 4096,
    });
    const first = /** @type {Server} */ (servers[0]);
    const last = /** @type {Server} */ (servers.at(-1));
    const { room, hostKey } = await http(`${first.url}/api/rooms`, {
      method: 'POST',
      body: { title: 'Bench auditorium (cluster)', moderation: 'post' },
    });
    // The room reaches the other nodes' index over pub/sub a moment later (README, "Not there yet").
    for (const server of servers) await untilKnown(server, room);
    // Made on one node, the poll through another: every node serves every room.
    const { id: poll } = await http(`${last.url}/api/rooms/${room}/polls`, {
      method: 'POST',
      key: hostKey,
      body: { title: 'Which option?', kind: 'single', options: pollOptions },
    });
    await sleep(300);
    const path = roomSocketPath(room);

    // Idle: what the nodes ask of Redis with nobody there (leases, head checks).
    let r0 = await redis.counters();
    await sleep(2000);
    let r1 = await redis.counters();
    out.idle = redisDelta(r0, r1);

    // Joining: every socket's join is an entry of the room's log.
    const join0 = await nodeReadings(servers);
    r0 = await redis.counters();
    const connected = await fleet.connect({
      url: `${first.ws}${path}`,
      urls: servers.map((s) => `${s.ws}${path}`),
      count: n,
      prefix: `bench-${cfg.runId}-cluster`,
      timeoutMs: Math.max(60_000, n * 20),
    });
    await sleep(1500); // the last joins are folded and their presence patches go out
    r1 = await redis.counters();
    const join1 = await nodeReadings(servers);
    out.connect = {
      ...connected,
      perSecond: connected.connected / (connected.ms / 1000),
      nodeCpuS: join1.cpu.map((c, i) => c - (join0.cpu[i] ?? 0)),
      nodeEldMaxMs: join1.eld.map((e) => e?.maxMs),
    };
    out.joinRedis = redisDelta(r0, r1, connected.connected);
    cfg.log(
      `  ${nodes} nodes: ${connected.connected}/${n} connected in ${Math.round(connected.ms)} ms` +
        (connected.failed ? ` (${connected.failed} failed: ${JSON.stringify(connected.reasons)})` : '') +
        `; Redis ${Math.round(out.joinRedis.commandsPerSecond)} commands/s`,
    );
    const online = await Promise.all(servers.map((s) => http(`${s.url}/api/rooms/${room}`)));
    out.onlineByNode = online.map((view) => view.online);

    ({ host, seenBy: out.pollOpenSeenBy } = await openPollAsHost(cfg, fleet, {
      ws: first.ws,
      url: last.url,
      room,
      poll,
      hostKey,
    }));

    Object.assign(out, await votePhase(cfg, { servers, fleet, redis, room, poll, n }));
    out.fanout = await fanoutProbe(cfg, { servers, fleet, redis, host, poll, perNode });
    cfg.log(
      `  ${nodes} nodes: fan-out of one host vote: ${out.fanout.nodeCpuMsPerPatch.map((/** @type {number} */ v) => v.toFixed(1)).join(' / ')} ms CPU per node, ` +
        `${out.fanout.redis.commandsPerAction?.toFixed(1)} Redis commands`,
    );
  } finally {
    host?.close();
    await fleet?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await redis.stop();
  }
  return out;
}

/**
 * Every client votes once, spread over `voteSpreadMs`, through its own node; then every
 * client must hold the tally that every node holds.
 * @param {import('./scenarios.js').Config} cfg
 * @param {{ servers: Server[], fleet: any, redis: Awaited<ReturnType<typeof startBenchRedis>>, room: string, poll: string, n: number }} m
 */
async function votePhase(cfg, m) {
  const { servers, fleet, redis, n } = m;
  const capMs = 60_000;
  await fleet.all({ cmd: 'reset' });
  const before = await nodeReadings(servers);
  const r0 = await redis.counters();
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
  const r1 = await redis.counters();
  const active = await nodeReadings(servers);
  const votes = mergeRuns(runs);
  const activeS = Math.max(0.001, (votes.lastAck - votes.firstSend) / 1000);

  // Every node must hold the same room: the tally read from each.
  const views = await Promise.all(servers.map((s) => http(`${s.url}/api/rooms/${m.room}`)));
  const byNode = views.map((view) => canon(view, 'poll', m.poll));
  const expected = /** @type {string} */ (byNode[0]);
  const planned = pollOptions.map((_, c) => Math.floor((n - 1 - c) / pollOptions.length) + 1);
  const settled = await fleet.all(
    { cmd: 'settle', aspect: 'poll', expected, poll: m.poll, timeoutMs: 20_000 },
    80_000,
  );
  const after = await nodeReadings(servers);
  const reports = await fleet.all(
    {
      cmd: 'report',
      aspect: 'poll',
      expected,
      poll: m.poll,
      lastAck: votes.lastAck,
      lastSend: votes.lastSend,
    },
    120_000,
  );
  const clients = mergeReports(reports);
  const held = settled.reduce((/** @type {number} */ s, /** @type {any} */ a) => s + a.held, 0);
  const redisVote = redisDelta(r0, r1, votes.acked);
  cfg.log(
    `  ${servers.length} nodes: ${votes.acked}/${n} votes acked, first vote to last ack ${Math.round(votes.lastAck - votes.firstSend)} ms; ` +
      `${held}/${n} hold the final tally, p99 ${Math.round(clients.finalMs.p99)} ms after the last ack; ` +
      `${Math.round(clients.msgs.mean)} msgs/client; Redis ${Math.round(redisVote.commandsPerSecond)} commands/s ` +
      `(${redisVote.actionsPerScript?.toFixed(1)} votes per append)`,
  );
  return {
    votes: {
      ...votes,
      allAcked: votes.acked === n,
      firstToLastAckMs: votes.lastAck - votes.firstSend,
      ackedPerSecond: votes.acked / activeS,
    },
    tally: {
      byNode: byNode.map((text) => JSON.parse(text)),
      nodesAgree: byNode.every((text) => text === expected),
      planned,
      exact: votes.acked === n && JSON.stringify(planned) === expected,
    },
    final: { held, clients: clients.clients, ms: clients.finalMs, fromLastVoteMs: clients.fromSendMs },
    perClient: perClientFigures(clients, activeS),
    nodesVote: {
      windowS: (r1.at - window0) / 1000,
      cpuS: active.cpu.map((c, i) => c - (before.cpu[i] ?? 0)),
      // Voting and settling: the delay histograms ran from before the first vote until every client held the tally.
      eldMaxMs: after.eld.map((e, i) => Math.max(e?.maxMs ?? 0, active.eld[i]?.maxMs ?? 0)),
      eldP99Ms: active.eld.map((e) => e?.p99Ms),
    },
    redis: redisVote,
  };
}

/**
 * Single host votes, spaced so they do not overlap: one action, one patch to everyone on
 * every node. Measures each node's CPU per patch and what one action costs Redis.
 * @param {import('./scenarios.js').Config & { fanouts: number }} cfg
 * @param {{ servers: Server[], fleet: any, redis: Awaited<ReturnType<typeof startBenchRedis>>, host: any, poll: string, perNode: number }} m
 */
async function fanoutProbe(cfg, m) {
  const { servers, redis } = m;
  await sleep(500);
  // Idle CPU per node (timers, head checks, leases), taken out of the figure.
  const idle0 = servers.map(safeCpu);
  await sleep(1000);
  const idlePerMs = servers.map((s, i) => (safeCpu(s) - (idle0[i] ?? 0)) / 1000);
  const spacingMs = 200 + Math.round(m.perNode * 0.02);
  const t0 = now();
  const cpu0 = servers.map(safeCpu);
  const r0 = await redis.counters();
  /** @type {number[]} */
  const ackMs = [];
  for (let k = 0; k < cfg.fanouts; k++) {
    const { sentAt, answer } = await m.host.act({ type: 'vote', poll: m.poll, choice: k % 2 });
    if (answer.type === 'ack') ackMs.push(now() - sentAt);
    await sleep(spacingMs);
  }
  const r1 = await redis.counters();
  const elapsed = now() - t0;
  const nodeCpuMsPerPatch = servers.map(
    (s, i) => (Math.max(0, safeCpu(s) - (cpu0[i] ?? 0) - (idlePerMs[i] ?? 0) * elapsed) * 1000) / cfg.fanouts,
  );
  return {
    count: cfg.fanouts,
    ackMs,
    nodeCpuMsPerPatch,
    // A node's fan-out cost per connected client and patch, the figure the projection scales.
    usPerClientPerPatch: nodeCpuMsPerPatch.map((ms) => (ms * 1000) / m.perNode),
    redis: redisDelta(r0, r1, cfg.fanouts),
  };
}

/**
 * A 1,000,000-viewer room projected from a measured run (the largest): what each node and
 * Redis would have to do, with the assumptions printed beside it.
 * @param {any} x   a clusterAuditorium result
 * @param {{ viewers: number, perNode: number, spreadsS: number[] }} p
 */
export function projection(x, p) {
  const nodes = Math.ceil(p.viewers / p.perNode);
  const votes = Math.max(1, x.votes.acked);
  const r = x.redis;
  // Group commit: a node has one append in flight per room; what arrives meanwhile goes in
  // the next. So a node appends at most once per round trip: that of a single action on a
  // quiet room (the host votes of the fan-out probe, ack p50), not of the busy burst.
  const roundTripMs = summary(x.fanout.ackMs).p50;
  const maxAppendsPerNodePerS = 1000 / Math.max(0.5, roundTripMs);
  // A node's CPU per vote in the room: its CPU in the vote window, less the patches it sent
  // (patches per client × its measured CPU per patch), over every vote of the room (each node
  // folds all of them). It still holds acking and receiving its own clients' votes.
  const patches = x.perClient.patches.mean;
  const cpuPerVoteUs = Math.max(
    ...x.nodesVote.cpuS.map(
      (/** @type {number} */ cpu, /** @type {number} */ i) =>
        (Math.max(0, cpu - (patches * (x.fanout.nodeCpuMsPerPatch[i] ?? 0)) / 1000) * 1e6) / votes,
    ),
  );
  const fanoutUs = Math.max(...x.fanout.usPerClientPerPatch);
  const redisCpuPerVoteUs = ((r.cpuPercent / 100) * r.seconds * 1e6) / votes;
  // Bytes Redis sent per vote and node: mostly the pub/sub copy of the entry each node gets.
  const outBytesPerVotePerNode = (r.outBytesPerAction ?? 0) / x.nodes;
  const rows = p.spreadsS.map((spreadS) => {
    const actionsPerS = p.viewers / spreadS;
    const appendsPerS = nodes * Math.min(actionsPerS / nodes, maxAppendsPerNodePerS);
    return {
      spreadS,
      actionsPerS,
      appendsPerS,
      // Each append: the call, and one notification to every node.
      engineMessagesPerS: appendsPerS * (1 + nodes),
      redisCommandsPerS: actionsPerS * (r.commandsPerAction ?? 0),
      redisCpuPercent: (actionsPerS * redisCpuPerVoteUs) / 1e4,
      redisOutMBPerS: (actionsPerS * outBytesPerVotePerNode * nodes) / 2 ** 20,
      nodeFoldCpuPercent: (actionsPerS * cpuPerVoteUs) / 1e4,
      nodeFanoutCpuPercent: (fanoutUs * p.perNode * (1000 / tickMs)) / 1e4,
    };
  });
  return {
    viewers: p.viewers,
    perNode: p.perNode,
    nodes,
    from: { nodes: x.nodes, clients: x.clients },
    roundTripMs,
    maxAppendsPerNodePerS,
    cpuPerVoteUs,
    fanoutUsPerClientPerPatch: fanoutUs,
    redisCpuPerVoteUs,
    outBytesPerVotePerNode,
    rows,
  };
}
