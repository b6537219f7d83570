/**
 * A small PartyKit-style interface: one `Party` instance per live room, created on first
 * use, fed connections and messages by the host, and evicted when idle.
 */
import type { IncomingMessage } from 'node:http';

export interface Connection<State = unknown> {
  readonly id: string;
  /** Per-connection state, typed by the party. */
  state: State | undefined;
  /**
   * Sends a text message. A Buffer (UTF-8 JSON) is sent as is: encode a message for many
   * connections once, rather than once per connection.
   */
  send(message: string | Buffer): void;
  close(code?: number, reason?: string): void;
  /** Bytes queued but not yet sent: a slow client shows here first. */
  readonly bufferedAmount: number;
}

export interface Room {
  readonly id: string;
  /** Sends one pre-serialised message to every connection, except those named. */
  broadcast(message: string, without?: readonly string[]): void;
  getConnections(): Iterable<Connection>;
}

export interface ConnectionContext {
  request: IncomingMessage;
  /** The client's address (behind a trusted proxy, the one it forwarded); in memory only. */
  address: string;
}

export interface Party {
  onStart?(): void | Promise<void>;
  onConnect?(connection: Connection, context: ConnectionContext): void;
  onMessage?(message: string, connection: Connection): void;
  onClose?(connection: Connection): void;
  /** Called before eviction and on shutdown: flush what is pending. */
  onStop?(): void | Promise<void>;
}

export interface PartyType {
  /** Whether a room exists; connections to other rooms are refused. */
  exists(room: string): boolean;
  create(room: Room): Party;
}
