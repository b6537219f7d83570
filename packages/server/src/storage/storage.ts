/**
 * Where rooms live between restarts. A room is its metadata plus an append-only log of
 * what happened in it; replaying the log through the room model rebuilds the room exactly.
 */
import type { Action, Moderation } from '@plenum/protocol';

export interface RoomMeta {
  id: string;
  title: string;
  moderation: Moderation;
  /** SHA-256 of the host key; the key itself is never stored. */
  hostKeyHash: string;
  /** SHA-256 of the room's passcode (salted with the room id), when it has one. */
  passcodeHash?: string;
  createdAt: number;
}

export type LogEntry =
  /** `newId`: the random id the server gave what the action created (absent in older logs). */
  | { at: number; participant: string; host: boolean; action: Action; newId?: string }
  | {
      at: number;
      participant: string;
      presence: 'join' | 'leave';
      /** Cluster mode: the node whose socket it was, when another node logs the leave of a node that died. */
      of?: string;
    };

export interface Storage {
  /** The server's own secret (keyed tags such as tombstones): made once, kept with the data. */
  readonly secret: Buffer;
  createRoom(meta: RoomMeta): void;
  getRoom(id: string): RoomMeta | undefined;
  /** A room `getRoom` does not know (yet): cluster mode asks Redis for one made on another node a moment ago. */
  findRoom?(id: string): Promise<RoomMeta | undefined>;
  /**
   * Replaces a room's metadata (its passcode); the id stays. A promise (cluster mode) settles
   * once the change is durable, so nobody is told of a change that could still be lost.
   */
  updateRoom(meta: RoomMeta): void | Promise<void>;
  roomCount(): number;
  /** Every room (or the one named) with when it last saw anything: its last log entry, else its creation. */
  rooms(id?: string): { id: string; lastActiveAt: number }[];
  /** Erases the room and everything logged in it; a promise (cluster mode) settles once that is durable. */
  deleteRoom(id: string): void | Promise<void>;
  /** Keeps a tag (tombstones.ts) until `until`, or for good with null. */
  addTombstone(tag: string, until: number | null): void;
  hasTombstone(tag: string, now: number): boolean;
  removeTombstone(tag: string): void;
  /** Forgets the tags whose time is up. */
  pruneTombstones(now: number): void;
  /**
   * Appends to a room's log. Resolves once the entry is durably committed; entries from
   * a few milliseconds are grouped into one commit.
   */
  append(room: string, entry: LogEntry): Promise<void>;
  load(room: string): LogEntry[];
  /**
   * Commits whatever is pending now. A promise settled once everything committed so far is
   * durable, unless it all is already.
   */
  flush(): Promise<void> | undefined;
  /** Commits, then closes; once it resolves nothing touches the data directory any more. */
  close(): Promise<void>;
}
