import { describe, expect, it } from 'vitest';
import { limits } from './limits.js';
import type { Action, ActionInput } from './messages.js';
import { apply, createRoom, mineView, roomView, type Actor, type RoomRecord } from './model.js';
import { canSeeQuestion, participantLists, reviewReaders, sortAnswered, sortQuestions } from './questions.js';
import type { Moderation, QuestionView } from './state.js';

const host: Actor = { participant: 'host-participant-0001', host: true };
const alice: Actor = { participant: 'alice-participant-001', host: false };
const bob: Actor = { participant: 'bob-participant-00001', host: false };
const carol: Actor = { participant: 'carol-participant-001', host: false };

let actions = 0;
const act = (room: RoomRecord, action: ActionInput, actor: Actor, now = 1_000) =>
  apply(room, { ...action, id: `a${++actions}` } as Action, actor, now);

function setup(moderation: Moderation = 'post'): RoomRecord {
  return createRoom({ id: 'room', title: 'Room', moderation, createdAt: 0 });
}

function ask(room: RoomRecord, actor: Actor, text = 'Why?', now = 1_000): string {
  const outcome = act(room, { type: 'ask', text }, actor, now);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result!.id!;
}

const question = (room: RoomRecord, id: string): QuestionView | undefined =>
  roomView(room, 0, { host: true }).questions.find((item) => item.id === id);
const publicIds = (room: RoomRecord) => roomView(room, 0).questions.map((item) => item.id);

describe('ask', () => {
  it('trims the text and the name; an empty name stays anonymous', () => {
    const room = setup();
    const first = act(room, { type: 'ask', text: '  What about Bonn?  ', name: '  Ada ' }, alice);
    const second = act(room, { type: 'ask', text: 'And Köln?', name: '   ' }, alice);
    expect(first).toEqual({ ok: true, result: { id: 'q1' }, changes: { questions: ['q1'], mine: true } });
    expect(second.ok && second.result).toEqual({ id: 'q2' });
    expect(question(room, 'q1')).toMatchObject({
      text: 'What about Bonn?',
      name: 'Ada',
      status: 'live',
      upvotes: 0,
    });
    expect(question(room, 'q2')).not.toHaveProperty('name');
  });

  it.each([
    { text: '', name: undefined, code: 'empty' },
    { text: ' \n\t ', name: undefined, code: 'empty' },
    { text: 'x'.repeat(limits.questionText + 1), name: undefined, code: 'too_long' },
    { text: 'ok', name: 'n'.repeat(limits.displayName + 1), code: 'too_long' },
  ])('refuses text $text.length chars / name $name.length with $code', ({ text, name, code }) => {
    const room = setup();
    const outcome = act(room, { type: 'ask', text, ...(name !== undefined && { name }) }, alice);
    expect(outcome).toMatchObject({ ok: false, code });
    expect(!outcome.ok && outcome.message).toMatch(/\w/);
    expect(room.questions.size).toBe(0);
  });

  it('accepts exactly the limits', () => {
    const room = setup();
    const outcome = act(
      room,
      { type: 'ask', text: ` ${'x'.repeat(limits.questionText)} `, name: 'n'.repeat(limits.displayName) },
      alice,
    );
    expect(outcome.ok).toBe(true);
  });

  it('goes live at once under post-moderation', () => {
    const room = setup('post');
    const id = ask(room, alice);
    expect(publicIds(room)).toEqual([id]);
  });

  it('waits for review under pre-moderation, seen by its author and the host only', () => {
    const room = setup('pre');
    const id = ask(room, alice);
    expect(question(room, id)?.status).toBe('review');
    expect(publicIds(room)).toEqual([]);
    expect(roomView(room, 0, { participant: bob.participant }).questions).toEqual([]);
    expect(roomView(room, 0, { participant: alice.participant }).questions.map((item) => item.id)).toEqual([
      id,
    ]);
    expect(mineView(room, alice.participant).questions).toEqual([id]);
    expect(mineView(room, bob.participant).questions).toEqual([]);
  });

  it("does not hold the host's own questions for review", () => {
    const room = setup('pre');
    const id = ask(room, host);
    expect(publicIds(room)).toEqual([id]);
  });
});

