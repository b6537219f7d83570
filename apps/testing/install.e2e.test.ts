/**
 * What a user gets from the registry: the packages as `npm pack` makes them, installed into
 * an empty project, and `npx plenum serve` there. Nothing may reach back into this repository.
 *
 * Offline and quick: the temporary project gets a lockfile made from ours, so npm takes every
 * third-party package from its cache (filled by the repository's own install) and resolves
 * nothing. Install scripts are skipped, and better-sqlite3's native module is the one the
 * repository's install compiled (same version), instead of two more minutes of compiling SQLite.
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type Cli } from './index.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
/** The server and every package of ours it needs at run time. */
const workspaces = ['protocol', 'client', 'elements', 'console', 'demo', 'server'].map(
  (name) => `@plenum/${name}`,
);

interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  link?: boolean;
  dev?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [field: string]: unknown;
}

/**
 * A lockfile for a project that depends on the packed server alone: our lock's entries for
 * the server's run-time closure, found the way Node resolves (nested first, then hoisted),
 * with workspace paths moved under node_modules and workspaces pointing at their tarballs.
 */
function lockFor(tarballs: Map<string, string>): { packages: Record<string, LockEntry> } {
  const ours = (
    JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>;
    }
  ).packages;
  const packages: Record<string, LockEntry> = {};
  /** packages/server/node_modules/ws → node_modules/@plenum/server/node_modules/ws */
  const place = (path: string) =>
    path.replace(/^(?:packages|apps)\/[^/]+/, (workspace) => `node_modules/${ours[workspace]!.name}`);
  const visit = (from: string, name: string): void => {
    let dir = from;
    let path: string | undefined;
    for (;;) {
      const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (ours[candidate]) {
        path = candidate;
        break;
      }
      if (!dir) throw new Error(`${name} (needed by ${from}) is not in package-lock.json`);
      dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '';
    }
    let entry = ours[path]!;
    if (entry.link) {
      path = entry.resolved!;
      entry = ours[path]!;
    }
    const target = place(path);
    if (packages[target]) return;
    const tarball = tarballs.get(name);
    packages[target] = tarball
      ? { ...entry, resolved: `file:../tarballs/${tarball}` }
      : Object.fromEntries(
          Object.entries(entry).filter(([field]) => field !== 'dev' && field !== 'devOptional'),
        );
    for (const dependency of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      visit(path, dependency);
    }
  };
  visit('', '@plenum/server');
  const server = `file:../tarballs/${tarballs.get('@plenum/server')}`;
  return { packages: { '': { dependencies: { '@plenum/server': server } }, ...packages } };
}

let dir: string;
let app: string;
let cli: Cli;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plenum-install-'));
  const tarballDir = join(dir, 'tarballs');
  app = join(dir, 'app');
  mkdirSync(tarballDir);
  mkdirSync(app);
  const packed = await run(
    'npm',
    ['pack', '--json', '--pack-destination', tarballDir, ...workspaces.flatMap((name) => ['-w', name])],
    { cwd: root },
  );
  const tarballs = new Map(
    (JSON.parse(packed.stdout) as { name: string; filename: string }[]).map((p) => [p.name, p.filename]),
  );
  const lock = lockFor(tarballs);
  const manifest = { name: 'an-event-site', private: true, dependencies: lock.packages['']!.dependencies };
  writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(
    join(app, 'package-lock.json'),
    JSON.stringify(
      { name: manifest.name, lockfileVersion: 3, requires: true, packages: lock.packages },
      null,
      2,
    ),
  );
  await run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: app });

  const fromServer = createRequire(join(root, 'packages/server/package.json'));
  const addon = join('build', 'Release', 'better_sqlite3.node');
  const installed = join(app, 'node_modules', 'better-sqlite3');
  mkdirSync(join(installed, dirname(addon)), { recursive: true });
  copyFileSync(
    join(dirname(fromServer.resolve('better-sqlite3/package.json')), addon),
    join(installed, addon),
  );

  cli = await startCli(['--demo'], join(dir, 'data'), {
    command: 'npx',
    prefix: ['--no', 'plenum'],
    cwd: app,
  });
}, 90_000);

afterAll(async () => {
  await cli?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed @plenum/server, installed into an empty project', () => {
  it('is a copy of its own, not a link into this repository', () => {
    const server = realpathSync(join(app, 'node_modules', '@plenum', 'server'));
    expect(server.startsWith(app)).toBe(true);
  });

  it('serves the embed bundle as built here', async () => {
    const response = await fetch(`${cli.url}/plenum.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    const built = readFileSync(join(root, 'packages/elements/dist/bundle/plenum.js'), 'utf8');
    expect(await response.text()).toBe(built);
  });

  it('serves the demo page and its script', async () => {
    const page = await fetch(`${cli.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<plenum-questions');
    expect((await fetch(`${cli.url}/demo.js`)).status).toBe(200);
  });

  it('serves the console and its script', async () => {
    const page = await fetch(`${cli.url}/console`);
    expect(page.status).toBe(200);
    const script = /src="\/console\/([\w-]+\.js)"/.exec(await page.text());
    expect(script).not.toBeNull();
    expect((await fetch(`${cli.url}/console/${script![1]}`)).status).toBe(200);
  });

  it('runs rooms: the demo room it made answers over the API', async () => {
    const response = await fetch(`${cli.url}/api/rooms/demo`);
    expect(response.status).toBe(200);
    await expect.poll(() => cli.output()).toMatch(/host console for the demo room: .*key=/);
  });
});
