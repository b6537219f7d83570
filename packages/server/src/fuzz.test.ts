import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { roomSocketPath } from '@plenum/protocol';
import { openSocket, startTestServer, type TestServer } from './testing.js';
import { startServerForTest } from './test-hooks.js';

/**
 * What a client sends never ends the server: malformed requests and upgrades over raw TCP,
 * each sent whole, reset once the server answered, and reset half-way. After every run the
 * server must still answer `/healthz`, and a participant must still join and act.
 */

const noIpLimits = { limitIpRate: 0, limitIpSockets: 0 };

let test: TestServer;
let port: number;
// The server runs in this process: anything it leaves uncaught lands here, named per case.
const uncaught: unknown[] = [];
const record = (error: unknown) => uncaught.push(error);
// A bad request earns one warning line; console.error (with its stack trace) means a bug.
const errors = vi.spyOn(console, 'error');

beforeAll(async () => {
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  // With an origin list, a foreign Origin is refused: one more way an upgrade is turned down.
  // Every case comes from loopback, hundreds of sockets in seconds: the per-IP limits are off.
  test = await startTestServer({ origins: ['https://event.example'], ...noIpLimits });
  port = Number(new URL(test.url).port);
});
afterAll(async () => {
  await test.close();
  process.off('uncaughtException', record);
  process.off('unhandledRejection', record);
  errors.mockRestore();
});

