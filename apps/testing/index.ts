/**
 * End-to-end harness: starts the built `plenum serve` in its own process and drives the
 * system Chromium through playwright-core (Playwright's own browser download does not work
 * on every machine, so we never rely on it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

const cli = fileURLToPath(new URL('../../packages/server/dist/cli.js', import.meta.url));

export interface Cli {
  url: string;
  /** The demo room's host key, from the console link the CLI prints (with `--demo` on fresh data). */
  demoHostKey: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Every client of the e2e tests comes from 127.0.0.1, as one network: the per-IP and question
 * limits are lifted, so the tests see the server they always did. A test may set them again.
 */
const loopbackLimits = [
  ...['--limit-ip-rate', '0', '--limit-ip-sockets', '0'],
  ...['--limit-questions', '0', '--limit-room-rate', '0'],
];

/** How to run `plenum`: by default the repository's build, run by this Node. */
export interface Launch {
  command: string;
  /** Arguments before `serve`. */
  prefix: string[];
  cwd?: string;
}

const built: Launch = { command: process.execPath, prefix: [cli] };

/**
 * Runs `plenum serve --port 0` on a fresh data directory and waits for its banner. Pass
 * `--demo` for the demo room (and its host link, printed when the room is created).
 */
export async function startCli(args: string[] = [], dataDir?: string, launch = built): Promise<Cli> {
  const data = dataDir ?? mkdtempSync(join(tmpdir(), 'plenum-e2e-'));
  const child: ChildProcess = spawn(
    launch.command,
    [...launch.prefix, 'serve', '--port', '0', '--data', data, ...loopbackLimits, ...args],
    // Its own process group: a launcher such as npx runs the server as a child of its own,
    // and a signal to the group reaches both, so no server outlives the test.
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: launch.cwd, detached: true },
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
      process.kill(-child.pid!, signal);
      const code = await exited;
      await groupGone(child.pid!);
      if (!dataDir) rmSync(data, { recursive: true, force: true });
      return code;
    },
  };
}

/** Resolves once no process of the group `pgid` is left (a launcher may exit before its child). */
async function groupGone(pgid: number): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`plenum serve (process group ${pgid}) did not stop within 5 s`);
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/**
 * Runs axe on the page as it is now; returns the violations, described for a readable
 * failure. Evaluated, not added as a <script>: our pages' Content-Security-Policy refuses
 * inline scripts.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe.run;
    return (await run()).violations as { id: string; nodes: { target: unknown }[] }[];
  });
  return result.map(
    (violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((n) => n.target))}`,
  );
}

/**
 * The Content-Security-Policy violations a page reports (Chromium logs each one to the
 * console), collected so a test can assert our own pages need nothing their policy refuses.
 */
export function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

/** One `plenum serve` and one Chromium for a test file (`useBrowserSession`). */
export interface BrowserSession {
  readonly cli: Cli;
  /** A page in a context of its own (so its own participant), its CSP refusals collected. */
  newPage(locale?: string): Promise<Page>;
}

/**
 * Starts the CLI and the browser before the file's tests and stops them after, failing the
 * file if `plenum serve` did not exit cleanly or any page's Content-Security-Policy refused
 * something (our pages must need nothing their policy forbids).
 */
export function useBrowserSession(options: { acceptDownloads?: boolean } = {}): BrowserSession {
  let cli: Cli | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const refused: string[][] = [];
  beforeAll(async () => {
    [cli, browser] = await Promise.all([startCli(), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    expect(await cli?.stop()).toBe(0);
    expect(refused.flat()).toEqual([]);
  });
  return {
    get cli() {
      if (!cli) throw new Error('The session starts in beforeAll.');
      return cli;
    },
    async newPage(locale = 'en-GB') {
      if (!browser) throw new Error('The session starts in beforeAll.');
      const context = await browser.newContext({ locale, ...options });
      contexts.push(context);
      const page = await context.newPage();
      refused.push(cspViolations(page));
      return page;
    },
  };
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
