import { describe, expect, it } from 'vitest';
import type { Action, ActionInput } from './messages.js';
import { apply, createRoom, roomView, type Actor, type RoomRecord } from './model.js';

const host: Actor = { participant: 'host-participant-0001', host: true };
const alice: Actor = { participant: 'alice-participant-0001', host: false };
let actions = 0;
const act = (room: RoomRecord, action: ActionInput, actor = host) =>
  apply(room, { ...action, id: `a${++actions}` } as Action, actor, 1_000);

/** q1 live, q2 in review (pre-moderation), p1 open, p2 draft. */
function setup(): RoomRecord {
  const room = createRoom({ id: 'room', title: 'Town hall', createdAt: 0 });
  act(room, { type: 'ask', text: 'Live one' }, alice);
  act(room, { type: 'room-update', moderation: 'pre' });
  act(room, { type: 'ask', text: 'Waiting one' }, alice);
  act(room, { type: 'poll-create', title: 'Open one', kind: 'rating' });
  act(room, { type: 'poll-update', poll: 'p1', status: 'open' });
  act(room, { type: 'poll-create', title: 'ActionInput', kind: 'rating' });
  return room;
}

describe('the big screen', () => {
  it('starts on the join screen and shows what the host chose, in every view', () => {
    const room = setup();
    expect(roomView(room, 0).screen).toEqual({ show: 'join' });
    expect(act(room, { type: 'screen', screen: { show: 'poll', poll: 'p1' } })).toEqual({
      ok: true,
      changes: { screen: { show: 'poll', poll: 'p1' } },
    });
    expect(roomView(room, 0).screen).toEqual({ show: 'poll', poll: 'p1' });
    expect(roomView(room, 0, { host: true }).screen).toEqual({ show: 'poll', poll: 'p1' });
    // Choosing the same again changes nothing, so nothing is broadcast.
    expect(act(room, { type: 'screen', screen: { show: 'poll', poll: 'p1' } })).toEqual({
      ok: true,
      changes: {},
    });
  });

  it('changes only when the host chooses: highlighting, closing or answering leave it alone', () => {
    const room = setup();
    act(room, { type: 'screen', screen: { show: 'question', question: 'q1' } });
    act(room, { type: 'poll-update', poll: 'p1', status: 'closed' });
    act(room, { type: 'moderate', question: 'q1', highlighted: true });
    act(room, { type: 'moderate', question: 'q1', status: 'answered' });
    expect(room.screen).toEqual({ show: 'question', question: 'q1' });
    act(room, { type: 'screen', screen: { show: 'questions' } });
    act(room, { type: 'poll-update', poll: 'p1', status: 'open' });
    expect(room.screen).toEqual({ show: 'questions' });
  });

  it('refuses what the hall may not see, and participants', () => {
    const room = setup();
    expect(act(room, { type: 'screen', screen: { show: 'poll', poll: 'p2' } })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(act(room, { type: 'screen', screen: { show: 'question', question: 'q2' } })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(act(room, { type: 'screen', screen: { show: 'poll', poll: 'p9' } })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(act(room, { type: 'screen', screen: { show: 'blank' } }, alice)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(room.screen).toEqual({ show: 'join' });
  });

  it.each<{ what: string; screen: ActionInput; leave: ActionInput }>([
    {
      what: 'a deleted poll',
      screen: { type: 'screen', screen: { show: 'poll', poll: 'p1' } },
      leave: { type: 'poll-delete', poll: 'p1' },
    },
    {
      what: 'a dismissed question',
      screen: { type: 'screen', screen: { show: 'question', question: 'q1' } },
      leave: { type: 'moderate', question: 'q1', status: 'dismissed' },
    },
    {
      what: 'a question sent back to review',
      screen: { type: 'screen', screen: { show: 'question', question: 'q1' } },
      leave: { type: 'moderate', question: 'q1', status: 'review' },
    },
  ])('goes blank, and says so, when it showed $what', ({ screen, leave }) => {
    const room = setup();
    act(room, screen);
    expect(act(room, leave)).toMatchObject({ ok: true, changes: { screen: { show: 'blank' } } });
    expect(roomView(room, 0).screen).toEqual({ show: 'blank' });
  });
});
