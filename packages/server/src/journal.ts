/**
 * A room's journal: the log the room is rebuilt from, and the order in which an action is
 * applied, logged and answered. One seam, two kinds: `LocalJournal` (one process, the room's
 * log in its storage: applied at once, answered once stored) and `ClusterJournal` (several
 * nodes, the room's log in Redis: logged first, applied when folded, on every node alike).
 */
import { randomBytes } from 'node:crypto';
import {
  newIdPrefixes,
  type Action,
  type Actor,
  type RoomCaps,
  type RoomRecord,
  type ServerMessage,
} from '@plenum/protocol';
import type { SeenActions } from './seen-actions.js';
import type { LogEntry, RoomMeta, Storage } from './storage/storage.js';

export type ActionEntry = Extract<LogEntry, { action: Action }>;
export type PresenceEntry = Extract<LogEntry, { presence: string }>;

/** What a journal needs of its room. */
export interface JournalOwner {
  /** Applies an action with all it sets going (patches, network shares); the answer to send. */
  apply(entry: ActionEntry, network?: string): ServerMessage;
  /** Someone joined or left: the online count goes out. */
  presenceChanged(at: number): void;
  /** The room started over from a snapshot: whoever is connected missed what it skipped. */
  resyncAll(): void;
}

export interface JournalContext {
  room: string;
  storage: Storage;
  now: () => number;
  /** The caps the room holds to; a replayed log is not held to them (it was, when logged). */
  caps: RoomCaps;
  /** Action ids answered: the journal remembers every answer it gives. */
  seen: SeenActions;
}

export interface RoomJournal {
  /** The room as replayed and applied so far. */
  readonly record: RoomRecord;
  /** Loads the room from its log. */
  open(meta: RoomMeta, owner: JournalOwner): void | Promise<void>;
  /** Applies and logs an action; resolves with its answer once it is durably stored. */
  act(action: Action, actor: Actor, network?: string): Promise<ServerMessage>;
  /**
   * Commits what waits to be stored, now; if anything did, a promise settled once it is
   * durable (its answers are given just before). Undefined from a journal that cannot.
   */
  storeNow(): Promise<void> | undefined;
  /** A member of the audience joined or left. Presence feeds the report only: a lost entry fails nothing. */
  presence(participant: string, presence: PresenceEntry['presence']): void;
  /** Stores what is pending and lets go of the log. */
  close(): void | Promise<void>;
}

export function actionEntry(action: Action, actor: Actor, at: number): ActionEntry {
  const newId = newIdFor(action);
  return {
    at,
    participant: actor.participant,
    host: actor.host,
    action,
    ...(newId !== undefined && { newId }),
  };
}

/** A full log keeps counting who is here, but stores no more of it. */
export const storesPresence = (record: RoomRecord) => record.entries <= record.caps.log;

/**
 * A random id for what the action creates, logged with it so every replay gives the same.
 * Random, not counted: a count would tell anyone how many questions wait in review.
 */
function newIdFor(action: Action): string | undefined {
  const prefix = newIdPrefixes[action.type];
  return prefix && prefix + randomBytes(6).toString('hex');
}
