/**
 * One Node process serves everything: the embed bundle, the demo page, the console, the
 * HTTP API, and the rooms' WebSockets.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { handleApi, passcodeHeader } from './api.js';
import { CreationLimit, defaultMaxRooms, defaultRoomCreationsPerMinute } from './creation-limit.js';
import { RoomHost } from './host.js';
import { HttpError, sendError, sendJson } from './http-util.js';
import { PlenumRoom } from './plenum-room.js';
import { expireRooms } from './retention.js';
import { serveFile } from './static.js';
import type { Storage } from './storage/storage.js';

export interface ServerOptions {
  storage: Storage;
  port?: number;
  host?: string;
  /** Origins allowed to open sockets and call the API; empty allows any. */
  origins?: string[];
  adminToken?: string;
  /** Where the built assets are; defaults to this monorepo's build output. */
  assets?: Partial<Assets>;
  heartbeatMs?: number;
  idleEvictMs?: number;
  /** Rooms idle this long are erased (checked at start and then every `retentionSweepMs`); 0 keeps them. */
  retentionMs?: number;
  retentionSweepMs?: number;
  /** Rooms one address may create per minute without the admin token (default 10; 0: no limit). */
  roomCreationsPerMinute?: number;
  /** Rooms the server holds at most (default 10,000; 0: no cap); past it creation answers 507. */
  maxRooms?: number;
  /** Told which rooms expired, e.g. to log them; awaited before the server goes on. */
  onExpired?: (rooms: string[]) => void | Promise<void>;
}

interface Assets {
  /** plenum.js */
  bundle: string;
  /** Folders of the demo page (served at /) and the built console (at /console). */
  demo: string;
  console: string;
}

const defaultAssets: Assets = {
  bundle: fileURLToPath(new URL('../../elements/dist/bundle/plenum.js', import.meta.url)),
  demo: fileURLToPath(new URL('../../../apps/demo/', import.meta.url)),
  console: fileURLToPath(new URL('../../../apps/console/dist/', import.meta.url)),
};

/** The file behind a static path: plain names only, so no path can climb out of a folder. */
function assetFor(path: string, assets: Assets): string | undefined {
  if (path === '/plenum.js') return assets.bundle;
  if (path === '/') return join(assets.demo, 'index.html');
  if (path === '/console' || path === '/console/') return join(assets.console, 'index.html');
  const match = /^\/(console\/)?([\w-]+\.(?:js|css|svg))$/.exec(path);
  return match ? join(match[1] ? assets.console : assets.demo, match[2]!) : undefined;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export interface PlenumServer {
  /** e.g. http://127.0.0.1:1999 */
  url: string;
  http: Server;
  host: RoomHost;
  storage: Storage;
  /** Stops accepting, flushes storage, closes sockets with 1001. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<PlenumServer> {
  const { storage } = options;
  const assets = { ...defaultAssets, ...options.assets };
  const origins = new Set(options.origins ?? []);
  const allowOrigin = (origin: string | undefined) =>
    origins.size === 0 || origin === undefined || origins.has(origin);

  // How long the event loop was blocked: the number that says whether a room feels live.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();

  const host = new RoomHost({
    parties: {
      main: {
        exists: (room) => storage.getRoom(room) !== undefined,
        create: (room) => new PlenumRoom(room, { storage }),
      },
    },
    allowOrigin,
    heartbeatMs: options.heartbeatMs,
    idleEvictMs: options.idleEvictMs,
  });

  const creationLimit = new CreationLimit(options.roomCreationsPerMinute ?? defaultRoomCreationsPerMinute);

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path.startsWith('/api/')) {
      const origin = request.headers.origin;
      if (origin !== undefined) {
        if (!allowOrigin(origin)) throw new HttpError(403, 'origin', `Origin ${origin} is not allowed.`);
        response.setHeader('Access-Control-Allow-Origin', origin);
        response.setHeader('Vary', 'Origin');
        response.setHeader('Access-Control-Allow-Headers', `Authorization, Content-Type, ${passcodeHeader}`);
        response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE');
      }
      if (request.method === 'OPTIONS') return void response.writeHead(204).end();
      return handleApi(request, response, path.slice(5).split('/').filter(Boolean), {
        storage,
        host,
        adminToken: options.adminToken,
        retentionMs: options.retentionMs,
        creationLimit,
        maxRooms: options.maxRooms ?? defaultMaxRooms,
        clientAddress: (request) => request.socket.remoteAddress ?? 'unknown',
      });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new HttpError(405, 'method_not_allowed', 'Only GET here.');
    }
    if (path === '/healthz') {
      const health = {
        ok: true,
        rooms: host.roomCount,
        eventLoopDelayMaxMs: round(loopDelay.max / 1e6),
        eventLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6),
      };
      if (url.searchParams.has('reset')) loopDelay.reset();
      return sendJson(response, 200, health);
    }
    const file = assetFor(path, assets);
    const served =
      file !== undefined &&
      (await serveFile(request, response, file, {
        crossOrigin: file === assets.bundle,
        cacheControl:
          file === assets.bundle ? 'public, max-age=300, stale-while-revalidate=86400' : 'no-cache',
      }));
    if (!served) throw new HttpError(404, 'not_found', `Nothing at ${path}.`);
  }

  const http = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      if (error instanceof HttpError) return sendError(response, error);
      console.error('plenum: request failed', error);
      sendError(response, new HttpError(500, 'internal', 'Something went wrong on the server.'));
    });
  });
  http.on('upgrade', (request, socket, head) => host.upgrade(request, socket, head));

  const retentionMs = options.retentionMs ?? 0;
  const sweep = async () => {
    const expired = await expireRooms(storage, host, retentionMs);
    if (expired.length) await options.onExpired?.(expired);
  };
  let sweeper: NodeJS.Timeout | undefined;
  if (retentionMs > 0) {
    await sweep();
    sweeper = setInterval(
      () => {
        sweep().catch((error: unknown) => console.error('plenum: expiring rooms failed', error));
      },
      options.retentionSweepMs ?? 60 * 60 * 1000,
    );
    sweeper.unref();
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 1999, options.host ?? '127.0.0.1', resolve);
  });
  const address = http.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${hostname}:${address.port}`,
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
