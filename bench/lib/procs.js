/**
 * Child processes of the benchmark: servers and load workers, each started through bash so
 * its file-descriptor limit can be raised first (node cannot raise its own), all killed when
 * the coordinator exits, and measured from outside through /proc. Each is the leader of its
 * own process group and is stopped with it: `partykit dev` leaves its esbuild service behind
 * when only its own pid is signalled.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const probe = fileURLToPath(new URL('./probe.js', import.meta.url));
/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
const clockTicks = 100; // getconf CLK_TCK on Linux

/** Kills every child and whatever it started (SIGKILL): called on exit, errors and timeouts. */
export function killAll() {
  for (const child of children) signalGroup(child, 'SIGKILL');
  children.clear();
}

/**
 * Signals a child's process group (the child and everything it started).
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 */
function signalGroup(child, signal) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the whole group is gone
  }
}
process.on('exit', killAll);

/**
 * @typedef {object} Child
 * @property {import('node:child_process').ChildProcess} process
 * @property {number} pid
 * @property {number} fdLimit   what `ulimit -n` was raised to
 * @property {string[]} output  the last lines the child printed (for error reports)
 * @property {(pattern: RegExp, ms: number) => Promise<RegExpExecArray>} waitFor
 * @property {(message: object, ms?: number) => Promise<any>} ask   a probe/worker request
 * @property {(ms?: number) => Promise<void>} stop   SIGTERM, then SIGKILL after `ms`
 * @property {Promise<number|null>} exited
 */

/**
 * Starts `node [nodeArgs] script [args]` with `ulimit -n` raised to `fds` (or as far as the
 * hard limit allows) and an IPC channel; with `nice`, at that lower CPU priority.
 * @param {{ script: string, args?: string[], nodeArgs?: string[], fds: number, probe?: boolean, name: string, nice?: number,
 *   cwd?: string, env?: Record<string, string> }} options
 * @returns {Promise<Child>}
 */