describe('moderation', () => {
  it('approves, answers, reopens and dismisses', () => {
    const room = setup('pre');
    const id = ask(room, alice);
    const steps = [
      { status: 'live', public: true },
      { status: 'answered', public: true },
      { status: 'live', public: true },
      { status: 'dismissed', public: false },
      { status: 'review', public: false },
    ] as const;
    for (const [index, step] of steps.entries()) {
      const outcome = act(room, { type: 'moderate', question: id, status: step.status }, host, 2_000 + index);
      expect(outcome).toEqual({ ok: true, changes: { questions: [id] } });
      expect(question(room, id)?.status).toBe(step.status);
      expect(publicIds(room).includes(id)).toBe(step.public);
    }
  });

  it('stamps answeredAt when answered and clears it when reopened', () => {
    const room = setup();
    const id = ask(room, alice);
    act(room, { type: 'moderate', question: id, status: 'answered' }, host, 5_000);
    expect(question(room, id)?.answeredAt).toBe(5_000);
    act(room, { type: 'moderate', question: id, status: 'live' }, host, 6_000);
    expect(question(room, id)).not.toHaveProperty('answeredAt');
  });

  it('hides dismissed questions from everyone but the host, including their author', () => {
    const room = setup();
    const id = ask(room, alice);
    act(room, { type: 'moderate', question: id, status: 'dismissed' }, host);
    expect(roomView(room, 0, { participant: alice.participant }).questions).toEqual([]);
    expect(mineView(room, alice.participant).questions).toEqual([]);
    expect(act(room, { type: 'upvote', question: id }, alice)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(act(room, { type: 'edit', question: id, text: 'x' }, alice)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('highlights at most one question, and reports both the new and the previous one', () => {
    const room = setup();
    const [first, second] = [ask(room, alice), ask(room, bob)];
    expect(act(room, { type: 'moderate', question: first, highlighted: true }, host)).toEqual({
      ok: true,
      changes: { questions: [first] },
    });
    expect(act(room, { type: 'moderate', question: second, highlighted: true }, host)).toEqual({
      ok: true,
      changes: { questions: [second, first] },
    });
    const highlighted = roomView(room, 0)
      .questions.filter((item) => item.highlighted)
      .map((item) => item.id);
    expect(highlighted).toEqual([second]);
    act(room, { type: 'moderate', question: second, highlighted: false }, host);
    expect(roomView(room, 0).questions.some((item) => item.highlighted)).toBe(false);
  });

  it('highlights live questions only, and drops the highlight when a question is answered', () => {
    const room = setup('pre');
    const id = ask(room, alice);
    expect(act(room, { type: 'moderate', question: id, highlighted: true }, host)).toMatchObject({
      ok: false,
      code: 'closed',
    });
    // Approving and highlighting in one go is fine.
    expect(act(room, { type: 'moderate', question: id, status: 'live', highlighted: true }, host).ok).toBe(
      true,
    );
    act(room, { type: 'moderate', question: id, status: 'answered' }, host);
    expect(question(room, id)?.highlighted).toBe(false);
  });

  it('pins, labels, replies and edits; empty strings remove label and reply', () => {
    const room = setup();
    const id = ask(room, alice, 'Teh question');
    act(
      room,
      {
        type: 'moderate',
        question: id,
        pinned: true,
        label: ' Pässe ',
        reply: 'See the FAQ.',
        text: 'The question',
      },
      host,
    );
    expect(question(room, id)).toMatchObject({
      pinned: true,
      label: 'Pässe',
      reply: 'See the FAQ.',
      text: 'The question',
      edited: true,
    });
    act(room, { type: 'moderate', question: id, pinned: false, label: '', reply: '  ' }, host);
    const view = question(room, id)!;
    expect(view.pinned).toBe(false);
    expect(view).not.toHaveProperty('label');
    expect(view).not.toHaveProperty('reply');
  });

  it.each([
    { fields: { label: 'l'.repeat(limits.label + 1) }, code: 'too_long' },
    { fields: { reply: 'r'.repeat(limits.reply + 1) }, code: 'too_long' },
    { fields: { text: '   ' }, code: 'empty' },
    { fields: { text: 't'.repeat(limits.questionText + 1) }, code: 'too_long' },
  ])('refuses $fields with $code and changes nothing', ({ fields, code }) => {
    const room = setup();
    const id = ask(room, alice);
    const before = question(room, id);
    expect(
      act(room, { type: 'moderate', question: id, status: 'answered', pinned: true, ...fields }, host),
    ).toMatchObject({
      ok: false,
      code,
    });
    expect(question(room, id)).toEqual(before);
  });

  it('refuses unknown questions with not_found', () => {
    const room = setup();
    expect(act(room, { type: 'moderate', question: 'q9', status: 'live' }, host)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});

describe('upvote', () => {
  it('toggles, one per participant, with exact counts', () => {
    const room = setup();
    const id = ask(room, alice);
    const upvote = (actor: Actor) => act(room, { type: 'upvote', question: id }, actor);
    expect(upvote(carol)).toEqual({ ok: true, changes: { questions: [id], mine: true } });
    upvote(bob);
    expect(question(room, id)?.upvotes).toBe(2);
    upvote(bob);
    expect(question(room, id)?.upvotes).toBe(1);
    expect(mineView(room, carol.participant).upvoted).toEqual([id]);
    expect(mineView(room, bob.participant).upvoted).toEqual([]);
    for (let i = 0; i < 100; i++) upvote({ participant: `p${i % 10}-xxxxxxxxxxxxxxxx`, host: false });
    // Ten participants toggled ten times each: back to none of theirs.
    expect(question(room, id)?.upvotes).toBe(1);
  });

  it.each([
    { status: 'answered', code: 'closed' },
    { status: 'review', code: 'not_found' },
    { status: 'dismissed', code: 'not_found' },
  ] as const)('refuses a question that is $status with $code', ({ status, code }) => {
    const room = setup();
    const id = ask(room, alice);
    act(room, { type: 'moderate', question: id, status }, host);
    expect(act(room, { type: 'upvote', question: id }, bob)).toMatchObject({ ok: false, code });
  });

  it.each(['post', 'pre'] as const)(
    "refuses the author's own question with own_question (%s-moderated), changing nothing",
    (moderation) => {
      const room = setup(moderation);
      const id = ask(room, alice);
      expect(act(room, { type: 'upvote', question: id }, alice)).toMatchObject({
        ok: false,
        code: 'own_question',
      });
      expect(question(room, id)?.upvotes).toBe(0);
      expect(mineView(room, alice.participant).upvoted).toEqual([]);
    },
  );

  it('refuses unknown questions with not_found', () => {
    expect(act(setup(), { type: 'upvote', question: 'q1' }, alice)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});

describe('edit and delete by participants', () => {
  it('lets the author edit their question (marked edited) and delete it', () => {
    const room = setup();
    const id = ask(room, alice);
    expect(act(room, { type: 'edit', question: id, text: '  Why not?  ' }, alice)).toEqual({
      ok: true,
      changes: { questions: [id], mine: true },
    });
    expect(question(room, id)).toMatchObject({ text: 'Why not?', edited: true });
    expect(act(room, { type: 'delete', question: id }, alice)).toEqual({
      ok: true,
      changes: { removedQuestions: [id], mine: true },
    });
    expect(question(room, id)).toBeUndefined();
    expect(mineView(room, alice.participant).questions).toEqual([]);
  });

  it('does not mark an edit that changes nothing', () => {
    const room = setup();
    const id = ask(room, alice, 'Same');
    expect(act(room, { type: 'edit', question: id, text: ' Same ' }, alice)).toEqual({
      ok: true,
      changes: {},
    });
    expect(question(room, id)?.edited).toBe(false);
  });

  it('sends an edited question back to review under pre-moderation', () => {
    const room = setup('pre');
    const id = ask(room, alice);
    act(room, { type: 'moderate', question: id, status: 'live' }, host);
    act(room, { type: 'edit', question: id, text: 'Something else entirely' }, alice);
    expect(question(room, id)?.status).toBe('review');
    expect(publicIds(room)).toEqual([]);
  });

  it.each([
    { type: 'edit', by: 'bob', status: 'live', code: 'forbidden' },
    { type: 'delete', by: 'bob', status: 'live', code: 'forbidden' },
    { type: 'edit', by: 'alice', status: 'answered', code: 'closed' },
    { type: 'delete', by: 'alice', status: 'answered', code: 'closed' },
    { type: 'edit', by: 'bob', status: 'answered', code: 'forbidden' },
  ] as const)('$type by $by of a $status question is refused with $code', ({ type, by, status, code }) => {
    const room = setup();
    const id = ask(room, alice);
    act(room, { type: 'moderate', question: id, status }, host);
    const actor = by === 'alice' ? alice : bob;
    const action: ActionInput =
      type === 'edit' ? { type, question: id, text: 'Changed' } : { type, question: id };
    expect(act(room, action, actor)).toMatchObject({ ok: false, code });
    expect(question(room, id)).toMatchObject({ text: 'Why?', status });
  });

  it('lets the host delete any question, answered ones too', () => {
    const room = setup();
    const id = ask(room, alice);
    act(room, { type: 'moderate', question: id, status: 'answered' }, host);
    expect(act(room, { type: 'delete', question: id }, host)).toEqual({
      ok: true,
      changes: { removedQuestions: [id], mine: false },
    });
    expect(room.questions.size).toBe(0);
  });

  it('refuses a second delete with not_found', () => {
    const room = setup();
    const id = ask(room, alice);
    act(room, { type: 'delete', question: id }, alice);
    expect(act(room, { type: 'delete', question: id }, alice)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});

describe('sortQuestions and participantLists', () => {
  const q = (
    id: string,
    upvotes: number,
    createdAt: number,
    flags: Partial<QuestionView> = {},
  ): QuestionView => ({
    id,
    text: id,
    upvotes,
    status: 'live',
    highlighted: false,
    pinned: false,
    edited: false,
    createdAt,
    ...flags,
  });
  const list = [
    q('q1', 3, 100),
    q('q2', 5, 200),
    q('q3', 3, 50),
    q('q4', 0, 300, { pinned: true }),
    q('q5', 1, 400),
    q('q6', 0, 10, { highlighted: true }),
    q('q7', 1, 400),
  ];

  it.each([
    { order: 'popular', expected: ['q6', 'q4', 'q2', 'q3', 'q1', 'q5', 'q7'] },
    { order: 'recent', expected: ['q6', 'q4', 'q7', 'q5', 'q2', 'q1', 'q3'] },
  ] as const)('$order: highlighted, pinned, then the order', ({ order, expected }) => {
    expect(sortQuestions(list, order).map((item) => item.id)).toEqual(expected);
    expect(list.map((item) => item.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']); // not in place
  });

  it('keeps the order asked when questions share a millisecond (ids are random)', () => {
    const same = [q('qf3a', 0, 5), q('q01b', 0, 5)];
    expect(sortQuestions(same, 'popular').map((item) => item.id)).toEqual(['qf3a', 'q01b']);
    expect(sortQuestions(same, 'recent').map((item) => item.id)).toEqual(['q01b', 'qf3a']);
  });

  it('lists answered questions apart, latest answer first, and dismissed ones nowhere', () => {
    const mixed = [
      q('q1', 0, 1),
      q('q2', 0, 2, { status: 'answered', answeredAt: 20 }),
      q('q3', 9, 3, { status: 'review' }),
      q('q4', 0, 4, { status: 'answered', answeredAt: 30 }),
      q('q5', 0, 5, { status: 'dismissed' }),
    ];
    const { live, answered } = participantLists(mixed, 'popular');
    expect(live.map((item) => item.id)).toEqual(['q3', 'q1']);
    expect(answered.map((item) => item.id)).toEqual(['q4', 'q2']);
    expect(sortAnswered(answered.reverse()).map((item) => item.id)).toEqual(['q4', 'q2']);
  });

  it('puts the later of two questions of one millisecond first in recent, as paging does', () => {
    const { live } = participantLists([q('qf3a', 0, 5), q('q01b', 0, 5)], 'recent');
    expect(live.map((item) => item.id)).toEqual(['q01b', 'qf3a']);
  });
});

describe('merge', () => {
  const dave: Actor = { participant: 'dave-participant-0001', host: false };
  const upvote = (room: RoomRecord, id: string, actor: Actor) =>
    act(room, { type: 'upvote', question: id }, actor);

  it('adds the upvotes up as a union, removes the duplicates, and keeps the survivor as it was', () => {
    const room = setup();
    const first = ask(room, alice, 'Wann kommt der digitale Pass?');
    const second = ask(room, bob, 'Wann kommt der digitale Pass');
    const third = ask(room, carol, 'wann kommt der digitale pass?');
    upvote(room, first, dave);
    upvote(room, second, dave);
    upvote(room, second, carol);
    act(room, { type: 'moderate', question: first, pinned: true, label: 'Pass' }, host);
    expect(act(room, { type: 'merge', question: first, duplicates: [second, third] }, host)).toEqual({
      ok: true,
      changes: {
        questions: [first],
        removedQuestions: [second, third],
        personal: [bob.participant, carol.participant, dave.participant],
      },
    });
    // dave once (not twice); carol asked one of them, so her upvote is not counted on her own.
    expect(question(room, first)).toMatchObject({
      text: 'Wann kommt der digitale Pass?',
      upvotes: 1,
      pinned: true,
      label: 'Pass',
    });
    expect(publicIds(room)).toEqual([first]);
  });

  it('lets each asker still find their question, but only its author edit it', () => {
    const room = setup();
    const first = ask(room, alice, 'Same?');
    const second = ask(room, bob, 'same');
    act(room, { type: 'merge', question: first, duplicates: [second] }, host);
    expect(mineView(room, alice.participant)).toMatchObject({ questions: [first] });
    expect(mineView(room, alice.participant).merged).toBeUndefined();
    expect(mineView(room, bob.participant)).toMatchObject({ questions: [], merged: [first] });
    expect(upvote(room, first, bob)).toMatchObject({ ok: false, code: 'own_question' });
    expect(act(room, { type: 'edit', question: first, text: 'Mine now' }, bob)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('shows a merged question in review to every asker, and nobody else', () => {
    const room = setup('pre');
    const first = ask(room, alice, 'Same?');
    const second = ask(room, bob, 'same');
    act(room, { type: 'merge', question: first, duplicates: [second] }, host);
    const seen = (actor: Actor) =>
      roomView(room, 0, { participant: actor.participant }).questions.map((item) => item.id);
    expect(seen(alice)).toEqual([first]);
    expect(seen(bob)).toEqual([first]);
    expect(seen(carol)).toEqual([]);
  });

  it('names every asker as a reader while it waits in review, and agrees with the views', () => {
    const room = setup('pre');
    const first = ask(room, alice, 'Same?');
    const second = ask(room, bob, 'same');
    act(room, { type: 'merge', question: first, duplicates: [second] }, host);
    const record = room.questions.get(first)!;
    expect(reviewReaders(record)).toEqual([alice.participant, bob.participant]);
    for (const status of ['review', 'live', 'answered', 'dismissed'] as const) {
      act(room, { type: 'moderate', question: first, status }, host);
      for (const actor of [host, alice, bob, carol]) {
        const view = roomView(room, 0, { host: actor.host, participant: actor.participant });
        expect(canSeeQuestion(record, actor), `${status}, ${actor.participant}`).toBe(
          view.questions.some((item) => item.id === first),
        );
      }
      if (status !== 'review') expect(reviewReaders(record)).toEqual([]);
    }
  });

  it('carries earlier co-askers along when a merged question is merged again', () => {
    const room = setup();
    const [a, b, c] = [ask(room, alice, 'A'), ask(room, bob, 'B'), ask(room, carol, 'C')];
    act(room, { type: 'merge', question: b, duplicates: [a] }, host);
    act(room, { type: 'merge', question: c, duplicates: [b] }, host);
    expect(mineView(room, alice.participant).merged).toEqual([c]);
    expect(mineView(room, bob.participant).merged).toEqual([c]);
  });

  it.each([
    { why: 'into itself', duplicates: (id: string) => [id], code: 'invalid' },
    { why: 'an unknown duplicate', duplicates: () => ['q99'], code: 'not_found' },
  ])('refuses a merge $why with $code, changing nothing', ({ duplicates, code }) => {
    const room = setup();
    const first = ask(room, alice, 'A');
    const second = ask(room, bob, 'B');
    expect(
      act(room, { type: 'merge', question: first, duplicates: [second, ...duplicates(first)] }, host),
    ).toMatchObject({
      ok: false,
      code,
    });
    expect(publicIds(room)).toEqual([first, second]);
  });
});
