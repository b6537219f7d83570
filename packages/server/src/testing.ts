/**
 * Test harness: a real server on port 0 and a small protocol-level client that waits for
 * messages by predicate (no sleeps), for the server's, the client's and the e2e tests.
 */
import WebSocket, { type ClientOptions } from 'ws';
import {
  applyMine,
  roomSocketPath,
  applyPage,
  applyPatch,
  type Ack,
  type ErrorMessage,
  type MineView,
  type RoomView,
  type ServerMessage,
} from '@plenum/protocol';
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

/** What a client knows: the last welcome with every later patch and personal message applied. */
export interface ClientView {
  seq: number;
  host: boolean;
  state: RoomView;
  mine: MineView;
}

export interface TestSocket {
  socket: WebSocket;
  received: ServerMessage[];
  /** Every frame as it arrived, to check what a client could ever read. */
  raw: string[];
  send(message: unknown): void;
  /** Resolves with the first message (already received or coming) that matches. */
  next<T extends ServerMessage['type']>(
    type: T,
    match?: (message: Extract<ServerMessage, { type: T }>) => boolean,
  ): Promise<Extract<ServerMessage, { type: T }>>;
  /** Sends an action (with a fresh id unless it has one) and resolves with its ack or error. */
  act(action: { type: string; id?: string; [field: string]: unknown }): Promise<Ack | ErrorMessage>;
  /** The room as this client sees it; throws if a patch arrived out of sequence. */
  view(): ClientView;
  /** Resolves with the view once `test` holds for it (checked now and after every message). */
  until(test: (view: ClientView) => boolean): Promise<ClientView>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export function randomParticipant(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/** Opens a raw socket to a room; with `hello`, says hello and waits for welcome (or an error). */
export async function openSocket(
  url: string,
  room: string,
  hello?: { participant?: string; hostKey?: string; v?: number; display?: boolean; passcode?: string },
  options?: ClientOptions,
): Promise<TestSocket> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}${roomSocketPath(room)}`, options);
  const received: ServerMessage[] = [];
  const raw: string[] = [];
  let view: ClientView | undefined;
  let broken: string | undefined;
  // Each waiter looks at every message; `check` returns what to resolve with, or undefined.
  const waiters: { check(message?: ServerMessage): unknown; resolve(value: unknown): void }[] = [];
  const follow = (message: ServerMessage) => {
    if (message.type === 'welcome') {
      view = { seq: message.seq, host: message.host, state: message.state, mine: message.mine };
    } else if (view && message.type === 'patch') {
      if (message.seq !== view.seq + 1) broken ??= `patch ${message.seq} after ${view.seq}`;
      view = { ...view, seq: message.seq, state: applyPatch(view.state, message) };
    } else if (view && message.type === 'page') {
      view = { ...view, state: applyPage(view.state, message) };
    } else if (view && message.type === 'mine') {
      view = { ...view, state: applyPatch(view.state, message), mine: applyMine(view.mine, message) };
    }
  };
  socket.on('message', (data, isBinary) => {
    const text = isBinary ? '' : String(data);
    const message = JSON.parse(text) as ServerMessage;
    raw.push(text);
    received.push(message);
    follow(message);
    for (const waiter of waiters.splice(0)) {
      const value = waiter.check(message);
      if (value !== undefined) waiter.resolve(value);
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
  const wait = <T>(check: (message?: ServerMessage) => T | undefined): Promise<T> => {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve) => waiters.push({ check, resolve: resolve as (value: unknown) => void }));
  };
  const current = (): ClientView => {
    if (broken) throw new Error(`Out of sequence: ${broken}`);
    if (!view) throw new Error('No welcome yet.');
    return view;
  };
  const test: TestSocket = {
    socket,
    received,
    raw,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next(type, match = () => true) {
      const test = (message: ServerMessage) => message.type === type && match(message as never);
      return wait((message) =>
        message ? (test(message) ? message : undefined) : received.find(test),
      ) as never;
    },
    act(action) {
      const id = action.id ?? crypto.randomUUID();
      test.send({ ...action, id });
      const answers = (message: ServerMessage) =>
        (message.type === 'ack' || message.type === 'error') && message.id === id;
      return wait((message) => (message ? (answers(message) ? message : undefined) : undefined)) as Promise<
        Ack | ErrorMessage
      >;
    },
    view: current,
    until: (check) => wait(() => (view && (broken || check(view)) ? current() : undefined)),
    close: () => socket.close(),
  };
  if (hello) {
    test.send({
      type: 'hello',
      v: hello.v ?? 1,
      participant: hello.participant ?? randomParticipant(),
      hostKey: hello.hostKey,
      display: hello.display,
      passcode: hello.passcode,
    });
    if (hello.v === undefined || hello.v === 1)
      await Promise.race([test.next('welcome'), test.next('error')]);
  }
  return test;
}

/** Opens a raw upgrade and resolves with the HTTP status the server answered, or 101. */
export function upgradeStatus(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`, { headers });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('upgrade', () => {
      resolve(101);
      socket.terminate();
    });
    socket.once('error', (error) =>
      error.message.includes('Unexpected server response') ? undefined : reject(error),
    );
  });
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of every shape
  json: any;
}

/** Calls the HTTP API: `key` becomes a Bearer token, an object body is sent as JSON. */
export async function api(
  url: string,
  path: string,
  {
    method = 'GET',
    body,
    key,
    headers = {},
  }: {
    method?: string;
    body?: unknown;
    key?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiAnswer> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
      ...(key !== undefined && { Authorization: `Bearer ${key}` }),
      ...headers,
    },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  const json: unknown = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
  return { status: response.status, headers: response.headers, text, json };
}
