/**
 * Test harness: a real server on port 0 and a small protocol-level client that waits for
 * messages by predicate (no sleeps), for the server's, the client's and the e2e tests.
 */
import WebSocket from 'ws';
import type { ServerMessage } from '@plenum/protocol';
import { createRoomRecord } from './rooms.js';
import { startServer, type PlenumServer, type ServerOptions } from './server.js';
import { MemoryStorage } from './storage/memory.js';
import type { Storage } from './storage/storage.js';

export interface TestServer {
  server: PlenumServer;
  url: string;
  room: string;
  hostKey: string;
  /** Creates another room on this server. */
  createRoom(input?: Parameters<typeof createRoomRecord>[1]): { room: string; hostKey: string };
  close(): Promise<void>;
}

export async function startTestServer(
  options: Partial<ServerOptions> & { storage?: Storage } = {},
): Promise<TestServer> {
  const storage = options.storage ?? new MemoryStorage();
  const server = await startServer({ port: 0, ...options, storage });
  const createRoom = (input: Parameters<typeof createRoomRecord>[1] = {}) => {
    const { meta, hostKey } = createRoomRecord(storage, { title: 'Test event', ...input });
    return { room: meta.id, hostKey };
  };
  const first = createRoom();
  return { server, url: server.url, ...first, createRoom, close: () => server.close() };
}

export interface TestSocket {
  socket: WebSocket;
  received: ServerMessage[];
  send(message: unknown): void;
  /** Resolves with the first message (already received or coming) that matches. */
  next<T extends ServerMessage['type']>(
    type: T,
    match?: (message: Extract<ServerMessage, { type: T }>) => boolean,
  ): Promise<Extract<ServerMessage, { type: T }>>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export function randomParticipant(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/** Opens a raw socket to a room; with `participant`, says hello and waits for welcome. */
export async function openSocket(
  url: string,
  room: string,
  hello?: { participant?: string; hostKey?: string; v?: number },
): Promise<TestSocket> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/parties/main/${room}`);
  const received: ServerMessage[] = [];
  const waiters: { test(message: ServerMessage): boolean; resolve(message: ServerMessage): void }[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    received.push(message);
    for (const waiter of waiters.splice(0)) {
      if (waiter.test(message)) waiter.resolve(message);
      else waiters.push(waiter);
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
    socket.once('close', () => resolve());
  });
  const test: TestSocket = {
    socket,
    received,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next(type, match = () => true) {
      const test = (message: ServerMessage) => message.type === type && match(message as never);
      const seen = received.find(test);
      if (seen) return Promise.resolve(seen as never);
      return new Promise((resolve) => waiters.push({ test, resolve: resolve as (m: ServerMessage) => void }));
    },
    close: () => socket.close(),
  };
  if (hello) {
    test.send({
      type: 'hello',
      v: hello.v ?? 1,
      participant: hello.participant ?? randomParticipant(),
      hostKey: hello.hostKey,
    });
    if (hello.v === undefined || hello.v === 1)
      await Promise.race([test.next('welcome'), test.next('error')]);
  }
  return test;
}
