import { describe, expect, it } from 'vitest';
import { noCaps, type RoomCaps } from './caps.js';
import type { Action, ActionInput } from './messages.js';
import { apply, createRoom, roomView, type Actor, type ApplyResult, type RoomRecord } from './model.js';
import { join } from './presence.js';

const host: Actor = { participant: 'host-participant-0001', host: true };
const person = (n: number): Actor => ({ participant: `person-${String(n).padStart(12, '0')}`, host: false });
const alice = person(1);

let actions = 0;
const act = (room: RoomRecord, action: ActionInput, actor: Actor = alice): ApplyResult =>
  apply(room, { ...action, id: `a${++actions}` } as Action, actor, 1_000);
const room = (caps: Partial<RoomCaps>) => createRoom({ id: 'room', createdAt: 0, caps });
/** Everything a reader could see, to show a refusal changed nothing. */
const everything = (record: RoomRecord) =>
  JSON.stringify([roomView(record, 0, { host: true }), record.entries]);

describe('room caps', () => {
  it('refuses the question past the cap with room_full, and frees a place when one is deleted', () => {
    const record = room({ questions: 3 });
    for (let i = 1; i <= 3; i++) expect(act(record, { type: 'ask', text: `Q${i}` }).ok).toBe(true);
    const before = everything(record);
    const refused = act(record, { type: 'ask', text: 'One too many' }, host);
    expect(refused).toEqual({
      ok: false,
      code: 'room_full',
      message: 'This room is full: it holds its limit of 3 questions.',
    });
    expect(everything(record)).toBe(before);
    expect(roomView(record, 0, { host: true }).full).toEqual({ questions: 3 });
    // The public never hears of the caps.
    expect(roomView(record, 0).full).toBeUndefined();
    expect(act(record, { type: 'delete', question: 'q1' }).ok).toBe(true);
    expect(roomView(record, 0, { host: true }).full).toEqual({});
    expect(act(record, { type: 'ask', text: 'Now there is room' }).ok).toBe(true);
  });

  it('refuses the poll past the cap, with the number in words', () => {
    const record = room({ polls: 2 });
    const poll = { type: 'poll-create', title: 'P', kind: 'rating' } as const;
    expect(act(record, poll, host).ok).toBe(true);
    expect(act(record, poll, host).ok).toBe(true);
    const before = everything(record);
    expect(act(record, poll, host)).toMatchObject({
      code: 'room_full',
      message: 'This room is full: it holds its limit of 2 polls.',
    });
    expect(everything(record)).toBe(before);
    expect(roomView(record, 0, { host: true }).full).toEqual({ polls: 2 });
  });

  it('takes no new open answer past the cap, but still counts an answer already given', () => {
    const record = room({ openAnswers: 2 });
    act(record, { type: 'poll-create', title: 'One word', kind: 'open' }, host);
    act(record, { type: 'poll-update', poll: 'p1', status: 'open' }, host);
    expect(act(record, { type: 'vote', poll: 'p1', choice: 'Klima' }, person(1)).ok).toBe(true);
    expect(act(record, { type: 'vote', poll: 'p1', choice: 'Verkehr' }, person(2)).ok).toBe(true);
    const before = everything(record);
    const refused = act(record, { type: 'vote', poll: 'p1', choice: 'Wohnen' }, person(3));
    expect(refused).toMatchObject({ ok: false, code: 'room_full' });
    expect(!refused.ok && refused.message).toContain('2 different answers');
    expect(everything(record)).toBe(before);
    // Same answer, other spelling: it is one of the two already there.
    expect(act(record, { type: 'vote', poll: 'p1', choice: '  klima ' }, person(3)).ok).toBe(true);
    expect(roomView(record, 0, { host: true }).full).toEqual({ openAnswers: 2 });
  });

  it('closes a full log to participants, keeps it open to the host, and counts joins as entries', () => {
    const record = room({ log: 4 });
    join(record, alice.participant, 1);
    act(record, { type: 'ask', text: 'First' });
    act(record, { type: 'react', emoji: '👍' });
    act(record, { type: 'upvote', question: 'q1' }, person(2));
    expect(record.entries).toBe(4);
    const before = everything(record);
    expect(act(record, { type: 'react', emoji: '👍' })).toMatchObject({
      code: 'room_full',
      message: 'This room is full: its log holds its limit of 4 entries.',
    });
    expect(everything(record)).toBe(before);
    // A refused action is not logged, so it does not count.
    expect(record.entries).toBe(4);
    expect(act(record, { type: 'moderate', question: 'q1', status: 'answered' }, host).ok).toBe(true);
    expect(roomView(record, 0, { host: true }).full).toEqual({ log: 4 });
  });

  it('replays the accepted actions to the same room with or without caps', () => {
    const capped = room({ questions: 5, polls: 1 });
    const log: [Action, Actor][] = [];
    for (let i = 0; i < 8; i++) {
      const action = { type: 'ask', text: `Q${i}`, id: `ask-${i}` } as Action;
      if (apply(capped, action, person(i), 1_000).ok) log.push([action, person(i)]);
    }
    for (let i = 0; i < 2; i++) {
      const action = { type: 'poll-create', title: `P${i}`, kind: 'open', id: `poll-${i}` } as Action;
      if (apply(capped, action, host, 1_000).ok) log.push([action, host]);
    }
    expect(log).toHaveLength(6);
    for (const caps of [{ questions: 5, polls: 1 }, noCaps]) {
      const replayed = room(caps);
      for (const [action, actor] of log) expect(apply(replayed, action, actor, 1_000).ok).toBe(true);
      expect(JSON.stringify(roomView(replayed, 0, { host: true }).questions)).toBe(
        JSON.stringify(roomView(capped, 0, { host: true }).questions),
      );
      expect(replayed.entries).toBe(capped.entries);
    }
  });
});
