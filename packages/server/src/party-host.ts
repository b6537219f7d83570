/**
 * The party host: routes WebSocket upgrades at `/parties/:party/:room` to one party instance
 * per room, keeps connections alive with heartbeats, and evicts idle rooms from memory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { closeCodes, limits, roomIdRule } from '@plenum/protocol';
import { Frame } from './frames.js';
import { HttpError, requestTarget } from './http-util.js';
import type { IpLimits } from './ip-limits.js';
import type { Connection, ConnectionContext, Party, PartyType, Room } from './party.js';

export { closeCodes };

export interface PartyHostOptions<P extends Party<never>> {
  parties: Record<string, PartyType<P>>;
  /** May this request's Origin open a socket? */
  allowOrigin(request: IncomingMessage): boolean;
  /** Per-IP limits on new and open sockets; also says who the client is. */
  ipLimits: IpLimits;
  heartbeatMs?: number;
  idleEvictMs?: number;
}

/**
 * Bytes a socket may have queued when something more is sent to it. Past it, the socket is
 * closed (1013) rather than left to grow the server: one that never reads costs at most this.
 * Rooms skip patches to a socket over it and resync it later, so only a socket that also
 * asks for more (acts, pages, says hello) while not reading meets the close.
 */
export const bufferLimitBytes = 1 << 20;

interface LiveRoom<P> {
  room: Room<never>;
  party: P;
  started: Promise<void>;
  connections: Map<string, SocketConnection>;
  evictTimer?: NodeJS.Timeout;
}

/**
 * A socket; its state is the party's (see `PartyType`). `ws` reads it, answers pings and
 * closes it; what the party sends is framed here (frames.ts) and written to the raw socket,
 * a frame at a time, so it never splits one of ws's own (unfragmented, uncompressed) frames.
 */
class SocketConnection implements Connection<never> {
  state: undefined = undefined;
  alive = true;
  constructor(
    readonly id: string,
    readonly socket: WebSocket,
    readonly raw: Duplex,
  ) {}
  send(...messages: (string | Frame)[]): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > bufferLimitBytes)
      return this.close(closeCodes.tryAgainLater, 'Not reading; try again later');
    this.raw.write(Frame.join(messages));
  }
  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }
  /** Closes with 1001 and resolves once the client confirmed, or gave it up after a moment. */
  closeAndWait(ms = 1000): Promise<void> {
    if (this.socket.readyState === this.socket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.socket.terminate(), ms);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.close(closeCodes.goingAway, 'Server shutting down');
    });
  }
  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }
}

const partyPath = new RegExp(String.raw`^/parties/([a-z0-9-]+)/(${roomIdRule})/?$`);

