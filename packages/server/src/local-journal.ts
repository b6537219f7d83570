/**
 * One process: the room's log is in its storage (SQLite, or memory in tests). The room is
 * its log replayed; an action is applied at once and answered once its entry is committed.
 */
import {
  apply,
  createRoom,
  join,
  leave,
  noCaps,
  type Action,
  type Actor,
  type RoomRecord,
  type ServerMessage,
} from '@plenum/protocol';
import { error } from './answers.js';
import {
  actionEntry,
  storesPresence,
  type JournalContext,
  type JournalOwner,
  type PresenceEntry,
  type RoomJournal,
} from './journal.js';
import type { LogEntry, RoomMeta } from './storage/storage.js';

export class LocalJournal implements RoomJournal {
  record!: RoomRecord;
  #owner!: JournalOwner;

  constructor(readonly context: JournalContext) {}

  open(meta: RoomMeta, owner: JournalOwner): void {
    this.#owner = owner;
    const { id, title, moderation, createdAt } = meta;
    // What is stored stays: a log replays whole, even after an operator lowered a cap.
    this.record = createRoom({ id, title, moderation, createdAt, caps: noCaps });
    for (const entry of this.context.storage.load(this.context.room)) this.#replay(entry);
    this.#leaveAll(this.context.now());
    // Only accepted actions are logged, so the same log replays to the same room under any caps.
    this.record.caps = this.context.caps;
  }

  act(action: Action, actor: Actor, network?: string): Promise<ServerMessage> {
    const entry = actionEntry(action, actor, this.context.now());
    const answer = this.#owner.apply(entry, network);
    // A refused action is not logged, nor remembered: sent again, it is tried again.
    if (answer.type === 'error') return Promise.resolve(answer);
    const stored = this.context.storage.append(this.context.room, entry).then(
      () => answer,
      () => error('internal', 'Could not store the action; please try again.', action.id),
    );
    this.context.seen.remember(actor.participant, action.id, stored);
    return stored;
  }

  presence(participant: string, presence: PresenceEntry['presence']): void {
    const at = this.context.now();
    (presence === 'join' ? join : leave)(this.record, participant, at);
    this.#store({ at, participant, presence });
    // The newcomer's welcome already counts them; everyone else hears it within a second.
    this.#owner.presenceChanged(at);
  }

  storeNow(): Promise<void> | undefined {
    return this.context.storage.flush();
  }

  /**
   * Commits what waits and resolves once it is durable: the host sends the acks it settles
   * before it closes the sockets. A failed commit is answered to its actions, not here.
   */
  async close(): Promise<void> {
    await this.context.storage.flush()?.catch(() => undefined);
  }

  #replay(entry: LogEntry): void {
    if ('presence' in entry) {
      (entry.presence === 'join' ? join : leave)(this.record, entry.participant, entry.at);
      return;
    }
    const actor = { participant: entry.participant, host: entry.host };
    const outcome = apply(this.record, entry.action, actor, entry.at, entry.newId);
    // A re-sent action is answered as it was the first time, new question id included.
    const answer: ServerMessage = {
      type: 'ack',
      id: entry.action.id,
      ...(outcome.ok && outcome.result && { result: outcome.result }),
    };
    this.context.seen.remember(entry.participant, entry.action.id, answer);
  }

  /**
   * Connections open before a restart are gone. Their leaves are logged now, so a later
   * replay counts the same peaks instead of adding these to the next crowd.
   */
  #leaveAll(at: number): void {
    for (const [participant, open] of [...this.record.presence.connections]) {
      for (let i = 0; i < open; i++) {
        leave(this.record, participant, at);
        this.#store({ at, participant, presence: 'leave' });
      }
    }
  }

  #store(entry: PresenceEntry): void {
    if (storesPresence(this.record))
      this.context.storage.append(this.context.room, entry).catch(() => undefined);
  }
}
