/**
 * One Node process serves everything: the embed bundle, the demo page, the console, the
 * HTTP API, and the rooms' WebSockets.
 */
import { roomParty } from '@plenum/protocol';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { resolveAssets, type Assets } from './assets.js';
import { handleApi, type ApiContext } from './api.js';
import { passcodeHeader } from './room-api.js';
import { clientAddress, networkOf } from './client-address.js';
import { CreationLimit, defaultMaxRooms, defaultRoomCreationsPerMinute } from './creation-limit.js';
import { PartyHost } from './party-host.js';
import { HttpError, requestTarget, sendError, sendJson } from './http-util.js';
import { defaultIpLimits, IpLimits } from './ip-limits.js';
import { PlenumRoom, type PlenumRoomOptions } from './plenum-room.js';
import { expireRooms } from './retention.js';
import { dataPolicy, pagePolicy, setBaseHeaders } from './security-headers.js';
import { serveFile } from './static.js';
import type { Storage } from './storage/storage.js';
import type { Cluster } from './cluster/cluster.js';
import { ClusterJournal } from './cluster-journal.js';

export interface ServerOptions {
  storage: Storage;
  /** Cluster mode: rooms fold their log from this Redis (storage is then `cluster.storage`). */
  cluster?: Cluster;
  port?: number;
  host?: string;
  /** Origins allowed to open sockets and call the API; empty allows any. */
  origins?: string[];
  adminToken?: string;
  /** Where the built assets are; defaults to the files of the packages that build them. */
  assets?: Partial<Assets>;
  heartbeatMs?: number;
  idleEvictMs?: number;
  /** Rooms idle this long are erased (checked at start and then every `retentionSweepMs`); 0 keeps them. */
  retentionMs?: number;
  retentionSweepMs?: number;
  /** The language and time zone of new rooms that name none; default English and this machine's zone. */
  roomDefaults?: ApiContext['roomDefaults'];
  /** Rooms one address may create per minute without the admin token (default 10; 0: no limit). */
  roomCreationsPerMinute?: number;
  /** Rooms the server holds at most (default 10,000; 0: no cap); past it creation answers 507. */
  maxRooms?: number;
  /** How much one room may hold (questions, polls, open answers, log entries); unset caps keep their defaults. */
  caps?: PlenumRoomOptions['caps'];
  /** Told which rooms expired, e.g. to log them; awaited before the server goes on. */
  onExpired?: (rooms: string[]) => void | Promise<void>;
  /** New sockets per network (IPv4 address, IPv6 /64) per second; default 20, 0 lifts it. */
  limitIpRate?: number;
  /** New sockets a network may open at once before `limitIpRate` applies; default 100. */
  limitIpBurst?: number;
  /** Sockets one network may hold open at once; default 500, 0 lifts it. */
  limitIpSockets?: number;
  /** Questions per participant per minute; default 10, 0 lifts it. */
  limitQuestions?: number;
  /** Take the client's address from X-Forwarded-For (set by your own proxy); default false. */
  trustProxy?: boolean;
  /** A socket that has not said hello by then is closed; default 10 s. */
  helloTimeoutMs?: number;
  /** The clock of the rooms and their limits (tests drive it); default Date.now. */
  now?: () => number;
}

