/**
 * Runs the built `plenum` CLI as a child process, for tests of what an operator sees: the
 * banner, signals, exit codes, several nodes. (Test-only: not built into dist.)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const cli = join(repoRoot, 'packages/server/dist/cli.js');

/** The CLI runs from dist: builds it from the current sources (call it in a `beforeAll`). */
export function buildCli(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', 'packages/server'], { cwd: repoRoot, stdio: 'inherit' });
}

export interface CliProcess {
  /** e.g. http://127.0.0.1:40123, from the banner. */
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code once it ended and everything it wrote was read. */
  exited: Promise<number | null>;
  /** Sends `signal` (default SIGTERM) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface CliOptions {
  /** Further arguments after `serve --port <port>`. */
  args?: string[];
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** 0 (the default) picks a free port. */
  port?: number;
}

/** Runs `plenum serve --port <port> …args` and waits for its banner; rejects if it exits first. */
export async function startCli({ args = [], env = {}, port = 0 }: CliOptions = {}): Promise<CliProcess> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    // Its own process group, as in the e2e harness (apps/testing): `stop` signals the group,
    // so nothing the server started outlives the test.
    detached: true,
  });
  let output = '';
  // 'close', not 'exit': by then everything the process wrote has been read.
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += String(chunk);
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += String(chunk)));
    void exited.then((code) => reject(new Error(`plenum serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output: () => output,
    exited,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
      return exited;
    },
  };
}
