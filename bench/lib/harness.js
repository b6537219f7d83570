/**
 * The coordinator's tools: start a server (Plenum or a baseline) and a fleet of load workers,
 * talk HTTP and host WebSocket to the server, and watch it from outside.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { now } from './clock.js';
import { createServer } from 'node:net';
import { cpuSeconds, memory, startChild, treeCpuSeconds, treeMemory } from './procs.js';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
/** @type {typeof import('ws').WebSocket} */
const WebSocket = require('ws');

const root = fileURLToPath(new URL('../../', import.meta.url));
const workerScript = fileURLToPath(new URL('./client-worker.js', import.meta.url));
const baselineScript = fileURLToPath(new URL('./baseline-server.js', import.meta.url));
const partykitDir = join(root, 'bench/partykit');
export const cliScript = join(root, 'packages/server/dist/cli.js');

/**
 * @typedef {import('./procs.js').Child} Child
 * @typedef {'partykit-every-vote' | 'partykit-ticking'} PeerKind
 * @typedef {{ kind: 'plenum' | 'naive' | 'ceiling' | PeerKind, child: Child, url: string, ws: string, dataDir?: string,
 *   cpu(): number, memory(): { rss: number, hwm: number }, eld(reset?: boolean): Promise<any>, gc(): Promise<any>,
 *   stop(): Promise<void> }} Server
 */

/**
 * Starts `plenum serve` on a fresh data directory (or the given one); `args` are more of its
 * options (a cluster node: `--redis <url>`).
 * @param {{ fds: number, dataDir?: string, nodeArgs?: string[], args?: string[], name?: string }} options
 * @returns {Promise<Server>}
 */
export async function startPlenum(options) {
  const fresh = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'plenum-bench-'));
  const child = await startChild({
    name: options.name ?? 'plenum',
    script: cliScript,
    // Every bench client comes from 127.0.0.1 (a real audience comes from many networks), and
    // its storms are scripts by design: the per-IP and question limits are lifted.
    args: [
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      dataDir,
      ...['--limit-ip-rate', '0', '--limit-ip-sockets', '0', '--limit-questions', '0'],
      ...(options.args ?? []),
    ],
    nodeArgs: ['--expose-gc', ...(options.nodeArgs ?? [])],
    fds: options.fds,
    probe: true,
  });
  const match = await child.waitFor(/serving on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
  const url = /** @type {string} */ (match[1]);
  return server('plenum', child, url, async () => {
    await child.stop(15_000);
    if (fresh) rmSync(dataDir, { recursive: true, force: true });
  });
}

/**
 * Starts one of the baselines (bench/lib/baseline-server.js).
 * @param {'naive' | 'ceiling'} kind
 * @param {{ fds: number, options: number }} options
 * @returns {Promise<Server>}
 */
export async function startBaseline(kind, options) {
  const child = await startChild({
    name: kind,
    script: baselineScript,
    args: [kind, String(options.options)],
    nodeArgs: ['--expose-gc'],
    fds: options.fds,
    probe: true,
  });
  const match = await child.waitFor(/listening on (\d+)/, 15_000);
  return server(kind, child, `http://127.0.0.1:${match[1]}`, () => child.stop(5_000));
}

/** The peer rooms' scripts in bench/partykit/. */
const peerScripts = {
  'partykit-every-vote': 'tally-every-vote.ts',
  'partykit-ticking': 'tally-ticking.ts',
};

/**
 * Starts one of the PartyKit peer rooms on PartyKit's own local runtime (`partykit dev`:
 * workerd, as deployed rooms run), on a free port, with its state in a temporary directory.
 * Everything it would ask of the internet is pointed at a closed loopback port instead.
 * @param {PeerKind} kind
 * @param {{ fds: number }} options
 * @returns {Promise<Server>}
 */
export async function startPartykit(kind, options) {
  const port = await freePort();
  const stateDir = mkdtempSync(join(tmpdir(), 'plenum-bench-partykit-'));
  const child = await startChild({
    name: kind,
    script: partykitBin(),
    args: [
      'dev',
      peerScripts[kind],
      '--port',
      String(port),
      '--persist',
      stateDir,
      '--disable-request-cf-fetch',
      '--no-hotkeys',
    ],
    fds: options.fds,
    cwd: partykitDir,
    env: { PARTYKIT_API_BASE: 'http://127.0.0.1:9', NO_COLOR: '1' },
  });
  await child.waitFor(/Ready on http/, 60_000);
  return server(
    kind,
    child,
    `http://127.0.0.1:${port}`,
    async () => {
      await child.stop(5_000);
      rmSync(stateDir, { recursive: true, force: true });
    },
    { tree: true },
  );
}

/** The `partykit` CLI: installed with the bench workspace, hoisted to the root by npm. */
function partykitBin() {
  const found = [join(root, 'bench/node_modules'), join(root, 'node_modules')]
    .map((dir) => join(dir, 'partykit/dist/bin.mjs'))
    .find((file) => existsSync(file));
  if (!found) throw new Error('partykit is not installed: run `npm install` at the root (bench workspace).');
  return found;
}

/** A port nothing listens on right now (the peer runtime takes a port, not 0). */
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
 * @param {Server['kind']} kind
 * @param {Child} child
 * @param {string} url
 * @param {() => Promise<void>} stop
 * @param {{ tree?: boolean }} [measure]   count the processes below the child too
 * @returns {Server}
 */
