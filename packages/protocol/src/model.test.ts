import { describe, expect, it } from 'vitest';
import { limits } from './limits.js';
import { hostActionTypes, parseClientMessage, type Action, type ActionInput } from './messages.js';
import {
  apply,
  createRoom,
  mineView,
  roomView,
  type Actor,
  type ApplyResult,
  type RoomRecord,
} from './model.js';
import { join } from './presence.js';
import { report } from './report.js';

const host: Actor = { participant: 'host-participant-0001', host: true };
const people = Array.from({ length: 6 }, (_, n): Actor => ({
  participant: `person-${n}-xxxxxxxxxxxx`,
  host: false,
}));
const [alice, bob, carol] = people as [Actor, Actor, Actor];

let actions = 0;
const act = (room: RoomRecord, action: ActionInput, actor: Actor, now = 1_000): ApplyResult =>
  apply(room, { ...action, id: `a${++actions}` } as Action, actor, now);
function must(room: RoomRecord, action: ActionInput, actor: Actor, now = 1_000): ApplyResult {
  const outcome = act(room, action, actor, now);
  if (!outcome.ok) throw new Error(`${action.type}: ${outcome.message}`);
  return outcome;
}

/** Everything observable about a room: every view, the report, and the hidden counters. */
const snapshot = (room: RoomRecord) => ({
  host: roomView(room, 0, { host: true }),
  public: roomView(room, 0),
  personal: [host, ...people].map((actor) => roomView(room, 0, { participant: actor.participant })),
  mine: [host, ...people].map((actor) => mineView(room, actor.participant)),
  report: report(room),
  budget: [...room.reactionBudget].map(([id, budget]) => [id, { ...budget }]),
  counters: { ...room.counters },
  active: [...room.active],
});

/** A room with a bit of everything: q1 live (alice), q2 answered (alice), q3 dismissed, q4 in review (bob),
 *  p1 closed single, p2 open multiple (max 2), p3 draft open-text, 5 reactions by carol at t=5000,
 *  z1 a quiz of two questions with the first under way (alice answered), s1 an open survey (bob answered). */
function busyRoom(): RoomRecord {
  const room = createRoom({ id: 'room', title: 'Busy', createdAt: 0 });
  must(room, { type: 'ask', text: 'Live one', name: 'Alice' }, alice);
  must(room, { type: 'ask', text: 'Answered one' }, alice);
  must(room, { type: 'ask', text: 'Dismissed one' }, bob);
  must(room, { type: 'upvote', question: 'q1' }, bob);
  must(room, { type: 'moderate', question: 'q1', highlighted: true, label: 'Topic' }, host);
  must(room, { type: 'moderate', question: 'q2', status: 'answered' }, host);
  must(room, { type: 'moderate', question: 'q3', status: 'dismissed' }, host);
  must(room, { type: 'room-update', moderation: 'pre' }, host);
  must(room, { type: 'ask', text: 'Waiting one' }, bob);
  must(room, { type: 'poll-create', title: 'Single', kind: 'single', options: ['A', 'B'] }, host);
  must(room, { type: 'poll-update', poll: 'p1', status: 'open' }, host);
  must(room, { type: 'vote', poll: 'p1', choice: 1 }, alice);
  must(
    room,
    { type: 'poll-create', title: 'Multiple', kind: 'multiple', options: ['A', 'B', 'C'], maxChoices: 2 },
    host,
  );
  must(room, { type: 'poll-update', poll: 'p2', status: 'open' }, host);
  must(room, { type: 'vote', poll: 'p2', choice: [0, 2] }, bob);
  must(room, { type: 'poll-create', title: 'ActionInput', kind: 'open' }, host);
  for (let i = 0; i < limits.reactionsPerSecond; i++)
    must(room, { type: 'react', emoji: '👍' }, carol, 5_000);
  const question = { kind: 'single' as const, options: ['Yes', 'No'], correct: [0] };
  must(
    room,
    {
      type: 'quiz-create',
      title: 'Quiz',
      questions: [
        { ...question, text: 'One?' },
        { ...question, text: 'Two?' },
      ],
    },
    host,
  );
  must(room, { type: 'quiz-start', quiz: 'z1', question: 0 }, host, 6_000);
  must(room, { type: 'quiz-answer', quiz: 'z1', question: 0, choice: 0 }, alice, 8_000);
  must(
    room,
    { type: 'survey-create', title: 'Feedback', questions: [{ text: 'How was it?', kind: 'rating' }] },
    host,
  );
  must(room, { type: 'survey-update', survey: 's1', status: 'open' }, host);
  must(room, { type: 'survey-answer', survey: 's1', answers: [4] }, bob);
  join(room, alice.participant, 10);
  return room;
}

