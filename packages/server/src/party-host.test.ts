import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { bufferLimitBytes, PartyHost } from './party-host.js';
import { IpLimits } from './ip-limits.js';
import type { Connection, Party, PartyType, Room } from './party.js';

/** An echo party that records its life, for watching the host drive it. */
class EchoParty implements Party {
  static created: EchoParty[] = [];
  static listeners = new Set<() => void>();
  /** Resolves once `test` holds, checked after every hook call. */
  static when(test: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => test() && (EchoParty.listeners.delete(check), resolve());
      EchoParty.listeners.add(check);
      check();
    });
  }
  readonly log = new Proxy<string[]>([], {
    set(target, key, value) {
      Reflect.set(target, key, value);
      EchoParty.listeners.forEach((listener) => listener());
      return true;
    },
  });
  constructor(readonly room: Room) {
    EchoParty.created.push(this);
  }
  onStart() {
    this.log.push('start');
    if (this.room.id === 'broken' && EchoParty.created.filter((p) => p.room.id === 'broken').length === 1)
      throw new Error('cannot load');
  }
  onConnect(connection: Connection) {
    this.log.push('connect');
    connection.send(`welcome ${[...this.room.getConnections()].length}`);
  }
  /** The most a socket had queued when something more was sent to it. */
  static queuedMax = 0;
  onMessage(message: string, connection: Connection) {
    if (message === 'throw') throw new Error('a bug');
    if (message === 'flood') {
      EchoParty.queuedMax = Math.max(EchoParty.queuedMax, connection.bufferedAmount);
      connection.send('x'.repeat(1 << 20));
      return void this.log.push('flood');
    }
    this.room.broadcast(`${message}`, message.startsWith('others:') ? [connection.id] : undefined);
  }
  onClose() {
    this.log.push('close');
  }
  onStop() {
    this.log.push('stop');
  }
}

let http: Server;
let host: PartyHost;
afterEach(async () => {
  await host.close();
  http.close();
  EchoParty.created = [];
});

async function start(idleEvictMs = 60_000) {
  const echo: PartyType = { exists: (room) => room !== 'missing', create: (room) => new EchoParty(room) };
  // Every client here is 127.0.0.1: no per-IP limits.
  const ipLimits = new IpLimits({ ratePerSecond: 0, burst: 0, sockets: 0, trustProxy: false });
  host = new PartyHost({ parties: { echo }, allowOrigin: () => true, idleEvictMs, ipLimits });
  http = createServer();
  http.on('upgrade', (request, socket, head) => host.upgrade(request, socket, head));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return `ws://127.0.0.1:${(http.address() as AddressInfo).port}/parties/echo`;
}

/** A socket that collects what it receives; `next(text)` waits for a message. */
async function connect(url: string) {
  const socket = new WebSocket(url);
  const received: string[] = [];
  const listeners = new Set<() => void>();
  socket.on('message', (data) => {
    received.push(String(data));
    listeners.forEach((listener) => listener());
  });
  const closed = new Promise<number>((resolve) => socket.on('close', resolve));
  await new Promise((resolve) => socket.once('open', resolve).once('close', resolve));
  const next = (text: string) =>
    new Promise<void>((resolve) => {
      const check = () => received.includes(text) && (listeners.delete(check), resolve());
      listeners.add(check);
      check();
    });
  return { socket, received, closed, next };
}

describe('the party host', () => {
  it('runs one party per room and feeds it connections, messages and closes', async () => {
    const base = await start();
    const a = await connect(`${base}/one`);
    const b = await connect(`${base}/one`);
    const c = await connect(`${base}/two`);
    await Promise.all([a.next('welcome 1'), b.next('welcome 2'), c.next('welcome 1')]);
    expect(EchoParty.created.map((p) => p.room.id)).toEqual(['one', 'two']);

    a.socket.send('to all');
    await Promise.all([a.next('to all'), b.next('to all')]);
    b.socket.send('others: hi');
    await a.next('others: hi');
    b.socket.send('marker');
    await b.next('marker');
    expect(b.received).not.toContain('others: hi');
    expect(c.received).toEqual(['welcome 1']);

    a.socket.close();
    await a.closed;
    await EchoParty.when(() => EchoParty.created[0]!.log.includes('close'));
    expect(EchoParty.created[0]!.log).toEqual(['start', 'connect', 'connect', 'close']);
    b.socket.close();
    c.socket.close();
  });

  it('evicts an idle room and starts it afresh on the next visit', async () => {
    const base = await start(20);
    const a = await connect(`${base}/idle`);
    a.socket.close();
    await a.closed;
    await EchoParty.when(() => EchoParty.created[0]!.log.includes('stop'));
    expect(host.roomCount).toBe(0);
    const b = await connect(`${base}/idle`);
    await b.next('welcome 1');
    expect(EchoParty.created).toHaveLength(2);
    b.socket.close();
  });

  it('closes a socket to a room that does not exist with 4404', async () => {
    const base = await start();
    expect(await (await connect(`${base}/missing`)).closed).toBe(4404);
    expect(EchoParty.created).toEqual([]);
  });

  it('survives a party that throws: on start (1011, then retried) and on a message', async () => {
    const base = await start();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await (await connect(`${base}/broken`)).closed).toBe(1011);
    const again = await connect(`${base}/broken`);
    await again.next('welcome 1');
    again.socket.send('throw');
    again.socket.send('still here');
    await again.next('still here');
    expect(errors).toHaveBeenCalledTimes(2);
    errors.mockRestore();
    again.socket.close();
  });

  it('closes a socket that does not read with 1013 instead of queueing for it', async () => {
    const base = await start();
    const slow = await connect(`${base}/slow`);
    await slow.next('welcome 1');
    // The client stops reading: what the server sends piles up in the kernel, then in the server.
    const tcp = (slow.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    tcp.pause();
    const floods = 40;
    for (let i = 0; i < floods; i++) slow.socket.send('flood');
    const party = EchoParty.created[0]!;
    await EchoParty.when(() => party.log.filter((entry) => entry === 'flood').length === floods);
    // Never more than the limit plus one message was held for it.
    expect(EchoParty.queuedMax).toBeLessThanOrEqual(bufferLimitBytes + (1 << 20) + 64);
    tcp.resume();
    expect(await slow.closed).toBe(1013);
    const delivered = slow.received.filter((text) => text.startsWith('x')).length;
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(floods);
  });

  it('closes every socket with 1001 on shutdown, after the parties stopped', async () => {
    const base = await start();
    const a = await connect(`${base}/bye`);
    await a.next('welcome 1');
    await host.close();
    expect(await a.closed).toBe(1001);
    expect(EchoParty.created[0]!.log).toEqual(['start', 'connect', 'stop']);
  });
});
