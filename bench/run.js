#!/usr/bin/env node
/**
 * `npm run bench` — a full auditorium on one small machine, measured against the naive way
 * and the raw-socket ceiling. See bench/README.md for what is measured and how.
 *
 *   node bench/run.js [--quick] [--clients N] [--workers W] [--only a,b] [--profile] [--nice-workers]
 *   node bench/run.js --cluster N[,M…] [--quick] [--cluster-clients A,B…]   (lib/cluster.js)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { coldStart } from './lib/cold-start.js';
import { cliScript } from './lib/harness.js';
import { intake } from './lib/intake.js';
import { killAll } from './lib/procs.js';
import { summariseProfiles } from './lib/profile.js';
import { clusterSizes } from './lib/cluster.js';
import { runCluster } from './lib/cluster-run.js';
import { applause, auditorium, ceiling, naive, peers, questionStorm, quiz } from './lib/scenarios.js';
import { fmt, now } from './lib/stats.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const resultsDir = join(here, 'results');
const scenarioNames = [
  'auditorium',
  'naive',
  'ceiling',
  'storm',
  'applause',
  'cold',
  'peers',
  'quiz',
  'intake',
];

const usage = `Usage: node bench/run.js [options]

  --quick            small sizes (1,000 clients), about a minute
  --clients <n>      clients in the auditorium, naive and ceiling runs (default 10000);
                     the storm and applause use half of it, at most 5000
  --workers <n>      load worker processes (default: one per 2,500 clients, 2–4)
  --only <list>      run only some of: ${scenarioNames.join(', ')}
  --naive-cap <s>    stop waiting for the naive server after this long (default 60, quick 20)
  --peer-sizes <l>   clients per burst in the PartyKit comparison (default 50,200,500,1000,2000,10000;
                     quick 50,200,500,1000)
  --profile          write CPU profiles of the Plenum server and print the hottest functions
  --nice-workers     run the load workers at nice 10, so the server gets a core first, as it
                     would with its clients on other machines
  --cluster <n,…>    instead of the scenarios above: the auditorium poll on n 'plenum serve --redis'
                     nodes sharing one redis-server (PLENUM_REDIS_SERVER, else /usr/bin/redis-server),
                     clients round robin over the nodes, with Redis's own counters; several node counts
                     (2,3) make a series. Sizes: 5,000 and 20,000 clients for 2 nodes, 5,000 and
                     5,000 per node otherwise; quick: 250 and 500 per node
  --cluster-clients <l>  total clients per cluster run instead (e.g. 5000,20000)
  -h, --help`;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    clients: { type: 'string' },
    workers: { type: 'string' },
    only: { type: 'string' },
    'naive-cap': { type: 'string' },
    'peer-sizes': { type: 'string' },
    profile: { type: 'boolean', default: false },
    'nice-workers': { type: 'boolean', default: false },
    cluster: { type: 'string' },
    'cluster-clients': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const quick = values.quick ?? false;
const clusterNodes = values.cluster?.split(',').map((s) => Number(s.trim()));
if (clusterNodes?.some((k) => !Number.isInteger(k) || k < 1 || k > 8))
  throw new Error('--cluster: node counts from 1 to 8, e.g. --cluster 2 or --cluster 2,3');
const clusterRuns =
  clusterNodes &&
  clusterSizes(clusterNodes, {
    quick,
    clients: values['cluster-clients']?.split(',').map(Number),
  });
const clients = clusterRuns
  ? Math.max(...clusterRuns.map((run) => run.clients))
  : Number(values.clients ?? (quick ? 1000 : 10_000));
if (!Number.isInteger(clients) || clients < 10) throw new Error('--clients must be an integer ≥ 10');
const half = Math.min(5000, Math.ceil(clients / 2));
const workers = Number(values.workers ?? Math.min(4, Math.max(2, Math.ceil(clients / 2500))));
const only = new Set((values.only ?? scenarioNames.join(',')).split(',').map((s) => s.trim()));
for (const name of only) if (!scenarioNames.includes(name)) throw new Error(`--only: unknown "${name}"`);
const runId = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const profileRoot = join(resultsDir, 'profiles', runId);
const stormMs = quick ? 5000 : 10_000;
const applauseMs = quick ? 5000 : 10_000;

/** @type {import('./lib/scenarios.js').Config} */
const cfg = {
  clients,
  workers,
  voteSpreadMs: 1800,
  fanouts: quick ? 10 : 20,
  naiveCapMs: Number(values['naive-cap'] ?? (quick ? 20 : 60)) * 1000,
  naiveRssLimit: 2.5 * 2 ** 30,
  stormClients: half,
  questions: Math.round(half / 10),
  upvotes: half * 4,
  stormMs,
  applauseClients: half,
  applausePerSecond: half,
  applauseMs,
  runId,
  peerSizes: (values['peer-sizes'] ?? (quick ? '50,200,500,1000' : `50,200,500,1000,2000,${clients}`))
    .split(',')
    .map(Number),
  // Quadratic: 1,000 clients take about 20 s on this machine; past that it only burns the run.
  peerEveryVoteMax: 1000,
  peerRounds: 3,
  peerCapMs: quick ? 15_000 : 30_000,
  quizClients: clients,
  quizSpreadMs: 3000,
  niceWorkers: values['nice-workers'] ? 10 : 0,
  // Sampled every 250 µs, not V8's 1 ms: a burst's whole intake lasts some tens of milliseconds.
  nodeArgs: (name) =>
    values.profile
      ? ['--cpu-prof', '--cpu-prof-interval=250', `--cpu-prof-dir=${join(profileRoot, name)}`]
      : [],
  log: (text) => console.log(text),
};
const coldActions = quick ? 20_000 : 100_000;

