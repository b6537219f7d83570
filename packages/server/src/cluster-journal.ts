/**
 * Cluster mode (cluster/): the room's log is shared in Redis. The room is its log (the latest
 * snapshot plus the tail) folded with the caps every node shares; an action is appended
 * first and applied when its entry is folded, in log order, on every node alike. Presence is
 * the room's too: joins and leaves of every node's sockets are in the log.
 */
import {
  createRoom,
  join,
  leave,
  type Action,
  type Actor,
  type RoomRecord,
  type ServerMessage,
} from '@plenum/protocol';
import { error } from './answers.js';
import { RoomGoneError, type Folded, type RoomLog } from './cluster/room-log.js';
import {
  actionEntry,
  storesPresence,
  type ActionEntry,
  type JournalContext,
  type JournalOwner,
  type PresenceEntry,
  type RoomJournal,
} from './journal.js';
import type { RoomMeta } from './storage/storage.js';

interface Waiting {
  resolve(answer: ServerMessage): void;
  network?: string;
}

export class ClusterJournal implements RoomJournal {
  record!: RoomRecord;
  #owner!: JournalOwner;
  /** This node's actions waiting for their entry to be folded. */
  readonly #waiting = new Map<string, Waiting>();

  constructor(
    readonly log: RoomLog,
    readonly context: JournalContext,
  ) {}

  /** Loads the room; whatever other nodes append from now on is folded as it comes. */
  async open(meta: RoomMeta, owner: JournalOwner): Promise<void> {
    this.#owner = owner;
    this.record = createRoom({ ...meta, caps: this.context.caps });
    await this.log.open({
      fold: (entries) => this.#fold(entries),
      record: () => this.record,
      reset: (record) => this.#reset(record),
    });
  }

  /**
   * The action goes into the room's log first; it is applied when its entry is folded (here
   * as on every node), and answered once the append has returned and the entry was folded,
   * with what applying it gave. A re-sent action is logged once (the script dedupes by
   * participant and action id), so it gets its first answer.
   */
  act(action: Action, actor: Actor, network?: string): Promise<ServerMessage> {
    const key = actionKey(actor.participant, action.id);
    const folded = new Promise<ServerMessage>((resolve) =>
      this.#waiting.set(key, { resolve, ...(network !== undefined && { network }) }),
    );
    const answer = this.log.append(actionEntry(action, actor, this.context.now()), key).then(
      ({ seq, newId: made }) => {
        if (!this.#waiting.has(key) || this.log.folded < seq) return folded;
        // Folded before this node hosted the room (it began from a later snapshot): the log's
        // dedupe kept the id the action created, which is what the first ack carried.
        this.#waiting.delete(key);
        const { questions, polls, quizzes, surveys } = this.record;
        const kept =
          made !== undefined && [questions, polls, quizzes, surveys].some((items) => items.has(made));
        return { type: 'ack' as const, id: action.id, ...(kept && { result: { id: made } }) };
      },
      (failure: unknown) => this.#unlogged(key, action, actor, failure),
    );
    this.context.seen.remember(actor.participant, action.id, answer);
    return answer;
  }

  /** Applied when folded, like every node's. */
  presence(participant: string, presence: PresenceEntry['presence']): void {
    if (!storesPresence(this.record)) return;
    this.log.append({ at: this.context.now(), participant, presence }).catch(() => undefined);
  }

  /** Its appends are grouped by the room log (cluster/room-log.ts), not on a tick's call. */
  storeNow(): undefined {
    return undefined;
  }

  close(): Promise<void> {
    return this.log.close();
  }

  #unlogged(key: string, action: Action, actor: Actor, failure: unknown): ServerMessage {
    this.#waiting.delete(key);
    this.context.seen.forget(actor.participant, action.id);
    return failure instanceof RoomGoneError
      ? error('unknown_room', 'This room no longer exists.', action.id)
      : error('unavailable', 'The server cannot store actions right now; it keeps trying.', action.id);
  }

  /** Entries of the log, in order, from any node (this one included). */
  #fold(entries: Folded[]): void {
    for (const { entry } of entries) {
      if ('presence' in entry) this.#foldPresence(entry);
      else this.#foldAction(entry);
    }
  }

  #foldPresence(entry: PresenceEntry): void {
    (entry.presence === 'join' ? join : leave)(this.record, entry.participant, entry.at);
    this.#owner.presenceChanged(entry.at);
  }

  #foldAction(entry: ActionEntry): void {
    const key = actionKey(entry.participant, entry.action.id);
    const waiting = this.#waiting.get(key);
    this.#waiting.delete(key);
    const answer = this.#owner.apply(entry, waiting?.network);
    this.context.seen.remember(entry.participant, entry.action.id, answer);
    waiting?.resolve(answer);
  }

  /** Started over from a snapshot (the log was trimmed past this node). */
  #reset(record: RoomRecord): void {
    this.record = record;
    record.caps = this.context.caps;
    this.#owner.resyncAll();
  }
}

const actionKey = (participant: string, id: string) => `${participant}\0${id}`;