export async function startChild(options) {
  const nodeArgs = [...(options.nodeArgs ?? []), ...(options.probe ? ['--import', probe] : [])];
  const shell =
    'ulimit -n "$1" 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; echo "fd-limit $(ulimit -n)"; shift; exec "$@"';
  const child = spawn(
    'bash',
    [
      '-c',
      shell,
      'bash',
      String(options.fds),
      ...(options.nice ? ['nice', '-n', String(options.nice)] : []),
      process.execPath,
      ...nodeArgs,
      options.script,
      ...(options.args ?? []),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true, // its own process group, stopped as one (see signalGroup)
      cwd: options.cwd,
      env: options.env && { ...process.env, ...options.env },
    },
  );
  children.add(child);
  /** @type {string[]} */
  const output = [];
  /** @type {{ pattern: RegExp, resolve: (m: RegExpExecArray) => void }[]} */
  const waiters = [];
  const onLine = (/** @type {string} */ line) => {
    output.push(line);
    if (output.length > 200) output.shift();
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(line);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (/** @type {string} */ chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      lines.forEach(onLine);
    });
  }
  const exited = new Promise((resolve) => {
    child.on('exit', (code) => {
      children.delete(child);
      resolve(code);
    });
  });
  let refs = 0;
  /** @type {Map<number, (value: any) => void>} */
  const pending = new Map();
  child.on('message', (/** @type {any} */ message) => {
    const resolve = pending.get(message?.ref);
    if (resolve) {
      pending.delete(message.ref);
      resolve(message);
    }
  });
  // An IPC write to a child that just died is not an error worth crashing over.
  child.on('error', () => undefined);

  /** @type {Child['waitFor']} */
  const waitFor = (pattern, ms) =>
    new Promise((resolve, reject) => {
      const early = output.map((line) => pattern.exec(line)).find(Boolean);
      if (early) return resolve(early);
      const timer = setTimeout(() => {
        reject(
          new Error(
            `${options.name}: no "${pattern.source}" within ${ms} ms:\n${output.slice(-15).join('\n')}`,
          ),
        );
      }, ms);
      waiters.push({
        pattern,
        resolve: (match) => {
          clearTimeout(timer);
          resolve(match);
        },
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited (${code}):\n${output.slice(-15).join('\n')}`));
      });
    });

  const fdLine = await waitFor(/^fd-limit (\d+|unlimited)$/, 10_000);
  const fdLimit = fdLine[1] === 'unlimited' ? Infinity : Number(fdLine[1]);

  return {
    process: child,
    pid: /** @type {number} */ (child.pid),
    fdLimit,
    output,
    waitFor,
    exited,
    ask(message, ms = 30_000) {
      const ref = ++refs;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(ref);
          reject(
            new Error(`${options.name}: no answer to ${JSON.stringify(message).slice(0, 80)} in ${ms} ms`),
          );
        }, ms);
        pending.set(ref, (value) => {
          clearTimeout(timer);
          resolve(value);
        });
        if (!child.connected) {
          clearTimeout(timer);
          pending.delete(ref);
          return reject(new Error(`${options.name} is not connected`));
        }
        child.send({ ...message, ref });
      });
    },
    async stop(ms = 5_000) {
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup(child, 'SIGTERM');
        const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), ms);
        await exited;
        clearTimeout(timer);
      }
      // What it started and left running (an esbuild service) goes with it.
      signalGroup(child, 'SIGKILL');
    },
  };
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc/PID/stat, or one of its
 * threads (its main thread: the pid again) from /proc/PID/task/TID/stat.
 * @param {number} pid
 * @param {number} [thread]
 */
export function cpuSeconds(pid, thread) {
  const stat = readFileSync(
    thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`,
    'utf8',
  );
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/**
 * A process and every process below it (PartyKit's `partykit dev` runs the room in a
 * workerd child), from the parent ids in /proc.
 * @param {number} pid
 */
function tree(pid) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(entry));
      children.set(parent, list);
    } catch {
      // gone meanwhile
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(/** @type {number} */ (all[i])) ?? []));
  return all;
}

/**
 * CPU seconds of a process and all below it.
 * @param {number} pid
 */
export function treeCpuSeconds(pid) {
  return tree(pid).reduce((sum, p) => {
    try {
      return sum + cpuSeconds(p);
    } catch {
      return sum;
    }
  }, 0);
}

/**
 * Resident memory of a process and all below it, in bytes (peak: the sum of each one's peak).
 * @param {number} pid
 */
export function treeMemory(pid) {
  return tree(pid).reduce(
    (sum, p) => {
      try {
        const m = memory(p);
        return { rss: sum.rss + m.rss, hwm: sum.hwm + m.hwm };
      } catch {
        return sum;
      }
    },
    { rss: 0, hwm: 0 },
  );
}

/**
 * Resident memory now and at its peak, in bytes, from /proc/PID/status.
 * @param {number} pid
 */
export function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (/** @type {string} */ key) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
}

/**
 * Samples a process's RSS every `ms` and remembers the peak; calls `onLimit` once when RSS
 * passes `limitBytes` (a guard against a baseline that would eat the shared machine).
 * @param {number} pid
 * @param {{ ms?: number, limitBytes?: number, onLimit?: (rss: number) => void }} [options]
 */
export function sampleMemory(pid, options = {}) {
  let peak = 0;
  let tripped = false;
  const timer = setInterval(() => {
    try {
      const { rss } = memory(pid);
      peak = Math.max(peak, rss);
      if (!tripped && options.limitBytes && rss > options.limitBytes) {
        tripped = true;
        options.onLimit?.(rss);
      }
    } catch {
      clearInterval(timer);
    }
  }, options.ms ?? 100);
  timer.unref();
  return {
    get peak() {
      return peak;
    },
    get tripped() {
      return tripped;
    },
    reset() {
      peak = 0;
    },
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