// Everything stops by itself: a watchdog ends the run (and every child) if it overstays.
const budgetMs = clusterRuns
  ? clusterRuns.reduce((ms, run) => ms + 60_000 + run.clients * 15, 0)
  : (quick ? 7 : 20) * 60_000 + (clients > 10_000 ? 10 * 60_000 : 0);
const watchdog = setTimeout(() => {
  console.error(`bench: over the ${budgetMs / 60_000} min budget; stopping everything.`);
  killAll();
  process.exit(3);
}, budgetMs);
watchdog.unref();
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

if (!existsSync(cliScript)) {
  console.error('bench: the server is not built; run `npx tsc -b` first (npm run bench does).');
  process.exit(1);
}

const fdSoft = Number(execFileSync('bash', ['-c', 'ulimit -n']).toString().trim());
const fdHard = execFileSync('bash', ['-c', 'ulimit -Hn']).toString().trim();
const machine = {
  cpus: os.cpus().length,
  model: os.cpus()[0]?.model ?? 'unknown',
  memGB: os.totalmem() / 2 ** 30,
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  date: new Date().toISOString(),
  loadavg: os.loadavg(),
  fdLimit: { soft: fdSoft, hard: fdHard },
  commit: git(['rev-parse', '--short', 'HEAD']),
  dirty: git(['status', '--porcelain', '--', 'packages']) !== '',
};

console.log(
  `Plenum benchmark (${clusterRuns ? 'cluster, ' : ''}${quick ? 'quick' : 'full'}): ${machine.cpus} × ${machine.model}, ${machine.memGB.toFixed(1)} GB, ` +
    `Node ${machine.node}, ${machine.date}, commit ${machine.commit}${machine.dirty ? ' (+ uncommitted changes)' : ''}`,
);
console.log(
  `  load average ${machine.loadavg.map((l) => l.toFixed(2)).join(' ')}; clients ${clients}, workers ${workers}` +
    `${cfg.niceWorkers ? ` at nice ${cfg.niceWorkers}` : ''}; fd limit soft ${fdSoft}, hard ${fdHard}`,
);
// A cluster run spreads the sockets over its nodes: the biggest node holds clients / nodes.
const fdNeeded = clusterRuns
  ? Math.max(...clusterRuns.map((run) => Math.ceil(run.clients / run.nodes))) + 4096
  : clients + 4096;
