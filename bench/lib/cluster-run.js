/**
 * The cluster runs of `npm run bench -- --cluster N`: each size in turn (small first), the
 * table with one column per run, the 1,000,000-viewer projection, and the JSON file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { clusterAuditorium, projection, tickMs } from './cluster.js';
import { killAll } from './procs.js';
import { fmt, now } from './stats.js';

/**
 * @param {{ cfg: any, sizes: import('./cluster.js').ClusterSize[], quick: boolean, machine: any, resultsDir: string, runId: string }} o
 * @returns {Promise<number>} the exit code
 */
export async function runCluster(o) {
  const { cfg, sizes } = o;
  const started = now();
  /** @type {any[]} */
  const runs = [];
  /** @type {Record<string, string>} */
  const failures = {};
  for (const size of sizes) {
    const label = `${size.nodes} nodes × ${fmt(Math.ceil(size.clients / size.nodes))}`;
    console.log(`\ncluster: ${label} (${fmt(size.clients)} clients in one room), load average ${loadavg()}`);
    const t = now();
    try {
      const result = await clusterAuditorium(cfg, size);
      result.wallS = (now() - t) / 1000;
      result.loadavg = os.loadavg();
      runs.push(result);
    } catch (error) {
      failures[label] = String(/** @type {Error} */ (error)?.stack ?? error);
      console.error(`  ${label} failed: ${failures[label]}`);
      killAll();
    }
  }
  console.log(`\n${renderClusterTable(runs).join('\n')}`);
  const biggest = [...runs].sort((a, b) => a.clients - b.clients || a.nodes - b.nodes).at(-1);
  const projected =
    biggest && biggest.votes.acked > 0
      ? projection(biggest, { viewers: 1_000_000, perNode: 10_000, spreadsS: [1.8, 30] })
      : undefined;
  if (projected) console.log(`\n${renderProjection(projected).join('\n')}`);

  mkdirSync(o.resultsDir, { recursive: true });
  const nodes = [...new Set(sizes.map((s) => s.nodes))].join('-');
  const file = join(o.resultsDir, `bench-cluster-${nodes}${o.quick ? '-quick' : ''}-${o.runId}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        machine: { ...o.machine, loadavgEnd: os.loadavg() },
        config: { ...cfg, quick: o.quick, sizes },
        runs,
        projection: projected,
        failures,
        wallS: (now() - started) / 1000,
      },
      (_, value) => (typeof value === 'function' ? undefined : value),
      2,
    ),
  );
  console.log(`\nbench: ${((now() - started) / 1000).toFixed(0)} s; results in ${file}`);
  const broken = runs.some((r) => !r.tally.exact || !r.tally.nodesAgree || r.final.held !== r.clients);
  return Object.keys(failures).length || broken ? 1 : 0;
}

const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * @param {any[]} runs
 * @returns {string[]}
 */
export function renderClusterTable(runs) {
  if (runs.length === 0) return ['cluster: no run finished'];
  const ms = (/** @type {any} */ s) => `${fmt(s.p50)} / ${fmt(s.p99)} ms`;
  const perNode = (/** @type {number[]} */ values, digits = 0) =>
    values.map((v) => fmt(v, digits)).join(' / ');
  /** @type {[string, (x: any) => string][]} */
  const rows = [
    ['clients in the room (per node)', (x) => `${fmt(x.clients)} (${fmt(x.perNode)})`],
    ['load average at the end', (x) => x.loadavg.map((/** @type {number} */ l) => l.toFixed(2)).join(' ')],
    ['connected (time)', (x) => `${fmt(x.connect.connected)} (${fmt(x.connect.ms / 1000, 1)} s)`],
    ['online as each node counts it', (x) => perNode(x.onlineByNode)],
    [
      'votes acked; first vote → last ack',
      (x) => `${fmt(x.votes.acked)}; ${fmt(x.votes.firstToLastAckMs)} ms`,
    ],
    ['ack latency p50 / p99', (x) => ms(x.votes.ackMs)],
    ['final tally after last ack p50 / p99', (x) => ms(x.final.ms)],
    ['clients holding the exact tally', (x) => `${fmt(x.final.held)}/${fmt(x.clients)}`],
    [
      'tally exact; every node agrees',
      (x) => `${x.tally.exact ? 'yes' : 'NO'}; ${x.tally.nodesAgree ? 'yes' : 'NO'}`,
    ],
    [
      'msgs per client mean (max in 1 s)',
      (x) => `${fmt(x.perClient.msgs.mean, 1)} (${fmt(x.perClient.maxPerSec.max)})`,
    ],
    ['loop delay max per node, voting', (x) => `${perNode(x.nodesVote.eldMaxMs)} ms`],
    ['loop delay max per node, joining', (x) => `${perNode(x.connect.nodeEldMaxMs)} ms`],
    [
      'CPU per node, vote window',
      (x) => `${perNode(x.nodesVote.cpuS, 2)} s of ${fmt(x.nodesVote.windowS, 1)} s`,
    ],
    [
      'Redis, voting: requests/s (per tick)',
      (x) => `${fmt(x.redis.requestsPerSecond)} (${fmt(x.redis.requestsPerTick, 1)})`,
    ],
    [
      'Redis, voting: commands/s (per tick)',
      (x) => `${fmt(x.redis.commandsPerSecond)} (${fmt(x.redis.commandsPerTick, 1)})`,
    ],
    [
      'Redis, voting: appends/s; votes per append',
      (x) => `${fmt(x.redis.scriptsPerSecond)}; ${fmt(x.redis.actionsPerScript, 1)}`,
    ],
    [
      'Redis, voting: requests; commands per vote',
      (x) => `${fmt(x.redis.requestsPerAction, 2)}; ${fmt(x.redis.commandsPerAction, 2)}`,
    ],
    [
      'Redis, voting: in scripts; CPU',
      (x) => `${fmt(x.redis.scriptMsPerSecond)} ms/s; ${fmt(x.redis.cpuPercent)} %`,
    ],
    ['Redis, voting: CPU per vote', (x) => `${fmt(x.redis.cpuUsecPerAction, 1)} µs`],
    ['Redis, voting: bytes out per vote', (x) => fmt(x.redis.outBytesPerAction)],
    [
      'Redis, joining: requests/s; commands/s',
      (x) => `${fmt(x.joinRedis.requestsPerSecond)}; ${fmt(x.joinRedis.commandsPerSecond)}`,
    ],
    ['Redis, idle room: requests/s', (x) => fmt(x.idle.requestsPerSecond, 1)],
    ['one host vote: CPU per node', (x) => `${perNode(x.fanout.nodeCpuMsPerPatch, 1)} ms`],
    [
      'one host vote: Redis requests; commands',
      (x) => `${fmt(x.fanout.redis.requestsPerAction, 1)}; ${fmt(x.fanout.redis.commandsPerAction, 1)}`,
    ],
  ];
  const header = ['cluster auditorium', ...runs.map((x) => `${x.nodes} nodes`)];
  const table = [header, ...rows.map(([label, cell]) => [label, ...runs.map((x) => safe(() => cell(x)))])];
  const widths = header.map((_, i) => Math.max(...table.map((line) => (line[i] ?? '').length)));
  const line = (/** @type {string[]} */ cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    `cluster: the auditorium poll on N nodes and one redis-server (AOF, appendfsync always); "per tick" = per ${tickMs} ms;`,
    '  requests = what the nodes sent Redis; commands = as INFO commandstats counts them, calls inside scripts included',
    line(table[0] ?? []),
    line(widths.map((w) => '-'.repeat(w))),
    ...table.slice(1).map(line),
  ];
}

/** @param {() => string} f */
function safe(f) {
  try {
    return f();
  } catch {
    return 'n/a';
  }
}

/**
 * @param {ReturnType<typeof projection>} p
 * @returns {string[]}
 */
export function renderProjection(p) {
  const lines = [
    `projection: one room of ${fmt(p.viewers)} viewers on ${fmt(p.nodes)} nodes of ${fmt(p.perNode)}, every viewer voting once,`,
    `scaled from the ${fmt(p.from.clients)}-client run on ${p.from.nodes} nodes. Assumptions, each from that run:`,
    `- one Redis primary holds the room (a room's keys share one hash slot: Redis Cluster cannot split it);`,
    `- group commit: a node appends at most once per round trip (${fmt(p.roundTripMs, 1)} ms, a single host vote's ack p50),`,
    `  so at most ${fmt(p.maxAppendsPerNodePerS)} appends/s per node; Redis commands (calls inside scripts counted) follow the votes;`,
    `- Redis: ${fmt(p.redisCpuPerVoteUs, 1)} µs CPU and ${fmt(p.outBytesPerVotePerNode)} B out per vote and node (the entry's pub/sub copy);`,
    `- every node folds every vote: ${fmt(p.cpuPerVoteUs, 1)} µs of node CPU per vote in the room (its vote-window CPU less`,
    `  its patches, over all votes; it still holds acking its own clients, so an upper bound);`,
    `- fan-out: ${fmt(p.fanoutUsPerClientPerPatch, 2)} µs per client per patch, a patch every ${tickMs} ms (the most: a node`,
    `  whose fan-out takes longer than a tick sends the next one when it is done, so fewer, bigger patches).`,
  ];
  const head = [
    'votes over',
    'votes/s',
    'appends/s',
    'engine msgs/s',
    'Redis cmds/s',
    'Redis CPU',
    'Redis out',
    'fold/node',
    'fan-out/node',
  ];
  const table = [
    head,
    ...p.rows.map((r) => [
      `${fmt(r.spreadS, 1)} s`,
      fmt(r.actionsPerS),
      fmt(r.appendsPerS),
      fmt(r.engineMessagesPerS),
      fmt(r.redisCommandsPerS),
      `${fmt(r.redisCpuPercent)} %`,
      `${fmt(r.redisOutMBPerS)} MB/s`,
      `${fmt(r.nodeFoldCpuPercent)} %`,
      `${fmt(r.nodeFanoutCpuPercent)} %`,
    ]),
  ];
  const widths = head.map((_, i) => Math.max(...table.map((line) => (line[i] ?? '').length)));
  const line = (/** @type {string[]} */ cells) =>
    `  ${cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ')}`;
  lines.push(line(head), ...table.slice(1).map(line));
  lines.push(
    'engine msgs/s = appends + one pub/sub notification per node per append; % = of one core;',
    'over 100 % one core cannot keep up, and that part of the design has to change at that size.',
  );
  return lines;
}
