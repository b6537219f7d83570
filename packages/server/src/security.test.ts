import { request } from 'node:http';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { roomSocketPath } from '@plenum/protocol';
import { SqliteStorage } from './storage/sqlite.js';
import { api, upgradeStatus, type TestServer } from './testing.js';
import { startServerForTest, tempDirForTest } from './test-hooks.js';

/** This test's server (each test starts its own, closed when it ends). */
let test: TestServer;

describe("the server's own answers", () => {
  it('give every answer nosniff and no-referrer, and data answers a policy that loads nothing', async () => {
    test = await startServerForTest();
    for (const path of ['/healthz', `/api/rooms/${test.room}`, '/no-such-file', '/plenum.js']) {
      const { headers } = await api(test.url, path);
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    for (const path of ['/healthz', `/api/rooms/${test.room}`]) {
      const { headers } = await api(test.url, path);
      expect(headers.get('content-security-policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });

  it('serve the demo and the console with a policy of this server only, never framed', async () => {
    test = await startServerForTest();
    const host = new URL(test.url).host;
    for (const path of ['/', '/console']) {
      const { status, headers } = await api(test.url, path);
      expect(status, path).toBe(200);
      const policy = headers.get('content-security-policy') ?? '';
      expect(policy, path).toContain("default-src 'self'");
      expect(policy, path).toContain("script-src 'self'");
      expect(policy, path).toContain(`connect-src 'self' ws://${host} wss://${host}`);
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(policy, path).toContain("object-src 'none'");
    }
    // The console has no inline styles; the demo page keeps its one <style>.
    expect((await api(test.url, '/console')).headers.get('content-security-policy')).toContain(
      "style-src 'self';",
    );
    expect((await api(test.url, '/')).headers.get('content-security-policy')).toContain(
      "style-src 'self' 'unsafe-inline'",
    );
  });

  it('leave the embed bundle without a policy, so any page can load it', async () => {
    test = await startServerForTest();
    const { status, headers } = await api(test.url, '/plenum.js');
    expect(status).toBe(200);
    expect(headers.get('content-security-policy')).toBeNull();
    expect(headers.get('access-control-allow-origin')).toBe('*');
  });

  it('name no Host in a policy that is more than a host and port', async () => {
    test = await startServerForTest();
    // fetch() sets Host itself: send this one by hand.
    const url = new URL(test.url);
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      request(
        { host: url.hostname, port: url.port, path: '/console', headers: { Host: 'a; script-src *' } },
        (response) => {
          response.resume();
          resolve({
            status: response.statusCode ?? 0,
            text: String(response.headers['content-security-policy']),
          });
        },
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
    expect(text).toContain("connect-src 'self';");
    expect(text).not.toContain('script-src *');
  });
});

describe('--origins', () => {
  it("always lets the server's own pages in, and still refuses other origins", async () => {
    test = await startServerForTest({ origins: ['https://event.example'] });
    const own = test.url; // what a browser on our demo or console sends
    const path = roomSocketPath(test.room);
    expect(await upgradeStatus(test.url, path, { Origin: own })).toBe(101);
    expect(await upgradeStatus(test.url, path, { Origin: 'https://event.example' })).toBe(101);
    expect(await upgradeStatus(test.url, path, { Origin: 'https://evil.example' })).toBe(403);
    // Same host, another port or scheme: another origin.
    const otherPort = `http://127.0.0.1:${Number(new URL(own).port) + 1}`;
    expect(await upgradeStatus(test.url, path, { Origin: otherPort })).toBe(403);
    expect(await upgradeStatus(test.url, path, { Origin: own.replace('http:', 'ftp:') })).toBe(403);

    const read = await api(test.url, `/api/rooms/${test.room}`, { headers: { Origin: own } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe(own);
    const refused = await api(test.url, `/api/rooms/${test.room}`, { headers: { Origin: otherPort } });
    expect(refused.status).toBe(403);
  });
});

describe('user text as it comes in', () => {
  it('loses its control characters in a room title given to POST /api/rooms', async () => {
    test = await startServerForTest();
    const created = await api(test.url, '/api/rooms', {
      method: 'POST',
      body: { title: 'Town\u0000 hall\u001b[2J\u0085' },
    });
    expect(created.status).toBe(201);
    const { json } = await api(test.url, `/api/rooms/${created.json.room}`, { key: created.json.hostKey });
    expect(json.title).toBe('Town hall[2J');
  });
});

describe('the data directory', () => {
  it('is created 0700, and the database and its WAL files are 0600', async () => {
    const dataDir = join(tempDirForTest('plenum-modes-'), 'data');
    const storage = new SqliteStorage(dataDir);
    onTestFinished(() => storage.close());
    storage.createRoom({ id: 'r1', title: 'Room', moderation: 'post', hostKeyHash: 'x', createdAt: 1 });
    await storage.append('r1', { at: 1, participant: 'p1', presence: 'join' });
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(dataDir).toString(8)).toBe('700');
    for (const file of ['plenum.db', 'plenum.db-wal', 'plenum.db-shm']) {
      expect(mode(join(dataDir, file)).toString(8), file).toBe('600');
    }
  });
});