if (fdHard !== 'unlimited' && Number(fdHard) < fdNeeded) {
  console.warn(
    `  warning: the hard fd limit (${fdHard}) is below the ${fdNeeded} a server needs for ${clients} clients; ` +
      `connections beyond it will fail (raise it with ulimit -Hn as root).`,
  );
} else if (fdSoft < fdNeeded) {
  console.log(`  raising ulimit -n to ${fdNeeded} for the servers and workers (soft limit is ${fdSoft})`);
}

if (clusterRuns) {
  const code = await runCluster({ cfg, sizes: clusterRuns, quick, machine, resultsDir, runId });
  clearTimeout(watchdog);
  process.exit(code);
}

/** @type {Record<string, any>} */
const results = {};
/** @type {Record<string, string>} */
const failures = {};
const started = now();

/**
 * @param {string} name
 * @param {() => Promise<any>} run
 */
async function scenario(name, run) {
  if (!only.has(name)) return;
  console.log(`\n${name}`);
  const t = now();
  try {
    results[name] = await run();
    results[name].wallS = (now() - t) / 1000;
    if (values.profile) {
      const profile = summariseProfiles(join(profileRoot, name));
      if (profile) {
        results[name].profile = profile;
        console.log(
          `  profile of the Plenum server: ${fmt(profile.busyMs)} ms busy of ${fmt(profile.totalMs)} ms; self time (% of busy):`,
        );
        for (const row of profile.top.slice(0, 10)) {
          console.log(`    ${row.pct.toFixed(1).padStart(5)} %  ${fmt(row.selfMs)} ms  ${row.fn}`);
        }
        console.log("  inclusive time of the server's own functions (% of busy):");
        for (const row of profile.inclusive.slice(0, 10)) {
          console.log(`    ${row.pctOfBusy.toFixed(1).padStart(5)} %  ${fmt(row.ms)} ms  ${row.fn}`);
        }
      }
    }
  } catch (error) {
    failures[name] = String(/** @type {Error} */ (error)?.stack ?? error);
    console.error(`  ${name} failed: ${failures[name]}`);
    killAll();
  }
}

await scenario('auditorium', () => auditorium(cfg));
await scenario('naive', () => naive(cfg));
await scenario('ceiling', () => ceiling(cfg, results.auditorium?.fanout?.bytes ?? 330));
await scenario('storm', () => questionStorm(cfg));
await scenario('applause', () => applause(cfg));
await scenario('peers', () => peers(cfg));
await scenario('quiz', () => quiz(cfg));
await scenario('cold', () =>
  coldStart({ actions: coldActions, runs: quick ? 2 : 3, log: cfg.log, nodeArgs: cfg.nodeArgs('cold') }),
);
// In this process (bench/lib/intake.js): a room on fake sockets, so it needs no workers.
await scenario('intake', async () => ({
  sizes: await intake({
    sizes: quick ? [1000] : [2000, clients],
    slice: 256,
    runs: 3,
    profile: values.profile ?? false,
    log: cfg.log,
  }),
}));

const ratios = computeRatios(results);
const targets = computeTargets(results, ratios);
const table = renderTable(results, ratios, targets);
console.log(`\n${table}`);

mkdirSync(resultsDir, { recursive: true });
const label = quick ? 'quick' : values.clients || values.only ? `n${clients}` : 'full';
const file = join(resultsDir, `bench-${label}${cfg.niceWorkers ? '-nice' : ''}-${runId}.json`);
writeFileSync(
  file,
  JSON.stringify(
    {
      machine: { ...machine, loadavgEnd: os.loadavg() },
      config: { ...cfg, coldActions, quick },
      results,
      ratios,
      targets,
      failures,
      wallS: (now() - started) / 1000,
    },
    (_, value) => (typeof value === 'function' ? undefined : value),
    2,
  ),
);
console.log(`\nbench: ${((now() - started) / 1000).toFixed(0)} s; results in ${file}`);
clearTimeout(watchdog);
process.exit(Object.keys(failures).length ? 1 : 0);

// ---------------------------------------------------------------------------------------

