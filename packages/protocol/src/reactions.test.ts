import { describe, expect, it } from 'vitest';
import { limits } from './limits.js';
import { apply, createRoom, roomView, type Actor, type RoomRecord } from './model.js';
import { minuteOf } from './reactions.js';

const alice: Actor = { participant: 'alice-participant-001', host: false };
const bob: Actor = { participant: 'bob-participant-00001', host: false };

let actions = 0;
const react = (room: RoomRecord, emoji: string, now: number, actor = alice) =>
  apply(room, { type: 'react', id: `a${++actions}`, emoji }, actor, now);
const setup = () => createRoom({ id: 'room', createdAt: 1_000_000, emojis: ['👍', '🎉'] });

describe('react', () => {
  it('counts emoji from the room set and reports the delta', () => {
    const room = setup();
    expect(react(room, '👍', 1_000_000)).toEqual({ ok: true, changes: { reactions: { '👍': 1 } } });
    react(room, '👍', 1_000_500, bob);
    react(room, '🎉', 1_000_600);
    expect(roomView(room, 0).reactions).toEqual({ '👍': 2, '🎉': 1 });
  });

  it('refuses emoji outside the room set', () => {
    const room = setup();
    expect(react(room, '💩', 1_000_000)).toMatchObject({ ok: false, code: 'invalid' });
    expect(room.reactions).toEqual({});
  });

  it(`allows ${limits.reactionsPerSecond} per second per participant; the next one is rate_limited`, () => {
    const room = setup();
    const now = 1_002_000;
    for (let i = 0; i < limits.reactionsPerSecond; i++) expect(react(room, '👍', now).ok).toBe(true);
    expect(react(room, '👍', now)).toMatchObject({ ok: false, code: 'rate_limited' });
    // Others are not limited by alice's burst.
    expect(react(room, '👍', now, bob).ok).toBe(true);
    // A refill of one token takes 1000 / rate ms; after a whole second the full burst is back.
    expect(react(room, '👍', now + 1_000 / limits.reactionsPerSecond - 1).ok).toBe(false);
    expect(react(room, '👍', now + 1_000 / limits.reactionsPerSecond).ok).toBe(true);
    const later = now + 1_000 + 1_000 / limits.reactionsPerSecond;
    for (let i = 0; i < limits.reactionsPerSecond; i++) expect(react(room, '👍', later).ok).toBe(true);
    expect(react(room, '👍', later).ok).toBe(false);
    expect(room.reactions['👍']).toBe(2 * limits.reactionsPerSecond + 2);
  });

  it('does not spend the allowance on refused reactions', () => {
    const room = setup();
    for (let i = 0; i < 5; i++) react(room, '👍', 1_000_000);
    const budget = structuredClone([...room.reactionBudget]);
    for (let i = 0; i < 20; i++) react(room, '👍', 1_000_100);
    expect([...room.reactionBudget]).toEqual(budget);
    // Had the refused ones counted, this would still be limited.
    expect(react(room, '👍', 1_000_200).ok).toBe(true);
  });

  it('does not mint tokens when the clock steps back', () => {
    const room = setup();
    for (let i = 0; i < 5; i++) react(room, '👍', 1_005_000);
    expect(react(room, '👍', 1_004_000).ok).toBe(false);
    expect(react(room, '👍', 1_005_000).ok).toBe(false);
  });

  it('buckets reactions per minute since the room was created', () => {
    const room = setup();
    expect(minuteOf(room, 1_000_000)).toBe(0);
    expect(minuteOf(room, 1_059_999)).toBe(0);
    expect(minuteOf(room, 1_060_000)).toBe(1);
    expect(minuteOf(room, 999_000)).toBe(0);
    react(room, '👍', 1_000_000);
    react(room, '🎉', 1_030_000);
    react(room, '👍', 1_000_000 + 5 * 60_000, bob);
    expect([...room.reactionMinutes]).toEqual([
      [0, { '👍': 1, '🎉': 1 }],
      [5, { '👍': 1 }],
    ]);
  });
});
