import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apply, defaultCaps, type ServerMessage } from '@plenum/protocol';
import { error } from './answers.js';
import type { ActionEntry, JournalOwner } from './journal.js';
import { LocalJournal } from './local-journal.js';
import { createRoomRecord } from './rooms.js';
import { SeenActions } from './seen-actions.js';
import { MemoryStorage } from './storage/memory.js';
import { SqliteStorage } from './storage/sqlite.js';
import type { Storage } from './storage/storage.js';

const alice = { participant: 'alice-0123456789', host: false };

/** A journal on `storage` whose owner applies actions plainly and notes what it was told. */
function journalOn(storage: Storage, room: string, now = 5000) {
  const seen = new SeenActions();
  const journal = new LocalJournal({
    room,
    storage,
    now: () => now,
    caps: { ...defaultCaps, questions: 1 },
    seen,
  });
  const told: string[] = [];
  const owner: JournalOwner = {
    apply(entry: ActionEntry): ServerMessage {
      told.push(`apply ${entry.action.type}`);
      const outcome = apply(journal.record, entry.action, entry, entry.at, entry.newId);
      if (!outcome.ok) return error(outcome.code, outcome.message, entry.action.id);
      return { type: 'ack', id: entry.action.id, ...(outcome.result && { result: outcome.result }) };
    },
    presenceChanged: (at) => void told.push(`online at ${at}`),
    resyncAll: () => void told.push('resync'),
  };
  journal.open(storage.getRoom(room)!, owner);
  return { journal, seen, told };
}

describe('the local journal', () => {
  it('applies an action now and answers once its entry is stored; a refused one is neither stored nor remembered', async () => {
    const storage = new MemoryStorage();
    const { meta } = createRoomRecord(storage, { title: 'Unit' });
    const { journal, seen, told } = journalOn(storage, meta.id);
    const asked = await journal.act({ type: 'ask', id: 'a1', text: 'Gespeichert?' }, alice);
    expect(asked).toMatchObject({
      type: 'ack',
      id: 'a1',
      result: { id: expect.stringMatching(/^q[0-9a-f]{12}$/) },
    });
    expect(told).toEqual(['apply ask']);
    expect(storage.load(meta.id)).toMatchObject([{ participant: alice.participant, action: { id: 'a1' } }]);
    expect(await seen.answer(alice.participant, 'a1')).toEqual(asked);

    // The room holds one question (its caps apply to what comes now): the second is refused.
    const refused = await journal.act({ type: 'ask', id: 'a2', text: 'Noch eine?' }, alice);
    expect(refused).toMatchObject({ type: 'error', code: 'room_full' });
    expect(storage.load(meta.id)).toHaveLength(1);
    expect(seen.has(alice.participant, 'a2')).toBe(false);
  });

  it('replays the log whole, whatever the caps, remembers each action’s answer, and logs the leaves of sockets a restart cut', () => {
    const storage = new MemoryStorage();
    const { meta } = createRoomRecord(storage, { title: 'Unit' });
    const first = journalOn(storage, meta.id);
    first.journal.presence(alice.participant, 'join');
    void first.journal.act({ type: 'ask', id: 'a1', text: 'Eins?' }, alice);
    // Logged before the cap was lowered: two questions in a room that now holds one.
    void storage.append(meta.id, {
      at: 6000,
      participant: alice.participant,
      host: false,
      action: { type: 'ask', id: 'a2', text: 'Zwei?' },
      newId: 'q000000000002',
    });

    const { journal, seen, told } = journalOn(storage, meta.id, 9000);
    expect([...journal.record.questions.values()].map((q) => q.text)).toEqual(['Eins?', 'Zwei?']);
    expect(journal.record.caps.questions).toBe(1);
    // Replayed, not applied: the room's owner hears of nothing, and nobody is online.
    expect(told).toEqual([]);
    expect(journal.record.presence.online).toBe(0);
    expect(storage.load(meta.id).at(-1)).toEqual({
      at: 9000,
      participant: alice.participant,
      presence: 'leave',
    });
    return expect(seen.answer(alice.participant, 'a2')).resolves.toEqual({
      type: 'ack',
      id: 'a2',
      result: { id: 'q000000000002' },
    });
  });

  it('applies presence now and tells its owner; it stores no more of it once the log is full', () => {
    const storage = new MemoryStorage();
    const { meta } = createRoomRecord(storage, { title: 'Unit' });
    const { journal, told } = journalOn(storage, meta.id);
    journal.presence(alice.participant, 'join');
    expect(journal.record.presence.online).toBe(1);
    expect(told).toEqual(['online at 5000']);
    journal.record.caps.log = 0;
    journal.presence(alice.participant, 'leave');
    expect(journal.record.presence.online).toBe(0);
    expect(storage.load(meta.id).map((entry) => 'presence' in entry && entry.presence)).toEqual(['join']);
  });
});

describe('the local journal on SQLite', () => {
  it('closes once what it committed last is durable, its answer given by then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenum-journal-'));
    const storage = new SqliteStorage(dir);
    try {
      createRoomRecord(storage, { room: 'r1', title: 'Room', moderation: 'post' }, 1000);
      const { journal } = journalOn(storage, 'r1');
      let answer: ServerMessage | undefined;
      void journal
        .act({ type: 'ask', id: 'a1', text: 'Kommt das an?' }, alice)
        .then((given) => (answer = given));
      // The group commit has not fired: closing commits it, and waits for its fdatasync.
      await journal.close();
      expect(answer).toMatchObject({ type: 'ack', id: 'a1' });
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
