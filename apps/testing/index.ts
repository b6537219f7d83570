/**
 * End-to-end harness: starts the built `plenum serve` in its own process and drives the
 * system Chromium through playwright-core (Playwright's own browser download does not work
 * on every machine, so we never rely on it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const cli = fileURLToPath(new URL('../../packages/server/dist/cli.js', import.meta.url));

export interface Cli {
  url: string;
  /** The demo room's host key, from the console link the CLI prints (with `--demo` on fresh data). */
  demoHostKey: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs `plenum serve --port 0` on a fresh data directory and waits for its banner. Pass
 * `--demo` for the demo room (and its host link, printed when the room is created).
 */
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
  const waitForDemoLink = args.includes('--demo') && dataDir === undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const banner = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const serving = /serving on http:\/\/\S+.*\n/.test(output);
      const demoLink = !waitForDemoLink || /host console for the demo room: .*\n/.test(output);
      if (serving && demoLink) resolve(output);
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

export interface Site {
  /** http://localhost:PORT: another origin than the Plenum server on 127.0.0.1. */
  url: string;
  close(): Promise<void>;
}

/**
 * A webmaster's site on another origin: serves the given pages (path → HTML or JS) with
 * the given Content-Security-Policy, as a CMS would.
 */
export async function serveSite(files: Record<string, string>, csp?: string): Promise<Site> {
  const server = createServer((request, response) => {
    const body = files[request.url ?? ''];
    if (body === undefined) return response.writeHead(404).end();
    const js = request.url!.endsWith('.js');
    response.writeHead(200, {
      'Content-Type': js ? 'text/javascript' : 'text/html; charset=utf-8',
      ...(csp && !js && { 'Content-Security-Policy': csp }),
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Creates a room over the HTTP API; returns its id and host key, and a host-authorised fetch. */
export async function createRoom(server: string, body: Record<string, unknown> = {}) {
  const response = await fetch(`${server}/api/rooms`, { method: 'POST', body: JSON.stringify(body) });
  const { room, hostKey } = (await response.json()) as { room: string; hostKey: string };
  const host = async (method: string, path: string, payload?: unknown) => {
    const answer = await fetch(`${server}/api/rooms/${room}${path}`, {
      method,
      headers: { Authorization: `Bearer ${hostKey}` },
      ...(payload !== undefined && { body: JSON.stringify(payload) }),
    });
    if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
    return answer.status === 204 ? undefined : ((await answer.json()) as Record<string, unknown>);
  };
  return { room, hostKey, host };
}