function server(kind, child, url, stop, measure = {}) {
  return {
    kind,
    child,
    url,
    ws: url.replace(/^http/, 'ws'),
    cpu: () => (measure.tree ? treeCpuSeconds : cpuSeconds)(child.pid),
    memory: () => (measure.tree ? treeMemory : memory)(child.pid),
    // The probe runs inside our own Node servers only; a peer runtime has none to ask.
    eld: (reset = false) =>
      measure.tree
        ? Promise.resolve(undefined)
        : child.ask({ probe: 'eld', reset }, 10_000).catch(() => undefined),
    gc: () =>
      measure.tree ? Promise.resolve(undefined) : child.ask({ probe: 'gc' }, 30_000).catch(() => undefined),
    stop,
  };
}

/**
 * The load workers: each holds a slice of the clients; `nice` lowers their CPU priority.
 * @param {{ workers: number, fds: number, nice?: number }} options
 */
export async function startFleet(options) {
  const workers = await Promise.all(
    Array.from({ length: options.workers }, (_, i) =>
      startChild({ name: `worker-${i}`, script: workerScript, fds: options.fds, nice: options.nice }),
    ),
  );
  /** @type {number[]} */
  let slices = [];
  return {
    workers,
    /** Clients per worker, after connect. */
    get slices() {
      return slices;
    },
    /**
     * Connects `count` clients split evenly across the workers.
     * @param {{ url: string, count: number, prefix: string, timeoutMs: number }} m
     */
    async connect(m) {
      const n = workers.length;
      slices = workers.map((_, i) => Math.floor(((i + 1) * m.count) / n) - Math.floor((i * m.count) / n));
      let first = 0;
      const answers = await Promise.all(
        workers.map((worker, i) => {
          const answer = worker.ask(
            { cmd: 'connect', ...m, first, count: slices[i], concurrency: 64 },
            m.timeoutMs + 40_000,
          );
          first += /** @type {number} */ (slices[i]);
          return answer;
        }),
      );
      const reasons = {};
      for (const answer of answers) Object.assign(reasons, answer.reasons);
      return {
        connected: answers.reduce((sum, a) => sum + a.connected, 0),
        failed: answers.reduce((sum, a) => sum + a.failed, 0),
        reasons,
        ms: Math.max(...answers.map((a) => a.ms)),
      };
    },
    /**
     * Sends the same command to every worker (or a per-worker one) and collects the answers.
     * @param {object | ((i: number) => object)} message
     * @param {number} [ms]
     * @returns {Promise<any[]>}
     */
    async all(message, ms = 60_000) {
      const answers = await Promise.all(
        workers.map((worker, i) => worker.ask(typeof message === 'function' ? message(i) : message, ms)),
      );
      const failed = answers.find((a) => a.error);
      if (failed) throw new Error(`worker failed: ${failed.error}`);
      return answers;
    },
    /** CPU seconds all workers have used so far (the load generator's share of the machine). */
    cpu() {
      return workers.reduce((sum, w) => {
        try {
          return sum + cpuSeconds(w.pid);
        } catch {
          return sum;
        }
      }, 0);
    },
    async close() {
      await Promise.all(workers.map((w) => w.ask({ cmd: 'close' }, 10_000).catch(() => undefined)));
      await Promise.all(workers.map((w) => w.stop(3_000)));
    },
  };
}

/**
 * JSON over HTTP with a timeout.
 * @param {string} url
 * @param {{ method?: string, body?: unknown, key?: string, timeoutMs?: number }} [options]
 */
export async function http(url, options = {}) {
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.body !== undefined && { 'Content-Type': 'application/json' }),
      ...(options.key && { Authorization: `Bearer ${options.key}` }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${options.method ?? 'GET'} ${url}: ${response.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * A WebSocket that speaks as the room's host (or the ceiling's control socket); `act` sends
 * an action and resolves with its answer.
 * @param {string} url
 * @param {object} hello
 */
export function controlSocket(url, hello) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    /** @type {Map<string, (message: any) => void>} */
    const waiting = new Map();
    let n = 0;
    const timer = setTimeout(() => reject(new Error('control socket: no welcome in 30 s')), 30_000);
    ws.on('open', () => ws.send(JSON.stringify(hello)));
    ws.on('error', reject);
    ws.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'welcome') {
        clearTimeout(timer);
        resolve({
          /**
           * @param {object} action
           * @returns {Promise<{ sentAt: number, answer: any }>}
           */
          act(action) {
            const id = `control-${++n}`;
            const sentAt = now();
            return new Promise((done, fail) => {
              const timeout = setTimeout(() => fail(new Error(`control: no answer to ${id}`)), 30_000);
              waiting.set(id, (answer) => {
                clearTimeout(timeout);
                done({ sentAt, answer });
              });
              ws.send(JSON.stringify({ ...action, id }));
            });
          },
          close: () => ws.terminate(),
        });
      }
      if ((message.type === 'ack' || message.type === 'error') && waiting.has(message.id)) {
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
      }
    });
  });
}

/**
 * Asks `GET /healthz` every `everyMs` while running, from outside: the slowest answer is an
 * outside view of how long the server's event loop was busy.
 * @param {string} url
 * @param {number} [everyMs]
 */
export function healthProbe(url, everyMs = 100) {
  let max = 0;
  let count = 0;
  let failures = 0;
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      const started = now();
      try {
        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
        await response.text();
        count++;
      } catch {
        failures++; // a timeout counts with the time waited
      }
      max = Math.max(max, now() - started);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  };
  const done = loop();
  return {
    async stop() {
      stopped = true;
      await done;
      return { maxMs: max, count, failures };
    },
  };
}