describe('rights', () => {
  const hostOnly: ActionInput[] = [
    { type: 'moderate', question: 'q1', status: 'answered' },
    { type: 'poll-create', title: 'Mine now', kind: 'rating' },
    { type: 'poll-update', poll: 'p2', status: 'closed' },
    { type: 'poll-delete', poll: 'p1' },
    { type: 'room-update', title: 'Taken over' },
    { type: 'screen', screen: { show: 'blank' } },
    { type: 'merge', question: 'q1', duplicates: ['q2'] },
    { type: 'poll-reset', poll: 'p1' },
    {
      type: 'quiz-create',
      title: 'Another',
      questions: [{ text: 'Q?', kind: 'multiple', options: ['A', 'B'], correct: [0, 1] }],
    },
    { type: 'quiz-update', quiz: 'z1', status: 'closed' },
    { type: 'quiz-delete', quiz: 'z1' },
    { type: 'quiz-start', quiz: 'z1', question: 1 },
    { type: 'quiz-reveal', quiz: 'z1' },
    { type: 'quiz-leaderboard', quiz: 'z1' },
    { type: 'quiz-reset', quiz: 'z1' },
    { type: 'survey-create', title: 'Another', questions: [{ text: 'Why?', kind: 'open' }] },
    { type: 'survey-update', survey: 's1', resultsVisible: true },
    { type: 'survey-delete', survey: 's1' },
    { type: 'survey-reset', survey: 's1' },
  ];

  it('covers every host action type', () => {
    expect(new Set(hostOnly.map((action) => action.type))).toEqual(hostActionTypes);
  });

  it.each(hostOnly)('a participant sending $type is refused with forbidden', (action) => {
    const room = busyRoom();
    const before = snapshot(room);
    expect(act(room, action, alice)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(snapshot(room)).toEqual(before);
  });

  it.each(hostOnly)('the host may send $type', (action) => {
    expect(act(busyRoom(), action, host).ok).toBe(true);
  });
});

describe('a refused action leaves the record untouched', () => {
  const refused: { why: string; action: ActionInput; actor: Actor; code: string; now?: number }[] = [
    { why: 'empty question', action: { type: 'ask', text: '  ' }, actor: carol, code: 'empty' },
    {
      why: 'long name',
      action: { type: 'ask', text: 'Hi', name: 'n'.repeat(61) },
      actor: carol,
      code: 'too_long',
    },
    {
      why: "edit of another's question",
      action: { type: 'edit', question: 'q1', text: 'Mine' },
      actor: bob,
      code: 'forbidden',
    },
    {
      why: 'edit after answered',
      action: { type: 'edit', question: 'q2', text: 'Late' },
      actor: alice,
      code: 'closed',
    },
    { why: 'empty edit', action: { type: 'edit', question: 'q1', text: '' }, actor: alice, code: 'empty' },
    {
      why: "delete of another's question",
      action: { type: 'delete', question: 'q1' },
      actor: carol,
      code: 'forbidden',
    },
    {
      why: 'delete after answered',
      action: { type: 'delete', question: 'q2' },
      actor: alice,
      code: 'closed',
    },
    {
      why: "someone else's review question",
      action: { type: 'delete', question: 'q4' },
      actor: alice,
      code: 'not_found',
    },
    { why: 'upvote answered', action: { type: 'upvote', question: 'q2' }, actor: carol, code: 'closed' },
    { why: 'upvote dismissed', action: { type: 'upvote', question: 'q3' }, actor: carol, code: 'not_found' },
    { why: 'upvote unknown', action: { type: 'upvote', question: 'q99' }, actor: carol, code: 'not_found' },
    {
      why: 'moderate with one bad field',
      action: { type: 'moderate', question: 'q4', status: 'live', pinned: true, label: 'x'.repeat(41) },
      actor: host,
      code: 'too_long',
    },
    {
      why: 'highlight a review question',
      action: { type: 'moderate', question: 'q4', highlighted: true },
      actor: host,
      code: 'closed',
    },
    {
      why: 'vote on a closed poll',
      action: { type: 'vote', poll: 'p1', choice: 0 },
      actor: carol,
      code: 'closed',
    },
    {
      why: 'vote on a draft (which participants cannot see)',
      action: { type: 'vote', poll: 'p3', choice: 'Hi' },
      actor: carol,
      code: 'not_found',
    },
    {
      why: 'vote on an unknown poll',
      action: { type: 'vote', poll: 'p9', choice: 0 },
      actor: carol,
      code: 'not_found',
    },
    {
      why: 'too many choices',
      action: { type: 'vote', poll: 'p2', choice: [0, 1, 2] },
      actor: bob,
      code: 'too_many_choices',
    },
    {
      why: 'wrong choice shape',
      action: { type: 'vote', poll: 'p2', choice: 1 },
      actor: bob,
      code: 'invalid',
    },
    {
      why: 'poll with one option',
      action: { type: 'poll-create', title: 'T', kind: 'single', options: ['A'] },
      actor: host,
      code: 'invalid',
    },
    {
      why: 'back to draft',
      action: { type: 'poll-update', poll: 'p2', status: 'draft' },
      actor: host,
      code: 'invalid',
    },
    {
      why: 'edit an open poll while opening others',
      action: { type: 'poll-update', poll: 'p1', status: 'open', title: 'Renamed' },
      actor: host,
      code: 'closed',
    },
    {
      why: 'delete unknown poll',
      action: { type: 'poll-delete', poll: 'p9' },
      actor: host,
      code: 'not_found',
    },
    {
      why: 'sixth reaction in a second',
      action: { type: 'react', emoji: '👍' },
      actor: carol,
      code: 'rate_limited',
      now: 5_000,
    },
    { why: 'emoji not offered', action: { type: 'react', emoji: '🍕' }, actor: carol, code: 'invalid' },
    {
      why: 'long room title',
      action: { type: 'room-update', title: 't'.repeat(121), moderation: 'post' },
      actor: host,
      code: 'too_long',
    },
    {
      why: 'quiz answer after the time limit',
      action: { type: 'quiz-answer', quiz: 'z1', question: 0, choice: 0 },
      actor: bob,
      code: 'closed',
      now: 26_001,
    },
    {
      why: 'a second, different quiz answer',
      action: { type: 'quiz-answer', quiz: 'z1', question: 0, choice: 1 },
      actor: alice,
      code: 'closed',
    },
    {
      why: 'quiz answer to a question not started',
      action: { type: 'quiz-answer', quiz: 'z1', question: 1, choice: 0 },
      actor: bob,
      code: 'closed',
    },
    {
      why: 'quiz answer of the wrong kind',
      action: { type: 'quiz-answer', quiz: 'z1', question: 0, choice: [0] },
      actor: bob,
      code: 'invalid',
    },
    {
      why: 'starting a question played already',
      action: { type: 'quiz-start', quiz: 'z1', question: 0 },
      actor: host,
      code: 'closed',
    },
    {
      why: 'another player’s default name',
      action: { type: 'nickname', nickname: 'Participant 1' },
      actor: carol,
      code: 'taken',
    },
    {
      why: 'survey answers of the wrong count',
      action: { type: 'survey-answer', survey: 's1', answers: [4, 2] },
      actor: alice,
      code: 'invalid',
    },
    {
      why: 'survey rating out of range',
      action: { type: 'survey-answer', survey: 's1', answers: [6] },
      actor: bob,
      code: 'invalid',
    },
    {
      why: 'reset of an unknown poll',
      action: { type: 'poll-reset', poll: 'p9' },
      actor: host,
      code: 'not_found',
    },
  ];

  it.each(refused)('$why -> $code', ({ action, actor, code, now }) => {
    const room = busyRoom();
    const before = snapshot(room);
    expect(act(room, action, actor, now ?? 6_000)).toMatchObject({ ok: false, code });
    expect(snapshot(room)).toEqual(before);
  });
});

describe('views', () => {
  it('shows the public no review or dismissed questions, no drafts, and no participant ids', () => {
    const room = busyRoom();
    const view = roomView(room, 3);
    expect(view.questions.map((item) => [item.id, item.status])).toEqual([
      ['q1', 'live'],
      ['q2', 'answered'],
    ]);
    expect(view.polls.map((item) => item.id)).toEqual(['p1', 'p2']);
    expect(view).toMatchObject({
      room: 'room',
      title: 'Busy',
      moderation: 'pre',
      currentPoll: 'p2',
      online: 3,
    });
    expect(view.reactions).toEqual({ '👍': 5 });
    const json = JSON.stringify([view, roomView(room, 3, { host: true })]);
    for (const actor of [host, ...people]) expect(json).not.toContain(actor.participant);
  });

  it('shows the host everything', () => {
    const view = roomView(busyRoom(), 0, { host: true });
    expect(view.questions.map((item) => item.status)).toEqual(['live', 'answered', 'dismissed', 'review']);
    expect(view.polls.map((item) => item.status)).toEqual(['closed', 'open', 'draft']);
  });

  it("adds a participant's own review questions", () => {
    const room = busyRoom();
    expect(roomView(room, 0, { participant: bob.participant }).questions.map((item) => item.id)).toEqual([
      'q1',
      'q2',
      'q4',
    ]);
    expect(roomView(room, 0, { participant: alice.participant }).questions.map((item) => item.id)).toEqual([
      'q1',
      'q2',
    ]);
  });

  it("lists a participant's questions, upvotes and votes", () => {
    const room = busyRoom();
    expect(mineView(room, alice.participant)).toEqual({
      questions: ['q1', 'q2'],
      upvoted: [],
      votes: { p1: 1 },
      player: { number: 1 },
      // Answered 2 s into the question; its points come with the reveal.
      quizzes: { z1: { answers: { 0: { choice: 0, ms: 2_000 } }, score: 0, rank: 1, players: 1 } },
      surveys: {},
    });
    expect(mineView(room, bob.participant)).toEqual({
      questions: ['q4'],
      upvoted: ['q1'],
      votes: { p2: [0, 2] },
      quizzes: {},
      surveys: { s1: [4] },
    });
    expect(mineView(room, 'nobody')).toEqual({
      questions: [],
      upvoted: [],
      votes: {},
      quizzes: {},
      surveys: {},
    });
  });
});

describe('room-update', () => {
  it('changes title and moderation and reports only what changed', () => {
    const room = createRoom({ id: 'room', title: 'Old', createdAt: 0 });
    expect(act(room, { type: 'room-update', title: '  New  ', moderation: 'post' }, host)).toEqual({
      ok: true,
      changes: { title: 'New' },
    });
    expect(act(room, { type: 'room-update', moderation: 'pre' }, host)).toEqual({
      ok: true,
      changes: { moderation: 'pre' },
    });
    expect(roomView(room, 0)).toMatchObject({ title: 'New', moderation: 'pre' });
  });

  it('keeps the recording for the host only, and forgets it on null', () => {
    const room = createRoom({ id: 'room', createdAt: 0 });
    const recording = { url: ' https://video.example.org/a b.mp4 ', startsAt: 5_000 };
    // Nothing to broadcast: the recording is the host's business.
    expect(act(room, { type: 'room-update', recording }, host)).toEqual({ ok: true, changes: {} });
    expect(room.recording).toEqual({ url: 'https://video.example.org/a%20b.mp4', startsAt: 5_000 });
    expect(JSON.stringify(roomView(room, 0))).not.toContain('video.example.org');
    expect(JSON.stringify(roomView(room, 0, { host: true }))).not.toContain('video.example.org');
    must(room, { type: 'room-update', title: 'Renamed' }, host);
    expect(room.recording?.url).toBe('https://video.example.org/a%20b.mp4');
    must(room, { type: 'room-update', recording: null }, host);
    expect(room).not.toHaveProperty('recording');
  });

  it.each([
    ['javascript:alert(1)', 'invalid'],
    ['ftp://files.example.org/a.mp4', 'invalid'],
    ['not a url', 'invalid'],
    [`https://example.org/${'a'.repeat(limits.recordingUrl)}`, 'too_long'],
  ])('refuses the recording address %s', (url, code) => {
    const room = createRoom({ id: 'room', createdAt: 0 });
    must(room, { type: 'room-update', recording: { url: 'https://ok.example.org/' } }, host);
    expect(
      act(room, { type: 'room-update', title: 'Not this either', recording: { url } }, host),
    ).toMatchObject({
      ok: false,
      code,
    });
    expect(room).toMatchObject({ title: '', recording: { url: 'https://ok.example.org/' } });
  });

  it('keeps questions in review when moderation is switched off', () => {
    const room = createRoom({ id: 'room', moderation: 'pre', createdAt: 0 });
    must(room, { type: 'ask', text: 'Hm' }, alice);
    must(room, { type: 'room-update', moderation: 'post' }, host);
    expect(roomView(room, 0).questions).toEqual([]);
    must(room, { type: 'ask', text: 'Now live' }, alice);
    expect(roomView(room, 0).questions.map((item) => item.id)).toEqual(['q2']);
  });
});

describe('active participants', () => {
  it('counts distinct participants with accepted participant actions only', () => {
    const room = createRoom({ id: 'room', createdAt: 0 });
    must(room, { type: 'poll-create', title: 'T', kind: 'rating' }, host);
    act(room, { type: 'ask', text: '' }, alice); // refused
    act(room, { type: 'react', emoji: 'nope' }, bob); // refused
    must(room, { type: 'ask', text: 'Hi' }, carol);
    must(room, { type: 'edit', question: 'q1', text: 'Hi!' }, carol);
    expect(report(room).audience.activeParticipants).toBe(1);
  });
});

describe('determinism', () => {
  /** A long, seeded stream of actions of every kind, many of them refused. */
  function stream(seed: number, length: number): { action: Action; actor: Actor; now: number }[] {
    let state = seed;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const actors = [host, ...people];
    const emojis = ['👍', '👏', '🍕'];
    let now = 0;
    return Array.from({ length }, (_, n) => {
      now += Math.floor(random() * 400);
      const question = `q${1 + Math.floor(random() * 12)}`;
      const poll = `p${1 + Math.floor(random() * 4)}`;
      const drafts: ActionInput[] = [
        {
          type: 'ask',
          text: pick(['Why?', ' How? ', '', 'x'.repeat(501)]),
          name: pick(['', 'Ada', undefined]),
        } as ActionInput,
        { type: 'upvote', question },
        { type: 'upvote', question },
        { type: 'edit', question, text: pick(['Edited', '']) },
        { type: 'delete', question },
        { type: 'moderate', question, status: pick(['live', 'answered', 'dismissed', 'review'] as const) },
        { type: 'moderate', question, highlighted: pick([true, false]), pinned: pick([true, false]) },
        {
          type: 'poll-create',
          title: 'P',
          kind: pick(['single', 'multiple', 'open', 'rating'] as const),
          options: ['A', 'B', 'C'],
        },
        { type: 'poll-create', title: 'P', kind: pick(['open', 'rating'] as const) },
        { type: 'poll-update', poll, status: pick(['open', 'closed', 'draft'] as const) },
        pick<ActionInput>([
          { type: 'poll-update', poll, position: pick([0, 1, 3]) },
          { type: 'poll-update', poll, hideAnswer: pick(['Bonn', 'Köln']) },
          { type: 'poll-update', poll, showAnswer: pick(['bonn.', 'Köln']) },
          { type: 'poll-update', poll, mergeAnswers: { answers: ['Köln', 'Bonn'], into: 'Bonn' } },
        ]),
        { type: 'vote', poll, choice: pick([0, 1, 2, [0, 1], [2], 'Bonn', ' bonn', 3, 5]) },
        { type: 'vote', poll, choice: pick([0, 1, 2, [0, 1], [2], 'Bonn', ' bonn', 'Köln!', 3, 5]) },
        { type: 'react', emoji: pick(emojis) },
        { type: 'react', emoji: pick(emojis) },
        { type: 'room-update', moderation: pick(['pre', 'post'] as const) },
      ];
      if (random() < 0.02) drafts.push({ type: 'poll-delete', poll });
      if (random() < 0.02)
        drafts.push({ type: 'merge', question, duplicates: [`q${1 + Math.floor(random() * 12)}`] });
      return { action: { ...pick(drafts), id: `s${n}` } as Action, actor: pick(actors), now };
    });
  }

  it('gives the same room for the same actions', () => {
    const actionsList = stream(42, 3_000);
    const run = () => {
      const room = createRoom({ id: 'room', createdAt: 0 });
      const outcomes = actionsList.map(({ action, actor, now }) => apply(room, action, actor, now));
      return { outcomes, snapshot: snapshot(room) };
    };
    const [first, second] = [run(), run()];
    expect(second).toEqual(first);
    const accepted = first.outcomes.filter((outcome) => outcome.ok).length;
    expect(accepted).toBeGreaterThan(500);
    expect(first.outcomes.length - accepted).toBeGreaterThan(500);
  });

  it('never changes the record on any refused action of a random stream', () => {
    const room = createRoom({ id: 'room', createdAt: 0 });
    let refusedCount = 0;
    for (const { action, actor, now } of stream(7, 600)) {
      const before = snapshot(room);
      const outcome = apply(room, action, actor, now);
      if (!outcome.ok) {
        refusedCount++;
        expect(snapshot(room), `${action.type} refused with ${outcome.code}`).toEqual(before);
      }
    }
    expect(refusedCount).toBeGreaterThan(100);
  });
});

describe('ids of new questions and polls', () => {
  it('takes the id it is given, touching no counter, and refuses one taken', () => {
    const room = createRoom({ id: 'room', createdAt: 0 });
    const ask = { type: 'ask', id: 'a', text: 'Wer zählt mit?' } as const;
    expect(apply(room, ask, alice, 1, 'q7c1e')).toMatchObject({ ok: true, result: { id: 'q7c1e' } });
    const poll = { type: 'poll-create', id: 'b', title: 'Rating', kind: 'rating' } as const;
    expect(apply(room, poll, host, 2, 'p90aa')).toMatchObject({ ok: true, result: { id: 'p90aa' } });
    expect(room.counters).toEqual({ question: 0, poll: 0 });
    const before = snapshot(room);
    expect(apply(room, { ...ask, id: 'c' }, bob, 3, 'q7c1e')).toMatchObject({ ok: false, code: 'invalid' });
    expect(apply(room, { ...poll, id: 'd' }, host, 4, 'p90aa')).toMatchObject({ ok: false, code: 'invalid' });
    expect(snapshot(room)).toEqual(before);
  });

  it('counts q1, p1, … without one, as logs from before random ids were written', () => {
    const room = createRoom({ id: 'room', createdAt: 0 });
    expect(must(room, { type: 'ask', text: 'Alt' }, alice)).toMatchObject({ result: { id: 'q1' } });
    expect(must(room, { type: 'poll-create', title: 'Alt', kind: 'open' }, host)).toMatchObject({
      result: { id: 'p1' },
    });
  });
});

describe('validation once', () => {
  // Every text a person writes, over the wire: the schema takes its shape, the model its
  // length and emptiness, so one mistake earns one code however it arrives.
  interface Ids {
    question: string;
    open: string;
    draft: string;
  }
  function setup(): { room: RoomRecord; ids: Ids } {
    const room = createRoom({ id: 'room', createdAt: 0 });
    const id = (outcome: ApplyResult) => (outcome.ok ? outcome.result!.id! : '');
    const question = id(must(room, { type: 'ask', text: 'Why?' }, alice));
    const open = id(must(room, { type: 'poll-create', title: 'One word', kind: 'open' }, host));
    const draft = id(
      must(room, { type: 'poll-create', title: 'Draft', kind: 'single', options: ['A', 'B'] }, host),
    );
    must(room, { type: 'poll-update', poll: open, status: 'open' }, host);
    must(room, { type: 'vote', poll: open, choice: 'Bonn' }, bob);
    return { room, ids: { question, open, draft } };
  }
  const long = (n: number) => 'x'.repeat(n + 1);
  type Make = (text: string, ids: Ids) => ActionInput;
  const texts: [name: string, make: Make, max: number, blank: string][] = [
    ['a question', (text) => ({ type: 'ask', text }), limits.questionText, 'empty'],
    [
      'an edit',
      (text, ids) => ({ type: 'edit', question: ids.question, text }),
      limits.questionText,
      'empty',
    ],
    [
      "the host's edit",
      (text, ids) => ({ type: 'moderate', question: ids.question, text }),
      limits.questionText,
      'empty',
    ],
    ['a label', (label, ids) => ({ type: 'moderate', question: ids.question, label }), limits.label, 'ok'],
    ['a reply', (reply, ids) => ({ type: 'moderate', question: ids.question, reply }), limits.reply, 'ok'],
    ['a poll title', (title) => ({ type: 'poll-create', title, kind: 'open' }), limits.pollTitle, 'empty'],
    [
      'a new poll title',
      (title, ids) => ({ type: 'poll-update', poll: ids.draft, title }),
      limits.pollTitle,
      'empty',
    ],
    [
      'an option',
      (option) => ({ type: 'poll-create', title: 'T', kind: 'single', options: ['A', option] }),
      limits.pollOption,
      'empty',
    ],
    [
      'an open answer',
      (choice, ids) => ({ type: 'vote', poll: ids.open, choice }),
      limits.openAnswer,
      'empty',
    ],
    [
      'an answer to hide',
      (hideAnswer, ids) => ({ type: 'poll-update', poll: ids.open, hideAnswer }),
      limits.openAnswer,
      'empty',
    ],
    ['a room title', (title) => ({ type: 'room-update', title }), limits.roomTitle, 'ok'],
  ];

  it.each(texts)(
    '%s: too long is too_long, blank is %s, from the wire as in the model',
    (_, make, max, blank) => {
      for (const [text, code] of [
        [long(max), 'too_long'],
        [' \n ', blank],
      ] as const) {
        const { room, ids } = setup();
        const action = make(text, ids);
        const actor = action.type === 'vote' || action.type === 'edit' ? alice : host;
        const parsed = parseClientMessage(JSON.stringify({ ...action, id: 'wire' }));
        expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
        if (!parsed.ok) continue;
        const outcome = apply(room, parsed.message as Action, actor, 1_000);
        expect(outcome.ok ? 'ok' : outcome.code, text.length > 5 ? 'too long' : 'blank').toBe(code);
      }
    },
  );

  it('gives a too-long question and a too-long poll title the same code and the same kind of message', () => {
    const { room } = setup();
    const question = act(room, { type: 'ask', text: long(limits.questionText) }, alice);
    const title = act(room, { type: 'poll-create', title: long(limits.pollTitle), kind: 'open' }, host);
    expect(question).toEqual({
      ok: false,
      code: 'too_long',
      message: 'A question can be at most 500 characters.',
    });
    expect(title).toEqual({
      ok: false,
      code: 'too_long',
      message: 'A poll title can be at most 200 characters.',
    });
  });
});
