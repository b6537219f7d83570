import { describe, expect, it } from 'vitest';
import { activityLimits } from './limits.js';
import type { Action, ActionInput } from './messages.js';
import { apply, createRoom, mineView, type Actor, type ApplyResult, type RoomRecord } from './model.js';

const host: Actor = { participant: 'host-participant-0001', host: true };
const person = (n: number): Actor => ({ participant: `person-${n}-xxxxxxxxxxxx`, host: false });
const [alice, bob, carol] = [person(1), person(2), person(3)];

let ids = 0;
const nickname = (room: RoomRecord, who: Actor, name: string): ApplyResult =>
  apply(room, { type: 'nickname', nickname: name, id: `n${++ids}` } as Action, who, 0);
const player = (room: RoomRecord, who: Actor) => mineView(room, who.participant).player;

describe('nicknames', () => {
  it('numbers players in the order they first play, and keeps the number', () => {
    const room = createRoom({ id: 'r', createdAt: 0 });
    nickname(room, bob, 'Bob');
    nickname(room, alice, '');
    nickname(room, bob, 'Robert');
    nickname(room, bob, '');
    expect(player(room, bob)).toEqual({ number: 1 });
    expect(player(room, alice)).toEqual({ number: 2 });
    expect(player(room, carol)).toBeUndefined();
  });

  it('keeps nicknames unique in the room, whatever their case and spacing', () => {
    const room = createRoom({ id: 'r', createdAt: 0 });
    expect(nickname(room, alice, '  Anna   Kühn ').ok).toBe(true);
    expect(player(room, alice)).toEqual({ number: 1, nickname: 'Anna Kühn' });
    for (const taken of ['anna kühn', 'ANNAKÜHN', 'Anna  Kühn'])
      expect(nickname(room, bob, taken)).toMatchObject({ ok: false, code: 'taken' });
    // Her own name in another spelling is hers to take.
    expect(nickname(room, alice, 'anna kühn').ok).toBe(true);
    // A name given up is free again.
    nickname(room, alice, 'Anna');
    expect(nickname(room, bob, 'Anna Kühn').ok).toBe(true);
  });

  it('refuses another player’s default name, in either language', () => {
    const room = createRoom({ id: 'r', createdAt: 0 });
    nickname(room, alice, 'A');
    nickname(room, bob, 'B');
    expect(nickname(room, bob, 'Participant 1')).toMatchObject({ code: 'taken' });
    expect(nickname(room, bob, 'teilnehmer1')).toMatchObject({ code: 'taken' });
    // One's own default name is no nickname at all.
    expect(nickname(room, bob, 'Teilnehmer 2').ok).toBe(true);
    expect(player(room, bob)).toEqual({ number: 2 });
  });

  it('limits the length and refuses control characters as every text', () => {
    const room = createRoom({ id: 'r', createdAt: 0 });
    expect(nickname(room, alice, 'x'.repeat(activityLimits.nickname + 1))).toMatchObject({
      code: 'too_long',
    });
    expect(nickname(room, alice, 'Ada\u0007').ok).toBe(true);
    expect(player(room, alice)?.nickname).toBe('Ada');
  });

  it('renames a player on the leaderboards that show them', () => {
    const room = createRoom({ id: 'r', createdAt: 0 });
    const act = (action: ActionInput, who: Actor, at = 0) =>
      apply(room, { ...action, id: `x${++ids}` } as Action, who, at);
    act(
      {
        type: 'quiz-create',
        title: 'Q',
        questions: [{ text: 'Q?', kind: 'single', options: ['a', 'b'], correct: [0] }],
      },
      host,
    );
    act({ type: 'quiz-start', quiz: 'z1', question: 0 }, host);
    act({ type: 'quiz-answer', quiz: 'z1', question: 0, choice: 0 }, carol, 100);
    expect(nickname(room, carol, 'Carla')).toMatchObject({
      ok: true,
      changes: { mine: true, quizzes: ['z1'] },
    });
    expect(nickname(room, bob, 'Bert')).toEqual({ ok: true, changes: { mine: true } });
  });
});
