import { describe, expect, it } from 'vitest';
import { activityLimits } from './limits.js';
import type { Action, ActionInput } from './messages.js';
import {
  apply,
  createRoom,
  mineView,
  roomView,
  type Actor,
  type ApplyResult,
  type RoomRecord,
} from './model.js';
import { rankingResults } from './ranking.js';

const host: Actor = { participant: 'host-participant-0001', host: true };
const person = (n: number): Actor => ({ participant: `person-${n}-xxxxxxxxxxxx`, host: false });

let ids = 0;
const act = (room: RoomRecord, action: ActionInput, who: Actor): ApplyResult =>
  apply(room, { ...action, id: `r${++ids}` } as Action, who, 0);

function rankingRoom(options = ['Radwege', 'Parks', 'Busse', 'Schulen']) {
  const room = createRoom({ id: 'r', createdAt: 0 });
  act(room, { type: 'poll-create', title: 'What first?', kind: 'ranking', options }, host);
  act(room, { type: 'poll-update', poll: 'p1', status: 'open' }, host);
  return room;
}
const results = (room: RoomRecord) => roomView(room, 0).polls[0]!.results;

describe('ranking arithmetic', () => {
  it('averages the places and gives Borda points: n − place per ranking', () => {
    // Place sums of 3 options over 2 rankings: [0,1,2] and [1,0,2].
    expect(rankingResults([3, 3, 6], 2)).toEqual({
      kind: 'ranking',
      averageRanks: [1.5, 1.5, 3],
      points: [3, 3, 0],
      order: [0, 1, 2],
      responses: 2,
    });
    expect(rankingResults([0, 0], 0)).toEqual({
      kind: 'ranking',
      averageRanks: [0, 0],
      points: [0, 0],
      order: [0, 1],
      responses: 0,
    });
    // Mean places to two decimals: 5 over 3 rankings.
    expect(rankingResults([5, 7, 6], 3).averageRanks).toEqual([1.67, 2.33, 2]);
  });
});

describe('ranking polls', () => {
  it('orders the options by the participants’ rankings', () => {
    const room = rankingRoom();
    act(room, { type: 'vote', poll: 'p1', choice: [3, 2, 1, 0] }, person(1));
    act(room, { type: 'vote', poll: 'p1', choice: [3, 0, 2, 1] }, person(2));
    act(room, { type: 'vote', poll: 'p1', choice: [2, 3, 0, 1] }, person(3));
    expect(results(room)).toEqual({
      kind: 'ranking',
      // Schulen: places 1, 1, 2; Busse: 2, 3, 1; Radwege: 4, 2, 3; Parks: 3, 4, 4.
      averageRanks: [3, 3.67, 2, 1.33],
      points: [3, 1, 6, 8],
      order: [3, 2, 0, 1],
      responses: 3,
    });
  });

  it('replaces a changed ranking, and keeps the participant’s own order', () => {
    const room = rankingRoom(['A', 'B']);
    act(room, { type: 'vote', poll: 'p1', choice: [0, 1] }, person(1));
    act(room, { type: 'vote', poll: 'p1', choice: [1, 0] }, person(1));
    expect(results(room)).toMatchObject({ points: [0, 1], order: [1, 0], responses: 1 });
    expect(mineView(room, person(1).participant).votes.p1).toEqual([1, 0]);
  });

  it('takes every option once, in any order, and nothing else', () => {
    const room = rankingRoom(['A', 'B', 'C']);
    for (const choice of [[0, 1], [0, 1, 1], [0, 1, 3], 0, 'A'])
      expect(act(room, { type: 'vote', poll: 'p1', choice }, person(1))).toMatchObject({ code: 'invalid' });
    expect(act(room, { type: 'vote', poll: 'p1', choice: [2, 0, 1] }, person(1)).ok).toBe(true);
  });

  it('has at most ten options', () => {
    const room = createRoom({ id: 'r', createdAt: 0 });
    const options = (n: number) => Array.from({ length: n }, (_, i) => `Option ${i + 1}`);
    expect(
      act(
        room,
        {
          type: 'poll-create',
          title: 'T',
          kind: 'ranking',
          options: options(activityLimits.rankingOptions + 1),
        },
        host,
      ),
    ).toMatchObject({ code: 'invalid' });
    expect(
      act(room, { type: 'poll-create', title: 'T', kind: 'ranking', options: options(10) }, host).ok,
    ).toBe(true);
  });

  it('is reset for a rehearsal: every ranking goes, the reset is logged', () => {
    const room = rankingRoom(['A', 'B']);
    act(room, { type: 'vote', poll: 'p1', choice: [1, 0] }, person(1));
    act(room, { type: 'vote', poll: 'p1', choice: [1, 0] }, person(2));
    const outcome = apply(room, { type: 'poll-reset', poll: 'p1', id: 'reset' }, host, 5_000);
    expect(outcome).toEqual({
      ok: true,
      changes: { polls: ['p1'], personal: [person(1), person(2)].map((p) => p.participant) },
    });
    expect(results(room)).toMatchObject({ points: [0, 0], responses: 0 });
    expect(mineView(room, person(1).participant).votes).toEqual({});
    expect(room.resets).toEqual([{ at: 5_000, kind: 'poll', id: 'p1', title: 'What first?', answers: 2 }]);
    // The poll stays open: the event can begin.
    expect(act(room, { type: 'vote', poll: 'p1', choice: [0, 1] }, person(1)).ok).toBe(true);
  });
});