/** A seeded generator (mulberry32), so every run sends the same bytes. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function garbage(seed: number, length: number): Buffer {
  const next = random(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(next() * 256)));
}

const validKey = 'dGhlIHNhbXBsZSBub25jZQ==';

/** One request as bytes (latin1, so any byte can be written); headers in the order given. */
function request(
  target: string,
  headers: [string, string][] = [],
  { method = 'GET', version = 'HTTP/1.1', body = '' } = {},
): Buffer {
  const head = [`${method} ${target} ${version}`, ...headers.map(([name, value]) => `${name}: ${value}`)];
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`, 'latin1');
}

const host: [string, string] = ['Host', 'localhost'];

/** A WebSocket upgrade; `override` replaces (or, with an empty value, drops) the headers it names. */
function upgrade(target: string, override: [string, string][] = [], options = {}): Buffer {
  const names = new Set(override.map(([name]) => name.toLowerCase()));
  const base: [string, string][] = [
    host,
    ['Connection', 'Upgrade'],
    ['Upgrade', 'websocket'],
    ['Sec-WebSocket-Version', '13'],
    ['Sec-WebSocket-Key', validKey],
  ];
  const headers = [...base.filter(([name]) => !names.has(name.toLowerCase())), ...override];
  return request(
    target,
    headers.filter(([, value]) => value !== ''),
    options,
  );
}

/** Each case: a name and the bytes to send, given the test room. */
const cases: [name: string, bytes: (room: string) => Buffer][] = [
  // Targets: hosts with bad ports, percent-encodings, other forms, oversize.
  ...[
    '//a:99999/',
    'http://a:99999/',
    '*',
    '%',
    '/%',
    '/%zz',
    '/%00',
    '/\x7f',
    'javascript:alert(1)',
  ].flatMap((target): [string, (room: string) => Buffer][] => [
    [`GET ${target}`, () => request(target, [host])],
    [`an upgrade to ${target}`, () => upgrade(target)],
  ]),
  ['an upgrade to a party path with %zz', (room) => upgrade(`${roomSocketPath(room)}%zz`)],
  ['an upgrade to a room id with %00', (room) => upgrade(`${roomSocketPath(room)}%00`)],
  ['an upgrade to a party of %ff', (room) => upgrade(`/parties/%ff/${room}`)],
  ['an upgrade that climbs out of the party path', (room) => upgrade(`/parties/x/../main/${room}`)],
  ['an upgrade to a room id of 65 characters', () => upgrade(roomSocketPath('a'.repeat(65)))],
  ['an upgrade to a room id of 8,000 characters', () => upgrade(roomSocketPath('a'.repeat(8000)))],
  ['an upgrade to a room that does not exist', () => upgrade(roomSocketPath('nosuchroom'))],
  ['an upgrade to the console', () => upgrade('/console')],
  ['GET /api/rooms/%zz', () => request('/api/rooms/%zz', [host])],
  ['GET /api/rooms/% with a report format', () => request('/api/rooms/%/report?format=%zz', [host])],
  ['GET /console/%2e%2e/%2e%2e/package.json', () => request('/console/%2e%2e/%2e%2e/package.json', [host])],
  ['GET a target of 20,000 characters', () => request(`/${'a'.repeat(20_000)}`, [host])],
  ['GET with 1,000 empty query parameters', () => request(`/healthz?${'&'.repeat(1000)}`, [host])],
  // Host and Origin headers.
  ['no Host header', () => request('/', [])],
  ['an empty Host', () => request('/', [['Host', '']])],
  ['a Host with a bad port', (room) => upgrade(roomSocketPath(room), [['Host', 'a:99999']])],
  ['a Host of an unclosed IPv6 address', (room) => upgrade(roomSocketPath(room), [['Host', '[::1']])],
  ['a Host of Latin-1 bytes', (room) => upgrade(roomSocketPath(room), [['Host', 'h\xe9\xff']])],
  [
    'two Host headers',
    (room) =>
      upgrade(roomSocketPath(room), [
        ['Host', 'a'],
        ['Host', 'b'],
      ]),
  ],
  ['Origin null', (room) => upgrade(roomSocketPath(room), [['Origin', 'null']])],
  ['an Origin with a bad port', (room) => upgrade(roomSocketPath(room), [['Origin', 'http://a:99999']])],
  ['an Origin of %', (room) => upgrade(roomSocketPath(room), [['Origin', '%']])],
  [
    'an upgrade from a refused Origin',
    (room) => upgrade(roomSocketPath(room), [['Origin', 'https://evil.example']]),
  ],
  [
    'an API call from a refused Origin',
    () => request('/api/rooms', [host, ['Origin', 'https://evil.example']]),
  ],
  ['an API call with an Origin of %zz', () => request('/api/rooms', [host, ['Origin', '%zz']])],
  // HTTP versions.
  ...['HTTP/1.0', 'HTTP/0.9', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 x', 'HTTP/'].flatMap(
    (version): [string, (room: string) => Buffer][] => [
      [`GET / ${version}`, () => request('/', [host], { version })],
      [`an upgrade over ${version}`, (room) => upgrade(roomSocketPath(room), [], { version })],
    ],
  ),
  // Sec-WebSocket-Key and -Version, and other upgrade headers.
  ['an upgrade without a key', (room) => upgrade(roomSocketPath(room), [['Sec-WebSocket-Key', '']])],
  ['an upgrade with a key of x', (room) => upgrade(roomSocketPath(room), [['Sec-WebSocket-Key', 'x']])],
  [
    'an upgrade with a key that is not base64',
    (room) => upgrade(roomSocketPath(room), [['Sec-WebSocket-Key', '!!!!!!!!!!!!!!!!!!!!!!==']]),
  ],
  [
    'an upgrade with a key of 4,000 characters',
    (room) => upgrade(roomSocketPath(room), [['Sec-WebSocket-Key', 'A'.repeat(4000)]]),
  ],
  ['an upgrade without a version', (room) => upgrade(roomSocketPath(room), [['Sec-WebSocket-Version', '']])],
  ['an upgrade of version 8', (room) => upgrade(roomSocketPath(room), [['Sec-WebSocket-Version', '8']])],
  ['an upgrade of version abc', (room) => upgrade(roomSocketPath(room), [['Sec-WebSocket-Version', 'abc']])],
  [
    'an upgrade of version "13, 13"',
    (room) => upgrade(roomSocketPath(room), [['Sec-WebSocket-Version', '13, 13']]),
  ],
  ['an upgrade to h2c', (room) => upgrade(roomSocketPath(room), [['Upgrade', 'h2c']])],
  ['an upgrade to /healthz', () => upgrade('/healthz')],
  [
    'an upgrade with garbled extensions',
    (room) => upgrade(roomSocketPath(room), [['Sec-WebSocket-Extensions', 'permessage-deflate; x=;;, ;']]),
  ],
  [
    'an upgrade with empty subprotocols',
    (room) => upgrade(roomSocketPath(room), [['Sec-WebSocket-Protocol', ',,,']]),
  ],
  ['an upgrade by POST', (room) => upgrade(roomSocketPath(room), [], { method: 'POST' })],
  [
    'a valid upgrade followed by garbage frames',
    (room) => Buffer.concat([upgrade(roomSocketPath(room)), garbage(1, 256)]),
  ],
  [
    'a valid upgrade followed by an unmasked text frame',
    (room) => Buffer.concat([upgrade(roomSocketPath(room)), Buffer.from([0x81, 0x02, 0x68, 0x69])]),
  ],
  [
    'a valid upgrade followed by a frame claiming 2^63 bytes',
    (room) =>
      Buffer.concat([upgrade(roomSocketPath(room)), Buffer.from([0x81, 0xff, 0x7f, ...Array(7).fill(0xff)])]),
  ],
  // Bodies and framing.
  [
    'POST /api/rooms with invalid JSON',
    () => request('/api/rooms', [host, ['Content-Length', '5']], { method: 'POST', body: '{"a":' }),
  ],
  [
    'a bad chunk size',
    () =>
      request('/api/rooms', [host, ['Transfer-Encoding', 'chunked']], { method: 'POST', body: 'zz\r\n\r\n' }),
  ],
  [
    'a negative Content-Length',
    () => request('/api/rooms', [host, ['Content-Length', '-1']], { method: 'POST' }),
  ],
  [
    'two Content-Lengths',
    () => request('/api/rooms', [host, ['Content-Length', '1'], ['Content-Length', '2']], { method: 'POST' }),
  ],
  ['an unknown method', () => request('/', [host], { method: 'BREW' })],
  // Oversize headers.
  ['a header of 20,000 bytes', () => request('/', [host, ['X-Big', 'x'.repeat(20_000)]])],
  [
    'an upgrade with a header of 20,000 bytes',
    (room) => upgrade(roomSocketPath(room), [['X-Big', 'x'.repeat(20_000)]]),
  ],
  [
    'a thousand headers',
    () => request('/', [host, ...Array.from({ length: 1000 }, (_, i): [string, string] => [`X-${i}`, 'y'])]),
  ],
  // Garbage bytes.
  ['empty lines before a request', () => Buffer.concat([Buffer.from('\r\n\r\n\r\n'), request('/', [host])])],
  ['NUL bytes', () => Buffer.alloc(64)],
  ['the start of a TLS handshake', () => Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc])],
  ...[16, 1024, 16_384].map((length, i): [string, (room: string) => Buffer] => [
    `${length} random bytes`,
    () => garbage(100 + i, length),
  ]),
  [
    'a request line of random bytes',
    () => Buffer.concat([Buffer.from('GET /'), garbage(7, 64), Buffer.from(' HTTP/1.1\r\n\r\n')]),
  ],
];

/** Resolves once the socket closed; `step` runs once the server answered (or closed). */
function exchange(
  bytes: Buffer,
  step: (socket: Socket) => void,
  send: (socket: Socket) => void = (socket) => socket.write(bytes),
): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined); // the server may refuse by resetting: that is fine
    socket.on('close', () => resolve());
    let answered = false;
    const answer = () => {
      if (answered) return;
      answered = true;
      step(socket);
    };
    socket.once('data', answer);
    socket.once('end', answer);
    socket.once('connect', () => send(socket));
  });
}

/** Sends the first half and resets the connection at once. */
function halfThenReset(bytes: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
    socket.once('connect', () =>
      socket.write(bytes.subarray(0, Math.ceil(bytes.length / 2)), () => socket.resetAndDestroy()),
    );
  });
}

async function expectServerWorks(): Promise<void> {
  expect(uncaught.splice(0)).toEqual([]);
  const logged = [...errors.mock.calls];
  errors.mockClear();
  expect(logged).toEqual([]);
  const health = await fetch(`${test.url}/healthz`);
  expect(health.status).toBe(200);
  const alice = await openSocket(test.url, test.room, {});
  expect(alice.view()).toBeDefined();
  expect(await alice.act({ type: 'react', emoji: '👍' })).toMatchObject({ type: 'ack' });
  expect(await alice.act({ type: 'ask', text: 'Noch da?' })).toMatchObject({ type: 'ack' });
  alice.close();
  await alice.closed;
}

describe('what a client sends', () => {
  it.each(cases)('(%s) ends no more than its own connection', async (_, bytes) => {
    const sent = bytes(test.room);
    await exchange(sent, (socket) => socket.end());
    await expectServerWorks();
    await exchange(sent, (socket) => socket.resetAndDestroy());
    await expectServerWorks();
    await halfThenReset(sent);
    await expectServerWorks();
  });
});

describe('a request body cut short', () => {
  it('ends that request only, without a stack trace in the log', async () => {
    const cut = request('/api/rooms', [host, ['Content-Length', '1000']], {
      method: 'POST',
      body: '{"title":',
    });
    // Our side ends: the server has all it will ever get.
    await exchange(
      cut,
      () => undefined,
      (socket) => socket.end(cut),
    );
    await halfThenReset(cut);
    await expectServerWorks();
  });
});

describe('an upgrade over the per-IP limit', () => {
  it('is refused with 429, and a reset after it ends nothing', async () => {
    const limited = await startServerForTest({ limitIpSockets: 1 });
    const limitedPort = Number(new URL(limited.url).port);
    const open = connect(limitedPort, '127.0.0.1');
    open.on('error', () => undefined);
    const opened = new Promise((resolve) => open.once('data', resolve));
    open.write(upgrade(roomSocketPath(limited.room)));
    await opened;
    const socket = connect(limitedPort, '127.0.0.1');
    socket.on('error', () => undefined);
    const answer = new Promise<string>((resolve) => socket.once('data', (data) => resolve(String(data))));
    socket.write(upgrade(roomSocketPath(limited.room)));
    expect(await answer).toMatch(/^HTTP\/1\.1 429 /);
    const reset = new Promise((resolve) => socket.once('close', resolve));
    socket.resetAndDestroy();
    await reset;
    open.resetAndDestroy();
    expect(await fetch(`${limited.url}/healthz`).then((r) => r.status)).toBe(200);
    expect(uncaught.splice(0)).toEqual([]);
    await limited.close();
  });
});

describe('an upgrade during shutdown', () => {
  it('is refused with 503, and a reset after it ends nothing', async () => {
    const closing = await startServerForTest(noIpLimits);
    // The rooms close first, while the listener still accepts: upgrades meet the refusal.
    const roomsClosed = closing.server.host.close();
    const socket = connect(Number(new URL(closing.url).port), '127.0.0.1');
    socket.on('error', () => undefined);
    const answer = new Promise<string>((resolve) => socket.once('data', (data) => resolve(String(data))));
    socket.write(upgrade(roomSocketPath(closing.room)));
    expect(await answer).toMatch(/^HTTP\/1\.1 503 /);
    const reset = new Promise((resolve) => socket.once('close', resolve));
    socket.resetAndDestroy();
    await reset;
    await roomsClosed;
    expect(await fetch(`${closing.url}/healthz`).then((r) => r.status)).toBe(200);
    expect(uncaught.splice(0)).toEqual([]);
    await closing.close();
  });
});
