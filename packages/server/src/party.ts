/**
 * A small PartyKit-style interface: one `Party` instance per live room, created on first
 * use, fed connections, messages and HTTP requests by the host, and evicted when idle.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Frame } from './frames.js';

/** One socket. `State` is what the party keeps per connection; the host never reads it. */
export interface Connection<State = unknown> {
  readonly id: string;
  /** Per-connection state, set by the party (undefined until it does). */
  state: State | undefined;
  /**
   * Sends text messages, in order and in one write. A `Frame` is sent as is: frame a
   * message for many connections once, rather than once per connection.
   */
  send(...messages: (string | Frame)[]): void;
  close(code?: number, reason?: string): void;
  /** Bytes queued but not yet sent: a slow client shows here first. */
  readonly bufferedAmount: number;
}

export interface Room<State = unknown> {
  readonly id: string;
  /** Sends one pre-serialised message to every connection, except those named. */
  broadcast(message: string | Frame, without?: readonly string[]): void;
  getConnections(): Iterable<Connection<State>>;
}

export interface ConnectionContext {
  request: IncomingMessage;
  /** The client's address (behind a trusted proxy, the one it forwarded); in memory only. */
  address: string;
}

export interface Party<State = unknown> {
  onStart?(): void | Promise<void>;
  onConnect?(connection: Connection<State>, context: ConnectionContext): void;
  onMessage?(message: string, connection: Connection<State>): void;
  onClose?(connection: Connection<State>): void;
  /**
   * An HTTP request for this room (the API's `/api/rooms/:room/…`); `path` is what follows
   * the room id. Throw an `HttpError` to refuse it.
   */
  onRequest?(request: IncomingMessage, response: ServerResponse, path: readonly string[]): Promise<void>;
  /** Called before eviction and on shutdown: flush what is pending. */
  onStop?(): void | Promise<void>;
}

/**
 * A kind of party, by the name in `/parties/:party/:room`. The host hands `create` a room
 * whose connections carry no state of the host's (`never`): each is the party's to type.
 */
export interface PartyType<P extends Party<never> = Party<never>> {
  /**
   * Whether a room exists; connections to other rooms are refused. A promise lets a node ask
   * further (cluster mode: Redis) for a room made on another node a moment ago.
   */
  exists(room: string): boolean | Promise<boolean>;
  create(room: Room<never>): P;
}
