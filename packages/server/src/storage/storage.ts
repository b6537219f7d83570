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
  createdAt: number;
}

export type LogEntry =
  /** `newId`: the random id the server gave what the action created (absent in older logs). */
  | { at: number; participant: string; host: boolean; action: Action; newId?: string }
  | { at: number; participant: string; presence: 'join' | 'leave' };

export interface Storage {
  createRoom(meta: RoomMeta): void;
  getRoom(id: string): RoomMeta | undefined;
  /** Every room (or the one named) with when it last saw anything: its last log entry, else its creation. */
  rooms(id?: string): { id: string; lastActiveAt: number }[];
  /** Erases the room and everything logged in it. */
  deleteRoom(id: string): void;
  /**
   * Appends to a room's log. Resolves once the entry is durably committed; entries from
   * a few milliseconds are grouped into one commit.
   */
  append(room: string, entry: LogEntry): Promise<void>;
  load(room: string): LogEntry[];
  /** Commits whatever is pending now. */
  flush(): void;
  /** Commits, then closes; once it resolves nothing touches the data directory any more. */
  close(): Promise<void>;
}