export class PartyHost<P extends Party<never> = Party<never>> {
  readonly #wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.frameBytes, // larger frames close with 1009
    perMessageDeflate: false, // memory per connection matters more than bytes here
    clientTracking: false,
  });
  readonly #rooms = new Map<string, LiveRoom<P>>();
  /** Connection ids are this process's count: unique here, and short (10,000 of them idle). */
  #connectionCount = 0;
  readonly #heartbeat: NodeJS.Timeout;
  #closing = false;

  constructor(readonly options: PartyHostOptions<P>) {
    this.#heartbeat = setInterval(() => this.#beat(), options.heartbeatMs ?? 25_000);
    this.#heartbeat.unref();
  }

  get roomCount(): number {
    return this.#rooms.size;
  }

  /**
   * Handles an HTTP upgrade; answers non-party paths with 404. Whatever the client sent, and
   * whenever it resets the connection, the failure ends this socket, never the process.
   */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node hands the raw socket over without its 'error' listener: a reset would be uncaught.
    socket.on('error', () => socket.destroy());
    try {
      this.#upgrade(request, socket, head);
    } catch (error) {
      if (error instanceof HttpError) {
        console.warn(`plenum: refused an upgrade: ${error.message}`);
        return refuseUpgrade(socket, error.status, 'Bad Request');
      }
      console.error('plenum: an upgrade failed', error);
      socket.destroy();
    }
  }

  #upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const match = partyPath.exec(requestTarget(request).pathname);
    const type = match && this.options.parties[match[1]!];
    if (this.#closing) return refuseUpgrade(socket, 503, 'Shutting down');
    if (!match || !type) return refuseUpgrade(socket, 404, 'Not Found');
    if (!this.options.allowOrigin(request)) return refuseUpgrade(socket, 403, 'Forbidden');
    const admission = this.options.ipLimits.admit(request);
    if (!admission.ok) return refuseUpgrade(socket, 429, 'Too Many Requests', admission.retryAfterS);
    socket.once('close', admission.release);
    this.#wss.handleUpgrade(request, socket, head, (ws) => {
      const roomId = match[2]!;
      const key = `${match[1]}/${roomId}`;
      const accept = async () => {
        const known = type.exists(roomId);
        if (known instanceof Promise) {
          // Asking further (cluster mode): what the client sends meanwhile waits unread.
          ws.on('error', () => ws.terminate());
          ws.pause();
          const found = await known;
          ws.resume();
          if (!found) return ws.close(closeCodes.unknownRoom, 'Unknown room');
        } else if (!known) return ws.close(closeCodes.unknownRoom, 'Unknown room');
        const connection = new SocketConnection(`c${++this.#connectionCount}`, ws, socket);
        await this.#accept(key, roomId, type, connection, { request, address: admission.address });
      };
      accept().catch((error: unknown) => {
        console.error(`plenum: room ${key} failed to accept a connection`, error);
        ws.terminate();
      });
    });
  }

  /** A live room's party, created on first use (for HTTP requests that need it). */
  async party(partyName: string, roomId: string): Promise<P | undefined> {
    const type = this.options.parties[partyName];
    if (!type || !(await type.exists(roomId))) return undefined;
    const live = this.#live(`${partyName}/${roomId}`, roomId, type);
    await live.started;
    this.#scheduleEviction(`${partyName}/${roomId}`, live);
    return live.party;
  }

  /**
   * Hands an HTTP request for a room to its party (started first if it is not live).
   * Resolves false when there is no such room, or its party answers no requests.
   */
  async request(
    partyName: string,
    roomId: string,
    request: IncomingMessage,
    response: ServerResponse,
    path: readonly string[],
  ): Promise<boolean> {
    const party = await this.party(partyName, roomId);
    if (!party?.onRequest) return false;
    await party.onRequest(request, response, path);
    return true;
  }

  /** Open sockets in a room; 0 when it is not in memory. */
  connectionCount(partyName: string, roomId: string): number {
    return this.#rooms.get(`${partyName}/${roomId}`)?.connections.size ?? 0;
  }

  /** Drops a room from memory at once, closing its sockets (e.g. when it was erased). */
  async evict(partyName: string, roomId: string, code: number = closeCodes.unknownRoom): Promise<void> {
    const key = `${partyName}/${roomId}`;
    const live = this.#rooms.get(key);
    if (!live) return;
    this.#rooms.delete(key);
    clearTimeout(live.evictTimer);
    for (const connection of live.connections.values()) connection.close(code, 'Room closed');
    await live.party.onStop?.();
  }

  /**
   * Stops accepting, lets every party flush, sends the acks that flush settled, then closes
   * sockets with 1001 and waits (briefly) for the clients to confirm.
   */
  async close(): Promise<void> {
    this.#closing = true;
    clearInterval(this.#heartbeat);
    const rooms = [...this.#rooms.values()];
    this.#rooms.clear();
    for (const live of rooms) {
      clearTimeout(live.evictTimer);
      await live.started.catch(() => undefined);
      await live.party.onStop?.();
    }
    // Acks resolved by the final flush are sent from promise callbacks: let them run first.
    await new Promise((resolve) => setImmediate(resolve));
    const closing = rooms.flatMap((live) => [...live.connections.values()].map((c) => c.closeAndWait()));
    await Promise.all(closing);
  }

  #live(key: string, roomId: string, type: PartyType<P>): LiveRoom<P> {
    const live = this.#rooms.get(key);
    if (live) return live;
    const connections = new Map<string, SocketConnection>();
    const room: Room<never> = {
      id: roomId,
      broadcast(text, without) {
        const message = typeof text === 'string' ? Frame.text(text) : text;
        for (const connection of connections.values()) {
          if (!without?.includes(connection.id)) connection.send(message);
        }
      },
      getConnections: () => connections.values(),
    };
    const party = type.create(room);
    // A throwing onStart becomes a rejection the callers handle, and a room that failed to
    // load is forgotten, so the next visitor tries again instead of meeting a dead instance.
    const started = (async () => party.onStart?.())();
    const entry: LiveRoom<P> = { room, party, connections, started };
    started.catch((error: unknown) => {
      if (this.#rooms.get(key) === entry) this.#rooms.delete(key);
      console.error(`plenum: room ${key} failed to load`, error);
    });
    this.#rooms.set(key, entry);
    return entry;
  }

  async #accept(
    key: string,
    roomId: string,
    type: PartyType<P>,
    connection: SocketConnection,
    context: ConnectionContext,
  ): Promise<void> {
    const ws = connection.socket;
    const live = this.#live(key, roomId, type);
    clearTimeout(live.evictTimer);
    live.connections.set(connection.id, connection);
    // Messages that arrive while the room loads wait in order instead of being dropped.
    const early: string[] = [];
    const onEarly = (data: Buffer) => early.push(data.toString());
    ws.on('message', onEarly);
    ws.on('pong', () => (connection.alive = true));
    ws.on('error', () => ws.terminate());
    ws.on('close', () => this.#closed(key, live, connection));
    try {
      await live.started;
    } catch {
      ws.close(1011, 'Room failed to load');
      return;
    }
    if (ws.readyState !== ws.OPEN) return;
    ws.off('message', onEarly);
    live.party.onConnect?.(connection, context);
    const deliver = (message: string) => this.#deliver(key, live, connection, message);
    ws.on('message', (data: Buffer, isBinary) => deliver(isBinary ? '' : data.toString()));
    for (const message of early) deliver(message);
  }

  /** A party's bug must cost one message, not the process and every room in it. */
  #deliver(key: string, live: LiveRoom<P>, connection: SocketConnection, message: string): void {
    try {
      live.party.onMessage?.(message, connection);
    } catch (error) {
      console.error(`plenum: room ${key} failed on a message`, error);
    }
  }

  #closed(key: string, live: LiveRoom<P>, connection: SocketConnection): void {
    live.connections.delete(connection.id);
    // An evicted or erased room has stopped: it must not log anything more.
    if (this.#rooms.get(key) !== live) return;
    try {
      live.party.onClose?.(connection);
    } catch (error) {
      console.error(`plenum: room ${key} failed on a close`, error);
    }
    this.#scheduleEviction(key, live);
  }

  #scheduleEviction(key: string, live: LiveRoom<P>): void {
    clearTimeout(live.evictTimer);
    if (live.connections.size > 0 || this.#closing) return;
    live.evictTimer = setTimeout(() => {
      if (live.connections.size > 0 || this.#rooms.get(key) !== live) return;
      this.#rooms.delete(key);
      void live.party.onStop?.();
    }, this.options.idleEvictMs ?? 60_000);
    live.evictTimer.unref();
  }

  /** Pings every socket; one that did not answer the previous ping is dropped. */
  #beat(): void {
    for (const live of this.#rooms.values()) {
      for (const connection of live.connections.values()) {
        if (!connection.alive) {
          connection.socket.terminate();
          continue;
        }
        connection.alive = false;
        connection.socket.ping();
      }
    }
  }
}

function refuseUpgrade(socket: Duplex, status: number, text: string, retryAfterS?: number): void {
  const retry = retryAfterS === undefined ? '' : `Retry-After: ${retryAfterS}\r\n`;
  socket.end(`HTTP/1.1 ${status} ${text}\r\n${retry}Connection: close\r\nContent-Length: 0\r\n\r\n`);
}
