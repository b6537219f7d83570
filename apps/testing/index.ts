/**
 * End-to-end harness: starts the built `plenum serve` in its own process and drives the
 * system Chromium through playwright-core (Playwright's own browser download does not work
 * on every machine, so we never rely on it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const cli = fileURLToPath(new URL('../../packages/server/dist/cli.js', import.meta.url));

export interface Cli {
  url: string;
  /** The demo room's host key, from the console link the CLI prints. */
  demoHostKey: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `plenum serve --port 0` on a fresh data directory and waits for its banner. */
export async function startCli(args: string[] = [], dataDir?: string): Promise<Cli> {
  const data = dataDir ?? mkdtempSync(join(tmpdir(), 'plenum-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, 'serve', '--port', '0', '--data', data, ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const banner = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      if (/host console|serving on/.test(output) && output.includes('\n')) {
        const match = /serving on (http:\/\/\S+)/.exec(output);
        if (match && (output.includes('console') || !output.includes('demo'))) resolve(output);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += String(chunk)));
    void exited.then((code) => reject(new Error(`plenum serve exited with ${code}:\n${output}`)));
  });
  const url = /serving on (http:\/\/\S+)/.exec(banner)![1]!;
  const demoHostKey = /key=([\w-]+)/.exec(banner)?.[1] ?? '';
  return {
    url,
    demoHostKey,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      const code = await exited;
      if (!dataDir) rmSync(data, { recursive: true, force: true });
      return code;
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