/** @param {string[]} args */
function git(args) {
  try {
    return execFileSync('git', args, { cwd: here, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
}

/** @param {Record<string, any>} r */
function computeRatios(r) {
  const a = r.auditorium;
  const n = r.naive;
  const c = r.ceiling;
  /** @type {Record<string, any>} */
  const out = {};
  if (a && n) {
    // A capped naive run is still going: its figures are lower bounds, so are these ratios' denominators.
    const naiveMsgs = n.capped ? n.projectedMsgsPerClient : n.perClient.msgs.mean;
    // Time to the final tally counted from the last vote sent (the audience is done), since
    // the naive server's acks queue behind its forwards: from the last ack flatters it.
    const naiveFinal = n.capped ? n.final.lowerBoundFromLastVoteMs : n.final.fromLastVoteMs.p99;
    out.finalP99PlenumOverNaive = a.final.fromLastVoteMs.p99 / naiveFinal;
    out.naiveFinalP99IsLowerBound = n.capped;
    out.msgsPerClientPlenumOverNaive = a.perClient.msgs.mean / naiveMsgs;
    out.msgsNaiveOverPlenum = naiveMsgs / a.perClient.msgs.mean;
    out.naiveMsgsProjected = n.capped;
    out.serverCpuPlenumOverNaive = a.server.cpuS / n.server.cpuS;
    out.naiveCpuIsLowerBound = n.capped;
  }
  if (a && c) {
    out.fanoutCpuPlenumOverCeiling = a.fanout.cpuMsPerFanout / c.fanout.cpuMsPerFanout;
    out.fanoutSpreadPlenumOverCeiling = a.fanout.spreadMs.p50 / c.fanout.spreadMs.p50;
    out.fanoutLastClientPlenumOverCeiling = a.fanout.lastClientMs.p50 / c.fanout.lastClientMs.p50;
  }
  return out;
}

/**
 * Whether each target of the issue was met (reported, never asserted).
 * @param {Record<string, any>} r
 * @param {Record<string, any>} ratios
 */
function computeTargets(r, ratios) {
  const a = r.auditorium;
  const full = clients >= 10_000;
  const at = full ? '' : ` (at ${fmt(clients)} clients, not 10,000)`;
  /** @type {Record<string, { target: string, value: string, met: boolean | null }>} */
  const t = {};
  if (a) {
    t.connections = {
      target: '10,000 connections held',
      value: `${fmt(a.connect.connected)} of ${fmt(clients)}${at}`,
      met: full ? a.connect.connected >= 10_000 : null,
    };
    t.idle = {
      target: 'idle ≤ 12 KB per connection',
      value: `${fmt(a.idle.kbPerConnection, 1)} KB${at}`,
      met: full ? a.idle.kbPerConnection <= 12 : null, // a few MB of allocator noise dominate small runs
    };
    t.votes = {
      target: '10,000 votes in 2 s, all acked',
      value: `${fmt(a.votes.acked)}/${fmt(clients)} acked, first vote → last ack ${fmt(a.votes.firstToLastAckMs)} ms${at}`,
      met: full ? a.votes.allAcked && a.votes.firstToLastAckMs <= 2000 : null,
    };
    t.finalTally = {
      target: 'final tally p99 ≤ 500 ms after last ack',
      value: `p99 ${fmt(a.final.ms.p99)} ms, ${fmt(a.final.held)}/${fmt(clients)} exact`,
      met: a.final.held === clients && a.final.ms.p99 <= 500,
    };
    t.perClientRate = {
      target: 'per-client messages ≤ 20/s',
      value: `max ${fmt(a.perClient.maxPerSec.max)} msgs (${fmt(a.perClient.maxPatchesPerSec.max)} patches) in any 1 s`,
      met: a.perClient.maxPerSec.max <= 20,
    };
  }
  /** @type {[string, number][]} */
  const eld = [];
  for (const k of ['auditorium', 'storm', 'applause']) {
    if (r[k]?.connect?.eld?.maxMs !== undefined) eld.push([`${k} joining`, r[k].connect.eld.maxMs]);
    if (r[k]?.server?.eldMaxMs !== undefined) eld.push([k, r[k].server.eldMaxMs]);
  }
  if (eld.length) {
    t.eventLoop = {
      target: 'worst event-loop delay ≤ 100 ms',
      value: eld.map(([k, v]) => `${k} ${fmt(v)} ms`).join(', '),
      met: Math.max(...eld.map(([, v]) => v)) <= 100,
    };
  }
  if (ratios.msgsNaiveOverPlenum !== undefined) {
    t.fewerThanNaive = {
      target: '≥ 100× fewer messages per client than naive',
      value: `${fmt(ratios.msgsNaiveOverPlenum, 1)}×${ratios.naiveMsgsProjected ? ' (naive count projected: capped)' : ''}`,
      met: full ? ratios.msgsNaiveOverPlenum >= 100 : null, // naive's count grows with N
    };
  }
  if (ratios.fanoutCpuPlenumOverCeiling !== undefined) {
    t.fanout = {
      target: 'fan-out per patch within 1.5× of ceiling',
      value: `${fmt(ratios.fanoutCpuPlenumOverCeiling, 2)}× CPU`,
      met: ratios.fanoutCpuPlenumOverCeiling <= 1.5,
    };
  }
  if (r.cold) {
    t.coldStart = {
      target: 'cold start ≤ 500 ms (100,000 actions)',
      value: `${fmt(r.cold.firstGetMs.max)} ms max of ${r.cold.runs.length} at ${fmt(r.cold.actions)} actions`,
      met: r.cold.actions >= 100_000 ? r.cold.firstGetMs.max <= 500 : null,
    };
  }
  t.stretch = {
    target: '20,000 connections (stretch)',
    value:
      fdHard !== 'unlimited' && Number(fdHard) < 20_000 + 4096
        ? `not attempted: hard fd limit ${fdHard}`
        : 'not attempted (run --clients 20000 --only auditorium)',
    met: null,
  };
  return t;
}

/**
 * @param {Record<string, any>} r
 * @param {Record<string, any>} ratios
 * @param {Record<string, { target: string, value: string, met: boolean | null }>} targets
 */
function renderTable(r, ratios, targets) {
  /** @type {string[][]} */
  const rows = [];
  const ms = (/** @type {any} */ s) => `${fmt(s.p50)} / ${fmt(s.p99)} / ${fmt(s.max)} ms`;
  const kb = (/** @type {number} */ bytes) => `${fmt(bytes / 1024, 1)} KB`;
  const add = (/** @type {string} */ scenario, /** @type {string} */ figure, /** @type {string} */ value) =>
    rows.push([scenario, figure, value]);

  /** The first rows of a scenario: everyone joining, and what it cost. */
  const joined = (/** @type {string} */ label, /** @type {any} */ x) => {
    add(
      label,
      'connected (time)',
      `${fmt(x.connect.connected)}/${fmt(x.clients)} (${fmt(x.connect.ms / 1000, 1)} s)`,
    );
    add(
      '',
      'joining: CPU server / workers; loop delay',
      `${fmt(x.connect.cpuS, 2)} / ${fmt(x.connect.loadGeneratorCpuS, 2)} s; ${fmt(x.connect.eld?.maxMs)} ms`,
    );
  };
  /** What a client received: bytes, and its busiest second. */
  const trafficRows = (/** @type {any} */ x) => {
    add('', 'bytes per client mean / max', `${kb(x.perClient.bytes.mean)} / ${kb(x.perClient.bytes.max)}`);
    add(
      '',
      'max msgs (patches) in 1 s, a client',
      `${fmt(x.perClient.maxPerSec.max)} (${fmt(x.perClient.maxPatchesPerSec.max)})`,
    );
  };
  /** The server over the measured window: CPU, memory, responsiveness. */
  const serverRows = (/** @type {any} */ x) => {
    add(
      '',
      'CPU in window: server / load workers',
      `${fmt(x.server.cpuS, 2)} / ${fmt(x.server.loadGeneratorCpuS, 2)} s of ${fmt(x.server.windowS, 1)} s`,
    );
    add('', 'server peak RSS (window / process)', `${fmt(x.server.peakRssMB)} / ${fmt(x.server.hwmMB)} MB`);
    add('', 'worst event-loop delay (probe)', `${fmt(x.server.eldMaxMs)} ms`);
    add('', 'slowest /healthz (outside)', `${fmt(x.server.healthzMaxMs)} ms`);
  };
  const s1 = (/** @type {string} */ label, /** @type {any} */ x) => {
    if (!x) return;
    joined(label, x);
    add('', 'votes acked / s', fmt(x.votes.ackedPerSecond));
    add('', 'first vote → last ack', `${fmt(x.votes.firstToLastAckMs)} ms (${fmt(x.votes.acked)} acked)`);
    add('', 'ack latency p50 / p99 / max', ms(x.votes.ackMs));
    add('', 'final tally after last ack p50/p99/max', ms(x.final.ms));
    add('', 'final tally after last vote p50/p99/max', ms(x.final.fromLastVoteMs));
    add('', 'clients holding the exact tally', `${fmt(x.final.held)}/${fmt(x.clients)}`);
    add('', 'msgs per client mean / max', `${fmt(x.perClient.msgs.mean, 1)} / ${fmt(x.perClient.msgs.max)}`);
    trafficRows(x);
    serverRows(x);
    if (x.server.killedAtRssLimit) add('', 'stopped', 'RSS guard tripped (2.5 GB)');
    if (x.capped) {
      add(
        '',
        'note',
        `capped at ${fmt(cfg.naiveCapMs / 1000)} s: ${fmt(x.final.held)} clients final; figures are lower bounds`,
      );
      add(
        '',
        'forwarded votes per client by then',
        `${fmt(x.projected.forwardedPerClient)} of ${fmt(x.clients)}`,
      );
      add(
        '',
        'projected at that pace: CPU / final',
        `${fmt(x.projected.cpuS)} s / ${fmt(x.projected.finalFromLastVoteS)} s`,
      );
    }
  };
  s1(`1 auditorium, Plenum`, r.auditorium);
  if (r.auditorium) {
    const x = r.auditorium;
    add('', 'tally exact (server = votes acked)', x.tally.exact ? 'yes' : `NO: ${JSON.stringify(x.tally)}`);
    add(
      '',
      'fan-out: CPU per patch',
      `${fmt(x.fanout.cpuMsPerFanout, 2)} ms (${fmt(x.fanout.bytes)} B × ${fmt(x.clients)})`,
    );
    add(
      '',
      'fan-out: last client after / spread',
      `${fmt(x.fanout.lastClientMs.p50, 1)} / ${fmt(x.fanout.spreadMs.p50, 1)} ms`,
    );
  }
  s1(`1 auditorium, naive`, r.naive);
  if (r.ceiling) {
    const x = r.ceiling.fanout;
    add(
      '1 ceiling (raw fan-out)',
      'CPU per broadcast',
      `${fmt(x.cpuMsPerFanout, 2)} ms (${fmt(x.bytes)} B × ${fmt(r.ceiling.clients)})`,
    );
    add('', 'last client after / spread', `${fmt(x.lastClientMs.p50, 1)} / ${fmt(x.spreadMs.p50, 1)} ms`);
    if (x.serverLoopMs) add('', 'send loop in the server', `${fmt(x.serverLoopMs.p50, 1)} ms`);
  }
  if (Object.keys(ratios).length) {
    const bound = (/** @type {boolean} */ b) => (b ? ' (naive capped: upper bound)' : '');
    if (ratios.finalP99PlenumOverNaive !== undefined) {
      add(
        'ratios',
        'final tally p99 (from last vote), Plenum / naive',
        `${fmt(ratios.finalP99PlenumOverNaive, 4)}${bound(ratios.naiveFinalP99IsLowerBound)}`,
      );
      add(
        '',
        'msgs per client, Plenum / naive',
        `${fmt(ratios.msgsPerClientPlenumOverNaive, 4)} (naive ${fmt(ratios.msgsNaiveOverPlenum, 0)}× more)`,
      );
      add(
        '',
        'server CPU, Plenum / naive',
        `${fmt(ratios.serverCpuPlenumOverNaive, 3)}${bound(ratios.naiveCpuIsLowerBound)}`,
      );
    }
    if (ratios.fanoutCpuPlenumOverCeiling !== undefined) {
      add(
        ratios.finalP99PlenumOverNaive === undefined ? 'ratios' : '',
        'fan-out CPU, Plenum / ceiling',
        fmt(ratios.fanoutCpuPlenumOverCeiling, 2),
      );
      add('', 'fan-out spread, Plenum / ceiling', fmt(ratios.fanoutSpreadPlenumOverCeiling, 2));
    }
  }
  const room = (/** @type {string} */ label, /** @type {any} */ x, /** @type {string} */ what) => {
    if (!x) return;
    joined(label, x);
    add(
      '',
      `${what} acked (refused)`,
      `${fmt(x.actions.acked)}/${fmt(x.actions.sent)} (${JSON.stringify(x.actions.errors)})`,
    );
    add(
      '',
      'acked / s; first send → last ack',
      `${fmt(x.actions.ackedPerSecond)}; ${fmt(x.actions.firstToLastAckMs)} ms`,
    );
    add('', 'ack latency p50 / p99 / max', ms(x.actions.ackMs));
    add('', 'final state after last ack p50/p99/max', ms(x.final.ms));
    add('', 'clients equal to the server', `${fmt(x.final.held)}/${fmt(x.clients)}`);
    add(
      '',
      'msgs per client mean (per s)',
      `${fmt(x.perClient.msgs.mean, 1)} (${fmt(x.perClient.msgsPerSecMean, 1)}/s)`,
    );
    trafficRows(x);
    add(
      '',
      'resyncs / seq gaps',
      `${fmt(x.perClient.counters.welcomes ?? 0)} / ${fmt(x.perClient.counters.gaps ?? 0)}`,
    );
    serverRows(x);
  };
  room(`2 question storm`, r.storm, 'questions + upvotes');
  if (r.storm)
    add(
      '',
      'server holds',
      `${fmt(r.storm.serverView.questions)} questions, ${fmt(r.storm.serverView.upvotes)} upvotes`,
    );
  room(`3 applause`, r.applause, 'reactions');
  if (r.applause)
    add(
      '',
      'totals exact (server = acked)',
      r.applause.exact ? 'yes' : `NO (${r.applause.serverView.reactions})`,
    );
  if (r.auditorium) {
    const x = r.auditorium.idle;
    add(
      '4 idle room',
      'RSS per idle connection',
      `${fmt(x.kbPerConnection, 1)} KB (${fmt(x.connections)} conns, heap ${fmt(x.heapKbPerConnection, 1)} KB)`,
    );
  }
  if (r.cold) {
    const x = r.cold;
    add(
      '5 cold start',
      'first GET (loads + replays)',
      `${fmt(x.firstGetMs.p50)} ms median, ${fmt(x.firstGetMs.max)} ms max` +
        (x.firstGetCpuMs ? `; server CPU ${fmt(x.firstGetCpuMs.p50)} ms median` : ''),
    );
    add(
      '',
      'log',
      `${fmt(x.actions)} actions, ${fmt(x.dbMB, 1)} MB; state equals replay: ${x.equal ? 'yes' : 'NO'}`,
    );
    add(
      '',
      'server start (spawn → listening)',
      `${fmt(Math.max(...x.runs.map((/** @type {any} */ run) => run.startMs)))} ms`,
    );
  }
  if (r.quiz) {
    const x = r.quiz;
    joined('7 quiz', x);
    add(
      '',
      'answers acked (within 3 s)',
      `${fmt(x.answers.acked)}/${fmt(x.clients)} in ${fmt(x.answers.firstToLastAckMs)} ms`,
    );
    add('', 'ack latency p50 / p99 / max', ms(x.answers.ackMs));
    add(
      '',
      'revealed distribution: every client after',
      x.reveal.everyClientMs === undefined
        ? `${fmt(x.reveal.held)}/${fmt(x.clients)} only`
        : `${fmt(x.reveal.everyClientMs)} ms`,
    );
    add(
      '',
      'leaderboard: every client after',
      x.leaderboard.everyClientMs === undefined
        ? `${fmt(x.leaderboard.held)}/${fmt(x.clients)} only`
        : `${fmt(x.leaderboard.everyClientMs)} ms`,
    );
    add('', 'distribution exact (= answers acked)', x.answers.exact ? 'yes' : 'NO');
    add(
      '',
      `leaderboard compute (${fmt(x.compute.players)} players)`,
      `${fmt(x.compute.ms.p50, 1)} ms p50, ${fmt(x.compute.ms.max, 1)} ms max`,
    );
    serverRows(x);
  }
  for (const [i, x] of (r.intake?.sizes ?? []).entries()) {
    add(
      i === 0 ? '8 intake (in-process)' : '',
      `CPU per vote, ${fmt(x.clients)} clients`,
      `${fmt(x.cpuUsPerAction, 1)} µs, ${fmt(x.mainUsPerAction, 1)} µs of it on the event loop`,
    );
  }
  for (const [name, error] of Object.entries(failures)) add(name, 'FAILED', error.split('\n')[0] ?? '');

  const header = ['scenario', 'figure', 'value'];
  const widths = [0, 1, 2].map((i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)));
  const line = (/** @type {string[]} */ row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  if (r.peers) out.push('', ...peerTable(r.peers.rows));
  out.push('', 'targets (2 cores; reported, not asserted)');
  const tw = Math.max(...Object.values(targets).map((t) => t.target.length));
  for (const t of Object.values(targets)) {
    const met = t.met === null ? '  -   ' : t.met ? ' met  ' : 'MISSED';
    out.push(`  ${met}  ${t.target.padEnd(tw)}  ${t.value}`);
  }
  return out.join('\n');
}

/**
 * The peer comparison: every client votes at once; time from the first vote until every
 * client holds the final tally, and Plenum over the ticking PartyKit room.
 * @param {any[]} rows
 */
function peerTable(rows) {
  // The median burst, and the fastest and slowest of the rounds beside it.
  const cell = (/** @type {any} */ x) =>
    x === undefined
      ? '—'
      : x.allHeld
        ? `${fmt(x.everyClientMs)} ms${spread(x.roundsMs)}`
        : `> ${fmt(x.lowerBoundMs)} ms (${fmt(x.held)}/${fmt(x.connected)})`;
  // /proc counts in 10 ms ticks: a burst too short to show one is below what one tick per vote is.
  const cpuPerVote = (/** @type {any} */ x, /** @type {number} */ n) =>
    x?.cpuSPerVote === undefined
      ? '—'
      : x.cpuSPerVote > 0
        ? `${fmt(x.cpuSPerVote * 1e6)} µs`
        : `< ${fmt(10_000 / (n * (x.rounds ?? 1)))} µs`;
  const spread = (/** @type {number[] | undefined} */ ms) =>
    ms && ms.length > 1 ? ` (${fmt(Math.min(...ms))}–${fmt(Math.max(...ms))})` : '';
  const ratio = (/** @type {any} */ a, /** @type {any} */ b) =>
    a?.allHeld && b?.allHeld ? `${fmt(a.everyClientMs / b.everyClientMs, 2)}×` : '—';
  const table = [
    [
      'clients',
      'PartyKit, broadcast every vote',
      'PartyKit, tally every 50 ms',
      'Plenum',
      'Plenum, last ack',
      'Plenum / ticking',
      'Plenum server CPU per vote',
    ],
    ...rows.map((row) => [
      fmt(row.clients),
      cell(row['partykit-every-vote']),
      cell(row['partykit-ticking']),
      cell(row.plenum),
      row.plenum?.lastAckMs === undefined ? '—' : `${fmt(row.plenum.lastAckMs)} ms`,
      ratio(row.plenum, row['partykit-ticking']),
      // The whole server from outside (ws, sockets, fan-out included), from the first vote until all hold the tally.
      cpuPerVote(row.plenum, row.clients),
    ]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((line) => (line[i] ?? '').length)));
  const line = (/** @type {string[]} */ cells) =>
    cells
      .map((c, i) => (i === 0 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    'peers: every client votes at once; first vote → every client holds the final tally',
    line(table[0]),
    line(widths.map((w) => '-'.repeat(w))),
    ...table.slice(1).map(line),
  ];
}
