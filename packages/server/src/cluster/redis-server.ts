/**
 * A throwaway redis-server for tests and benchmarks: a free loopback port, a temporary
 * directory, AOF with fsync on every write, stopped (or killed) by its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const redisServerBinary = process.env.PLENUM_REDIS_SERVER ?? '/usr/bin/redis-server';

export interface TestRedis {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  readonly pid: number;
  /** SIGKILL: what a crash looks like (the AOF keeps what was fsynced). */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory (after kill or stop). */
  restart(): Promise<void>;
  /** Stops it and removes its directory. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function launch(port: number, dir: string, extra: string[]): Promise<ChildProcess> {
  const child = spawn(
    redisServerBinary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--daemonize',
      'no',
      ...extra,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.resume();
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output.slice(-500)}`)));
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** Starts a redis-server; `extra` are more command-line settings (e.g. ['--appendonly', 'no']). */
export async function startRedis(extra: string[] = []): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'plenum-redis-'));
  let port = 0;
  let child: ChildProcess | undefined;
  // Another process may take the free port between the probe and the start: try again then.
  for (let attempt = 0; !child; attempt++) {
    port = await freePort();
    try {
      child = await launch(port, dir, extra);
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
  let current = child;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    get pid() {
      return current.pid!;
    },
    async kill() {
      current.kill('SIGKILL');
      await exited(current);
    },
    async restart() {
      current = await launch(port, dir, extra);
    },
    async stop() {
      current.kill('SIGTERM');
      await exited(current);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