/** The file behind a static path: plain names only, so no path can climb out of a folder. */
function assetFor(path: string, assets: Assets): string | undefined {
  if (path === '/plenum.js') return assets.bundle;
  // Chunks plenum.js loads on demand (the word cloud), next to it.
  if (/^\/plenum-[\w-]+\.js$/.test(path)) return join(dirname(assets.bundle), path.slice(1));
  if (path === '/') return join(assets.demo, 'index.html');
  if (path === '/console' || path === '/console/') return join(assets.console, 'index.html');
  const match = /^\/(console\/)?([\w-]+\.(?:js|css|svg))$/.exec(path);
  return match ? join(match[1] ? assets.console : assets.demo, match[2]!) : undefined;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Whether a request's Origin may use the API and sockets: any when no list is given, else
 * the listed ones, and always this server's own pages (an Origin naming the Host asked).
 * A browser cannot lie about its Origin; a script can, so this stops other web pages only.
 */
function originCheck(allowed: readonly string[]): (request: IncomingMessage) => boolean {
  const origins = new Set(allowed);
  return (request) => {
    const origin = request.headers.origin;
    if (origins.size === 0 || origin === undefined || origins.has(origin)) return true;
    try {
      const { protocol, host } = new URL(origin);
      return /^https?:$/.test(protocol) && host === request.headers.host?.toLowerCase();
    } catch {
      return false;
    }
  };
}

const statusLines: Record<string, string> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

/** Node's parser refused the bytes (or the client reset): answer if we still can, then drop it. */
function refuseMalformed(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const status = statusLines[error.code ?? ''] ?? '400 Bad Request';
  console.warn(`plenum: refused a malformed request (${error.code ?? error.message})`);
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}

export interface PlenumServer {
  /** e.g. http://127.0.0.1:1999 */
  url: string;
  http: Server;
  host: PartyHost;
  storage: Storage;
  /** Stops accepting, flushes storage, closes sockets with 1001. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<PlenumServer> {
  const { storage, cluster } = options;
  const assets = resolveAssets(options.assets);
  const allowOrigin = originCheck(options.origins ?? []);
  // How long the event loop was blocked: the number that says whether a room feels live.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const host = roomHost(options, allowOrigin);
  // A room erased on another node is dropped here too: its sockets close with 4404.
  cluster?.onErased((room) => void host.evict(roomParty, room));
  const api = apiContext(options, host);
  const health = () => ({
    ok: true,
    rooms: host.roomCount,
    eventLoopDelayMaxMs: round(loopDelay.max / 1e6),
    eventLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6),
    ...(cluster && { node: cluster.node, redis: cluster.redis.status }),
  });

  const http = createServer(
    answering(async (request, response) => {
      const path = requestTarget(request).pathname;
      if (path.startsWith('/api/')) return answerApi(request, response, path, api, allowOrigin);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        throw new HttpError(405, 'method_not_allowed', 'Only GET here.');
      }
      if (path === '/healthz') {
        response.setHeader('Content-Security-Policy', dataPolicy);
        return sendJson(response, 200, health());
      }
      return answerFile(request, response, path, assets);
    }),
  );
  http.on('upgrade', (request, socket, head) => host.upgrade(request, socket, head));
  http.on('clientError', refuseMalformed);

  const sweeper = await expireIdleRooms(host, options);
  const url = await listen(http, options.port ?? 1999, options.host ?? '127.0.0.1');
  return {
    url,
    http,
    host,
    storage,
    async close() {
      clearInterval(sweeper);
      loopDelay.disable();
      http.close();
      await host.close();
      await storage.close();
      http.closeAllConnections();
    },
  };
}

/** The socket host with its one party: a `PlenumRoom` per room, on the cluster's log in cluster mode. */
function roomHost(
  options: ServerOptions,
  allowOrigin: (request: IncomingMessage) => boolean,
): PartyHost<PlenumRoom> {
  const { storage, cluster, now } = options;
  const ipLimits = new IpLimits({
    ratePerSecond: options.limitIpRate ?? defaultIpLimits.ratePerSecond,
    burst: options.limitIpBurst ?? defaultIpLimits.burst,
    sockets: options.limitIpSockets ?? defaultIpLimits.sockets,
    trustProxy: options.trustProxy ?? false,
    now,
  });
  const room: PlenumRoomOptions = {
    storage,
    now,
    helloTimeoutMs: options.helloTimeoutMs,
    questionsPerMinute: options.limitQuestions,
    caps: options.caps,
    retentionMs: options.retentionMs,
    roomDefaults: options.roomDefaults,
    ...(cluster && { journal: (context) => new ClusterJournal(cluster.room(context.room), context) }),
  };
  return new PartyHost({
    parties: {
      [roomParty]: {
        exists: (id) =>
          storage.getRoom(id) !== undefined ||
          (storage.findRoom?.(id).then((meta) => meta !== undefined) ?? false),
        create: (party) => new PlenumRoom(party, room),
      },
    },
    allowOrigin,
    ipLimits,
    heartbeatMs: options.heartbeatMs,
    idleEvictMs: options.idleEvictMs,
  });
}

function apiContext(options: ServerOptions, host: PartyHost<PlenumRoom>): ApiContext {
  return {
    storage: options.storage,
    host,
    adminToken: options.adminToken,
    retentionMs: options.retentionMs,
    roomDefaults: options.roomDefaults,
    creationLimit: new CreationLimit(options.roomCreationsPerMinute ?? defaultRoomCreationsPerMinute),
    maxRooms: options.maxRooms ?? defaultMaxRooms,
    clientAddress: (request) => networkOf(clientAddress(request, options.trustProxy ?? false)),
  };
}

/** A request handler whose failures answer that request (an HttpError as itself, anything else 500). */
function answering(
  route: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    // A client that resets mid-request fails its own streams: that ends this request only.
    request.on('error', () => response.destroy());
    response.on('error', () => response.destroy());
    setBaseHeaders(response);
    route(request, response).catch((error: unknown) => {
      if (response.headersSent || response.destroyed) return response.destroy();
      if (error instanceof HttpError) {
        if (error.code === 'bad_target') console.warn(`plenum: refused a request: ${error.message}`);
        return sendError(response, error);
      }
      console.error('plenum: request failed', error);
      sendError(response, new HttpError(500, 'internal', 'Something went wrong on the server.'));
    });
  };
}

/** `/api/…`: CORS for the allowed origins, then the API itself (api.ts). */
function answerApi(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  context: ApiContext,
  allowOrigin: (request: IncomingMessage) => boolean,
): Promise<void> {
  response.setHeader('Content-Security-Policy', dataPolicy);
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (!allowOrigin(request)) throw new HttpError(403, 'origin', `Origin ${origin} is not allowed.`);
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Vary', 'Origin');
    response.setHeader('Access-Control-Allow-Headers', `Authorization, Content-Type, ${passcodeHeader}`);
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE');
  }
  if (request.method === 'OPTIONS') return Promise.resolve(void response.writeHead(204).end());
  return handleApi(request, response, path.slice(5).split('/').filter(Boolean), context);
}

