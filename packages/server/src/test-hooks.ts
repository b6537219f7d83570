/**
 * Vitest hooks for the server's tests: a test server per test (or per file), servers and
 * temporary directories that are cleaned up when the test that made them ends, pass or fail.
 * (Test-only: not built into dist. The protocol-level client is testing.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, onTestFinished } from 'vitest';
import { startTestServer, type TestServer } from './testing.js';

type TestServerOptions = Parameters<typeof startTestServer>[0];

/** Options for a server, or a function that makes them (called for each server it starts). */
type OptionsFor = TestServerOptions | ((tools: { tempDir(prefix?: string): string }) => TestServerOptions);

/**
 * A test server started before each test of the file (with `once`, before the first) and
 * closed after it, with any temp dir its options made. Read it inside tests: the object
 * answers for the server now running.
 */
export function useTestServer(options: OptionsFor = {}, { once = false } = {}): TestServer {
  let current: TestServer | undefined;
  let dirs: string[] = [];
  const tempDir = (prefix = 'plenum-test-') => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  (once ? beforeAll : beforeEach)(async () => {
    current = await startTestServer(typeof options === 'function' ? options({ tempDir }) : options);
  });
  (once ? afterAll : afterEach)(async () => {
    await current?.close();
    current = undefined;
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });
  const running = () => {
    if (!current) throw new Error('The test server runs inside tests only.');
    return current;
  };
  return {
    get server() {
      return running().server;
    },
    get url() {
      return running().url;
    },
    get room() {
      return running().room;
    },
    get hostKey() {
      return running().hostKey;
    },
    createRoom: (input) => running().createRoom(input),
    close: () => running().close(),
  };
}

/** A test server for this test alone (its own options), closed when the test ends. */
export async function startServerForTest(options: TestServerOptions = {}): Promise<TestServer> {
  const server = await startTestServer(options);
  let closed: Promise<void> | undefined;
  // Closing twice (the test restarts it, then the hook) closes once.
  const close = () => (closed ??= server.close());
  onTestFinished(close);
  return { ...server, close };
}

/** A fresh directory under the system's temp dir, removed when the test ends. */
export function tempDirForTest(prefix = 'plenum-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