/** The bundle, the demo page and the console, from their files. */
async function answerFile(request: IncomingMessage, response: ServerResponse, path: string, assets: Assets) {
  const file = assetFor(path, assets);
  // plenum.js, and the chunks it loads on demand next to it.
  const bundle = file !== undefined && dirname(file) === dirname(assets.bundle) && file.endsWith('.js');
  const page = file?.endsWith('.html');
  const served =
    file !== undefined &&
    (await serveFile(request, response, file, {
      crossOrigin: bundle,
      cacheControl: bundle ? 'public, max-age=300, stale-while-revalidate=86400' : 'no-cache',
      headers: page ? { 'Content-Security-Policy': pagePolicy(request, { inlineStyles: path === '/' }) } : {},
    }));
  if (!served) throw new HttpError(404, 'not_found', `Nothing at ${path}.`);
}

/** Erases rooms idle past the retention now, then every `retentionSweepMs`; the timer, if any. */
async function expireIdleRooms(host: PartyHost, options: ServerOptions): Promise<NodeJS.Timeout | undefined> {
  const retentionMs = options.retentionMs ?? 0;
  if (retentionMs <= 0) return undefined;
  const sweep = async () => {
    const expired = await expireRooms(options.storage, host, retentionMs);
    if (expired.length) await options.onExpired?.(expired);
  };
  await sweep();
  const sweeper = setInterval(
    () => {
      sweep().catch((error: unknown) => console.error('plenum: expiring rooms failed', error));
    },
    options.retentionSweepMs ?? 60 * 60 * 1000,
  );
  sweeper.unref();
  return sweeper;
}

/** Listens, and resolves with the URL it listens on. */
async function listen(http: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  // Once listening, a failed accept (e.g. out of file descriptors under a flood) costs that
  // connection, not the server.
  http.on('error', (error) => console.error(`plenum: ${error.message}`));
  const address = http.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${hostname}:${address.port}`;
}
