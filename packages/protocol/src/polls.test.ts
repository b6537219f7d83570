import { describe, expect, it } from 'vitest';
import { limits } from './limits.js';
import type { Action, ActionInput } from './messages.js';
import { apply, createRoom, mineView, roomView, type Actor, type RoomRecord } from './model.js';
import { pollView } from './polls.js';
import { groupAnswers, percentages } from './results.js';
import type { Choice, PollKind, PollView } from './state.js';

const host: Actor = { participant: 'host-participant-0001', host: true };
const voter = (n: number): Actor => ({ participant: `voter-${String(n).padStart(16, '0')}`, host: false });
const [alice, bob] = [voter(1), voter(2)];

let actions = 0;
const act = (room: RoomRecord, action: ActionInput, actor: Actor, now = 1_000) =>
  apply(room, { ...action, id: `a${++actions}` } as Action, actor, now);

const setup = () => createRoom({ id: 'room', createdAt: 0 });
const must = (room: RoomRecord, action: ActionInput, actor: Actor) =>
  expect(act(room, action, actor).ok).toBe(true);

function poll(
  room: RoomRecord,
  kind: PollKind,
  {
    options = kind === 'single' || kind === 'multiple' ? ['A', 'B', 'C'] : undefined,
    open = true,
    maxChoices,
  }: {
    options?: string[];
    open?: boolean;
    maxChoices?: number;
  } = {},
): string {
  const created = act(room, { type: 'poll-create', title: 'Poll', kind, options, maxChoices }, host);
  if (!created.ok) throw new Error(created.message);
  const id = created.result!.id!;
  if (open) act(room, { type: 'poll-update', poll: id, status: 'open' }, host);
  return id;
}

const view = (room: RoomRecord, id: string, host = true): PollView | undefined =>
  roomView(room, 0, { host }).polls.find((item) => item.id === id);
const vote = (room: RoomRecord, id: string, choice: Choice, actor = alice) =>
  act(room, { type: 'vote', poll: id, choice }, actor);

describe('poll-create', () => {
  it('creates a draft with visible results and answers with its id', () => {
    const room = setup();
    const outcome = act(
      room,
      { type: 'poll-create', title: ' Which? ', kind: 'single', options: [' A ', 'B'] },
      host,
    );
    expect(outcome).toEqual({ ok: true, result: { id: 'p1' }, changes: { polls: ['p1'] } });
    expect(view(room, 'p1')).toMatchObject({
      id: 'p1',
      title: 'Which?',
      kind: 'single',
      status: 'draft',
      options: ['A', 'B'],
      resultsVisible: true,
      createdAt: 1_000,
    });
    expect(room.currentPoll).toBeNull();
  });

  it.each([
    { kind: 'single', options: ['A', 'B'] },
    { kind: 'multiple', options: ['A', 'B', 'C'], maxChoices: 2 },
    { kind: 'multiple', options: ['A', 'B'], maxChoices: 2 },
    { kind: 'open', options: [] },
    { kind: 'open' },
    { kind: 'rating' },
    { kind: 'single', options: Array.from({ length: limits.pollOptions }, (_, i) => `Option ${i}`) },
  ] as const)('accepts $kind with $options.length options, max $maxChoices', (fields) => {
    expect(
      act(
        setup(),
        { type: 'poll-create', title: 'T', ...fields, options: fields.options && [...fields.options] },
        host,
      ).ok,
    ).toBe(true);
  });

  it.each([
    { why: 'one option', kind: 'single', options: ['A'], code: 'invalid' },
    { why: 'no options', kind: 'single', options: undefined, code: 'invalid' },
    { why: 'empty options', kind: 'multiple', options: [], code: 'invalid' },
    {
      why: 'too many options',
      kind: 'single',
      options: Array.from({ length: limits.pollOptions + 1 }, (_, i) => `${i}`),
      code: 'invalid',
    },
    { why: 'duplicate options', kind: 'single', options: ['A', ' a '], code: 'invalid' },
    { why: 'a blank option', kind: 'single', options: ['A', '  '], code: 'empty' },
    {
      why: 'a long option',
      kind: 'single',
      options: ['A', 'x'.repeat(limits.pollOption + 1)],
      code: 'too_long',
    },
    { why: 'options on open', kind: 'open', options: ['A', 'B'], code: 'invalid' },
    { why: 'options on rating', kind: 'rating', options: ['A', 'B'], code: 'invalid' },
    {
      why: 'maxChoices above options',
      kind: 'multiple',
      options: ['A', 'B'],
      maxChoices: 3,
      code: 'invalid',
    },
    { why: 'maxChoices 0', kind: 'multiple', options: ['A', 'B'], maxChoices: 0, code: 'invalid' },
    { why: 'maxChoices on single', kind: 'single', options: ['A', 'B'], maxChoices: 1, code: 'invalid' },
    { why: 'a blank title', kind: 'single', options: ['A', 'B'], title: ' ', code: 'empty' },
    {
      why: 'a long title',
      kind: 'single',
      options: ['A', 'B'],
      title: 't'.repeat(limits.pollTitle + 1),
      code: 'too_long',
    },
  ] as const)('refuses $why with $code', (fields) => {
    const room = setup();
    const { code, why: _why, ...rest } = fields;
    const action = {
      type: 'poll-create',
      title: 'T',
      ...rest,
      options: rest.options && [...rest.options],
    } as ActionInput;
    expect(act(room, action, host)).toMatchObject({ ok: false, code });
    expect(room.polls.size).toBe(0);
    expect(room.counters.poll).toBe(0);
  });
});

describe('poll-update', () => {
  it('opens a poll as the current one, closing any other open poll', () => {
    const room = setup();
    const first = poll(room, 'single');
    const second = poll(room, 'rating', { open: false });
    expect(room.currentPoll).toBe(first);
    expect(act(room, { type: 'poll-update', poll: second, status: 'open' }, host)).toEqual({
      ok: true,
      changes: { polls: [second, first], currentPoll: second },
    });
    expect(view(room, first)?.status).toBe('closed');
    expect(view(room, second)?.status).toBe('open');
    expect(roomView(room, 0).polls.filter((item) => item.status === 'open')).toHaveLength(1);
  });

  it('keeps a closed poll current so its final results show', () => {
    const room = setup();
    const id = poll(room, 'single');
    expect(act(room, { type: 'poll-update', poll: id, status: 'closed' }, host)).toEqual({
      ok: true,
      changes: { polls: [id] },
    });
    expect(room.currentPoll).toBe(id);
  });

  it.each([
    { from: 'draft', to: 'open', ok: true },
    { from: 'draft', to: 'closed', ok: true },
    { from: 'open', to: 'closed', ok: true },
    { from: 'closed', to: 'open', ok: true },
    { from: 'open', to: 'open', ok: true },
    { from: 'open', to: 'draft', ok: false },
    { from: 'closed', to: 'draft', ok: false },
  ] as const)('$from -> $to: $ok', ({ from, to, ok }) => {
    const room = setup();
    const id = poll(room, 'single', { open: false });
    if (from === 'open' || from === 'closed')
      act(room, { type: 'poll-update', poll: id, status: 'open' }, host);
    if (from === 'closed') act(room, { type: 'poll-update', poll: id, status: 'closed' }, host);
    const outcome = act(room, { type: 'poll-update', poll: id, status: to }, host);
    expect(outcome.ok).toBe(ok);
    expect(view(room, id)?.status).toBe(ok ? to : from);
  });

  it('edits title, options and maxChoices while draft only', () => {
    const room = setup();
    const id = poll(room, 'multiple', { open: false, maxChoices: 3 });
    expect(act(room, { type: 'poll-update', poll: id, title: 'New', options: ['X', 'Y'] }, host).ok).toBe(
      true,
    );
    // The maximum shrinks with the options.
    expect(view(room, id)).toMatchObject({ title: 'New', options: ['X', 'Y'], maxChoices: 2 });
    expect(act(room, { type: 'poll-update', poll: id, maxChoices: 1 }, host).ok).toBe(true);
    expect(view(room, id)?.maxChoices).toBe(1);
    // null lifts the maximum; leaving it out keeps it.
    expect(act(room, { type: 'poll-update', poll: id, maxChoices: null }, host).ok).toBe(true);
    expect(view(room, id)).not.toHaveProperty('maxChoices');
    expect(act(room, { type: 'poll-update', poll: id, maxChoices: 1 }, host).ok).toBe(true);
    expect(act(room, { type: 'poll-update', poll: id, title: 'New' }, host).ok).toBe(true);
    expect(view(room, id)?.maxChoices).toBe(1);
    act(room, { type: 'poll-update', poll: id, status: 'open' }, host);
    for (const edit of [
      { title: 'Late' },
      { options: ['P', 'Q'] },
      { maxChoices: 2 },
      { maxChoices: null },
    ]) {
      expect(act(room, { type: 'poll-update', poll: id, ...edit }, host)).toMatchObject({
        ok: false,
        code: 'closed',
      });
    }
    expect(view(room, id)).toMatchObject({ title: 'New', options: ['X', 'Y'], maxChoices: 1 });
  });

  it('toggles resultsVisible', () => {
    const room = setup();
    const id = poll(room, 'single');
    act(room, { type: 'poll-update', poll: id, resultsVisible: false }, host);
    expect(view(room, id, false)).toMatchObject({ resultsVisible: false });
    expect(view(room, id, false)).not.toHaveProperty('results');
    act(room, { type: 'poll-update', poll: id, resultsVisible: true }, host);
    expect(view(room, id, false)?.results).toBeDefined();
  });

  it('refuses unknown polls with not_found', () => {
    expect(act(setup(), { type: 'poll-update', poll: 'p1', status: 'open' }, host)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});

describe('poll-delete', () => {
  it('removes the poll and clears currentPoll when it was current', () => {
    const room = setup();
    const [first, second] = [poll(room, 'single', { open: false }), poll(room, 'single')];
    // The one after it moves up a place: the hosts' copies learn its new number.
    expect(act(room, { type: 'poll-delete', poll: first }, host)).toEqual({
      ok: true,
      changes: { removedPolls: [first], polls: [second] },
    });
    expect(view(room, second)?.position).toBe(1);
    expect(room.currentPoll).toBe(second);
    expect(act(room, { type: 'poll-delete', poll: second }, host)).toEqual({
      ok: true,
      changes: { removedPolls: [second], currentPoll: null },
    });
    expect(roomView(room, 0, { host: true })).toMatchObject({ polls: [], currentPoll: null });
    expect(act(room, { type: 'poll-delete', poll: second }, host)).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});

describe('vote', () => {
  it('replaces a previous vote and keeps tallies exact', () => {
    const room = setup();
    const id = poll(room, 'single');
    expect(vote(room, id, 0)).toEqual({ ok: true, changes: { polls: [id], mine: true } });
    vote(room, id, 0, bob);
    vote(room, id, 2);
    expect(view(room, id)?.results).toEqual({
      kind: 'single',
      counts: [1, 0, 1],
      percentages: [50, 0, 50],
      responses: 2,
    });
    expect(mineView(room, alice.participant).votes).toEqual({ [id]: 2 });
    // The same vote again changes nothing.
    expect(vote(room, id, 2)).toEqual({ ok: true, changes: {} });
  });

  it.each([
    // A draft is invisible to participants: its existence must not leak through the error.
    { state: 'draft', voter: alice, code: 'not_found' },
    { state: 'draft', voter: host, code: 'closed' },
    { state: 'closed', voter: alice, code: 'closed' },
  ] as const)(
    'refuses votes on a $state poll from $voter.participant with $code',
    ({ state, voter, code }) => {
      const room = setup();
      const id = poll(room, 'single', { open: false });
      if (state === 'closed') act(room, { type: 'poll-update', poll: id, status: 'closed' }, host);
      expect(vote(room, id, 0, voter)).toMatchObject({ ok: false, code });
      expect(room.polls.get(id)?.responses.size).toBe(0);
    },
  );

  it('refuses unknown polls with not_found', () => {
    expect(vote(setup(), 'p7', 0)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('accepts votes again after a poll is reopened, keeping the earlier ones', () => {
    const room = setup();
    const id = poll(room, 'single');
    vote(room, id, 1);
    act(room, { type: 'poll-update', poll: id, status: 'closed' }, host);
    act(room, { type: 'poll-update', poll: id, status: 'open' }, host);
    vote(room, id, 0, bob);
    expect(view(room, id)?.results).toMatchObject({ counts: [1, 1, 0], responses: 2 });
  });

  it.each([
    { kind: 'single', choice: 1, ok: true },
    { kind: 'single', choice: 3, code: 'invalid' },
    { kind: 'single', choice: -1, code: 'invalid' },
    { kind: 'single', choice: 1.5, code: 'invalid' },
    { kind: 'single', choice: [1], code: 'invalid' },
    { kind: 'single', choice: 'A', code: 'invalid' },
    { kind: 'multiple', choice: [2, 0], ok: true },
    { kind: 'multiple', choice: [], code: 'empty' },
    { kind: 'multiple', choice: [0, 0], code: 'invalid' },
    { kind: 'multiple', choice: [0, 3], code: 'invalid' },
    { kind: 'multiple', choice: 1, code: 'invalid' },
    { kind: 'multiple', choice: [0, 1, 2], code: 'too_many_choices' },
    { kind: 'open', choice: '  Kinderreisepass ', ok: true },
    { kind: 'open', choice: '   ', code: 'empty' },
    { kind: 'open', choice: 'x'.repeat(limits.openAnswer + 1), code: 'too_long' },
    { kind: 'open', choice: `  ${'x'.repeat(limits.openAnswer)}  `, ok: true },
    { kind: 'open', choice: 3, code: 'invalid' },
    { kind: 'rating', choice: 1, ok: true },
    { kind: 'rating', choice: 5, ok: true },
    { kind: 'rating', choice: 0, code: 'invalid' },
    { kind: 'rating', choice: 6, code: 'invalid' },
    { kind: 'rating', choice: 4.5, code: 'invalid' },
    { kind: 'rating', choice: '5', code: 'invalid' },
  ] as const)('$kind: $choice -> $code', ({ kind, choice, ...expected }) => {
    const room = setup();
    const id = poll(room, kind, kind === 'multiple' ? { maxChoices: 2 } : {});
    const outcome = vote(room, id, (Array.isArray(choice) ? [...choice] : choice) as Choice);
    if ('ok' in expected) expect(outcome.ok).toBe(true);
    else expect(outcome).toMatchObject({ ok: false, code: expected.code });
  });

  it('stores multiple choices sorted, and counts each chosen option', () => {
    const room = setup();
    const id = poll(room, 'multiple');
    vote(room, id, [2, 0]);
    vote(room, id, [0, 1, 2], bob);
    expect(mineView(room, alice.participant).votes[id]).toEqual([0, 2]);
    expect(view(room, id)?.results).toEqual({
      kind: 'multiple',
      counts: [2, 1, 2],
      percentages: [40, 20, 40],
      responses: 2,
    });
    vote(room, id, [1]);
    expect(view(room, id)?.results).toMatchObject({ counts: [1, 2, 1], responses: 2 });
  });

  it('lets the maximum of choices default to the number of options', () => {
    const room = setup();
    const id = poll(room, 'multiple');
    expect(vote(room, id, [0, 1, 2]).ok).toBe(true);
  });
});

describe('results', () => {
  it('groups open answers case- and whitespace-insensitively', () => {
    const room = setup();
    const id = poll(room, 'open');
    vote(room, id, 'Kinderreisepass', alice);
    vote(room, id, ' kinderreisepass ', bob);
    vote(room, id, 'Personalausweis', voter(3));
    expect(view(room, id)?.results).toEqual({
      kind: 'open',
      answers: [
        { text: 'Kinderreisepass', count: 2 },
        { text: 'Personalausweis', count: 1 },
      ],
      responses: 3,
    });
    // Replacing an answer moves the count; a group left empty disappears.
    vote(room, id, 'Reisepass', voter(3));
    vote(room, id, 'reisepass', alice);
    expect(view(room, id)?.results).toEqual({
      kind: 'open',
      answers: [
        { text: 'Reisepass', count: 2 },
        { text: 'Kinderreisepass', count: 1 },
      ],
      responses: 3,
    });
  });

  it('gives the rating distribution, percentages and average', () => {
    const room = setup();
    const id = poll(room, 'rating');
    [5, 4, 4, 3, 5, 5, 1].forEach((stars, n) => vote(room, id, stars, voter(n)));
    expect(view(room, id)?.results).toEqual({
      kind: 'rating',
      distribution: [1, 0, 1, 2, 3],
      percentages: [14, 0, 14, 29, 43],
      average: 3.9, // 27 / 7 = 3.857…
      responses: 7,
    });
  });

  it('shows all zeros before anyone votes', () => {
    const room = setup();
    expect(view(room, poll(room, 'single'))?.results).toEqual({
      kind: 'single',
      counts: [0, 0, 0],
      percentages: [0, 0, 0],
      responses: 0,
    });
    expect(view(room, poll(room, 'rating'))?.results).toMatchObject({
      average: 0,
      percentages: [0, 0, 0, 0, 0],
    });
    expect(view(room, poll(room, 'open'))?.results).toEqual({ kind: 'open', answers: [], responses: 0 });
  });

  it.each([
    { status: 'open', resultsVisible: true, public: true },
    { status: 'open', resultsVisible: false, public: false },
    // Closing never reveals: hidden results stay with the host until they reveal them.
    { status: 'closed', resultsVisible: false, public: false },
    { status: 'closed', resultsVisible: true, public: true },
  ] as const)(
    '$status poll with resultsVisible=$resultsVisible: public results $public, host always',
    (row) => {
      const room = setup();
      const id = poll(room, 'single');
      act(
        room,
        { type: 'poll-update', poll: id, status: row.status, resultsVisible: row.resultsVisible },
        host,
      );
      expect('results' in view(room, id, false)!).toBe(row.public);
      expect('results' in view(room, id, true)!).toBe(true);
      expect('results' in pollView(room.polls.get(id)!, true)).toBe(true);
    },
  );

  it('reveals on its own action, before, during or after voting, and counts responses while hidden', () => {
    const room = setup();
    const id = poll(room, 'single', { open: false });
    must(room, { type: 'poll-update', poll: id, resultsVisible: false }, host);
    must(room, { type: 'poll-update', poll: id, status: 'open' }, host);
    vote(room, id, 1);
    vote(room, id, 0, bob);
    expect(view(room, id, false)).toMatchObject({ responses: 2, options: ['A', 'B', 'C'] });
    expect(view(room, id, false)).not.toHaveProperty('results');
    must(room, { type: 'poll-update', poll: id, status: 'closed' }, host);
    expect(view(room, id, false)).not.toHaveProperty('results');
    must(room, { type: 'poll-update', poll: id, resultsVisible: true }, host);
    expect(view(room, id, false)?.results).toMatchObject({ counts: [1, 1, 0], responses: 2 });
    // Hidden again while open: the next votes stay private too.
    must(room, { type: 'poll-update', poll: id, status: 'open', resultsVisible: false }, host);
    expect(view(room, id, false)).not.toHaveProperty('results');
  });

  it('creates a poll with its results hidden from the start when asked', () => {
    const room = setup();
    const created = act(
      room,
      { type: 'poll-create', title: 'Secret', kind: 'rating', resultsVisible: false },
      host,
    );
    const id = created.ok ? created.result!.id! : '';
    expect(view(room, id, true)?.resultsVisible).toBe(false);
  });

  it('hides draft polls from everyone but the host', () => {
    const room = setup();
    const id = poll(room, 'single', { open: false });
    expect(roomView(room, 0).polls).toEqual([]);
    expect(view(room, id, true)?.status).toBe('draft');
    expect(vote(room, id, 0)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('keeps running tallies equal to a full recount over random vote streams', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const room = setup();
    const single = poll(room, 'single', { options: ['A', 'B', 'C', 'D'], open: false });
    const multiple = poll(room, 'multiple', { options: ['A', 'B', 'C', 'D'], maxChoices: 3, open: false });
    const open = poll(room, 'open', { open: false });
    const rating = poll(room, 'rating', { open: false });
    const words = ['Bonn', ' bonn', 'BONN ', 'Köln', 'köln', 'Aachen', 'Neuer  Pass', 'neuer pass'];
    for (const [id, kind] of [
      [single, 'single'],
      [multiple, 'multiple'],
      [open, 'open'],
      [rating, 'rating'],
    ] as const) {
      act(room, { type: 'poll-update', poll: id, status: 'open' }, host);
      for (let i = 0; i < 2_000; i++) {
        const who = voter(Math.floor(random() * 300));
        const choice: Choice =
          kind === 'single'
            ? Math.floor(random() * 4)
            : kind === 'multiple'
              ? [0, 1, 2, 3].filter(() => random() < 0.4).slice(0, 3)
              : kind === 'open'
                ? words[Math.floor(random() * words.length)]!
                : 1 + Math.floor(random() * 5);
        vote(room, id, choice, who);
      }
      const record = room.polls.get(id)!;
      const responses = [...record.responses.values()];
      const results = view(room, id)!.results!;
      if (results.kind === 'open') {
        expect(results.answers.map((answer) => answer.count).sort()).toEqual(
          groupAnswers(responses as string[])
            .map((answer) => answer.count)
            .sort(),
        );
        expect(results.answers.reduce((sum, answer) => sum + answer.count, 0)).toBe(responses.length);
      } else if (results.kind !== 'ranking') {
        const size = kind === 'rating' ? 5 : 4;
        const recount = new Array<number>(size).fill(0);
        for (const choice of responses) {
          for (const index of Array.isArray(choice)
            ? choice
            : [kind === 'rating' ? (choice as number) - 1 : (choice as number)]) {
            recount[index]! += 1;
          }
        }
        const counts = results.kind === 'rating' ? results.distribution : results.counts;
        expect(counts).toEqual(recount);
        expect(results.percentages).toEqual(percentages(recount));
      }
      expect(results.responses).toBe(responses.length);
    }
  });

  it('handles 10,000 votes quickly (a vote costs O(options))', () => {
    const room = setup();
    const id = poll(room, 'single', { options: ['A', 'B', 'C', 'D', 'E'] });
    const voters = Array.from({ length: 10_000 }, (_, n) => voter(n));
    const started = performance.now();
    voters.forEach((who, n) => {
      vote(room, id, n % 5, who);
      if (n % 50 === 0) pollView(room.polls.get(id)!, true); // a patch every so often reads the results
    });
    const elapsed = performance.now() - started;
    expect(view(room, id)?.results).toMatchObject({
      counts: [2000, 2000, 2000, 2000, 2000],
      responses: 10_000,
    });
    expect(elapsed).toBeLessThan(1_000);
  });
});

describe('open answers: hide, show, merge, pre-moderation', () => {
  const carol = voter(3);
  const answers = (room: RoomRecord, id: string, asHost = false) => view(room, id, asHost)?.results;
  const update = (
    room: RoomRecord,
    id: string,
    fields: Partial<Extract<ActionInput, { type: 'poll-update' }>>,
  ) => act(room, { type: 'poll-update', poll: id, ...fields }, host);

  it('hides one answer everywhere, its count included; showing brings it back', () => {
    const room = setup();
    const id = poll(room, 'open');
    vote(room, id, 'Kinderreisepass', alice);
    vote(room, id, 'Spam', bob);
    vote(room, id, 'spam!', carol);
    expect(update(room, id, { hideAnswer: 'SPAM' })).toEqual({ ok: true, changes: { polls: [id] } });
    expect(answers(room, id)).toEqual({
      kind: 'open',
      answers: [{ text: 'Kinderreisepass', count: 1 }],
      responses: 1,
    });
    expect(answers(room, id, true)).toEqual({
      kind: 'open',
      answers: [
        { text: 'Spam', count: 2, status: 'hidden' },
        { text: 'Kinderreisepass', count: 1 },
      ],
      responses: 3,
    });
    // A hidden answer stays hidden when someone gives it again, also after it dropped to 0.
    vote(room, id, 'Pass', bob);
    vote(room, id, 'Pass', carol);
    vote(room, id, 'spam', voter(4));
    expect(answers(room, id)?.responses).toBe(3);
    update(room, id, { showAnswer: 'Spam' });
    expect(answers(room, id)).toMatchObject({
      answers: [{ text: 'Pass', count: 2 }, {}, { text: 'Spam', count: 1 }],
    });
  });

  it('merges variants into one group with the chosen wording; later variants count there', () => {
    const room = setup();
    const id = poll(room, 'open');
    vote(room, id, 'Kinder-Reisepass', alice);
    vote(room, id, 'Kinderreisepass.', bob);
    vote(room, id, 'Reisepass', carol);
    expect(
      update(room, id, {
        mergeAnswers: { answers: ['kinder-reisepass', 'Reisepass'], into: 'Kinderreisepass' },
      }).ok,
    ).toBe(true);
    expect(answers(room, id)).toEqual({
      kind: 'open',
      answers: [{ text: 'Kinderreisepass', count: 3 }],
      responses: 3,
    });
    vote(room, id, 'KINDER-REISEPASS', voter(4));
    // Changing an answer takes it out of the merged group again.
    vote(room, id, 'Personalausweis', carol);
    expect(answers(room, id)).toMatchObject({
      answers: [
        { text: 'Kinderreisepass', count: 3 },
        { text: 'Personalausweis', count: 1 },
      ],
      responses: 4,
    });
    // Merging the merged group on: earlier aliases follow, no chains.
    update(room, id, { mergeAnswers: { answers: ['Kinderreisepass'], into: 'Pass' } });
    vote(room, id, 'Kinder-Reisepass', voter(5));
    expect(answers(room, id)).toMatchObject({ answers: [{ text: 'Pass', count: 4 }, {}] });
    expect(mineView(room, alice.participant).votes[id]).toBe('Kinder-Reisepass');
  });

  it.each([
    { why: 'an unknown answer', fields: { hideAnswer: 'Nobody said this' }, code: 'not_found' },
    {
      why: 'a merge of one group',
      fields: { mergeAnswers: { answers: ['Bonn.'], into: 'bonn' } },
      code: 'invalid',
    },
    { why: 'hide and show at once', fields: { hideAnswer: 'Bonn', showAnswer: 'bonn' }, code: 'invalid' },
    {
      why: 'a merge with an unknown answer',
      fields: { mergeAnswers: { answers: ['Bonn', 'Ulm'], into: 'Bonn' } },
      code: 'not_found',
    },
  ])('refuses $why with $code, changing nothing', ({ fields, code }) => {
    const room = setup();
    const id = poll(room, 'open');
    vote(room, id, 'Bonn', alice);
    vote(room, id, 'Köln', bob);
    const before = answers(room, id, true);
    expect(update(room, id, fields)).toMatchObject({ ok: false, code });
    expect(answers(room, id, true)).toEqual(before);
  });

  it('refuses answer moderation on polls that have no open answers', () => {
    const room = setup();
    const id = poll(room, 'single');
    expect(update(room, id, { hideAnswer: 'A' })).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('holds open answers for approval in a pre-moderated room; approving shows the whole group', () => {
    const room = setup();
    act(room, { type: 'room-update', moderation: 'pre' }, host);
    const id = poll(room, 'open');
    vote(room, id, 'Bonn', alice);
    vote(room, id, 'bonn.', bob);
    vote(room, id, 'Köln', carol);
    expect(answers(room, id)).toEqual({ kind: 'open', answers: [], responses: 0 });
    expect(answers(room, id, true)).toMatchObject({
      answers: [
        { text: 'Bonn', count: 2, status: 'pending' },
        { text: 'Köln', count: 1, status: 'pending' },
      ],
    });
    // The author still has their own answer.
    expect(mineView(room, carol.participant).votes[id]).toBe('Köln');
    update(room, id, { showAnswer: 'BONN' });
    update(room, id, { hideAnswer: 'Köln' });
    // An approved answer given again is shown at once; a new one waits.
    vote(room, id, 'Bonn!', voter(4));
    vote(room, id, 'Ulm', voter(5));
    expect(answers(room, id)).toEqual({ kind: 'open', answers: [{ text: 'Bonn', count: 3 }], responses: 3 });
    // The host's own answer needs no approval.
    vote(room, id, 'Mainz', host);
    expect(answers(room, id)?.responses).toBe(4);
  });

  it('keeps hidden and pending answers out of the results a closed poll publishes', () => {
    const room = setup();
    const id = poll(room, 'open');
    vote(room, id, 'Bonn', alice);
    vote(room, id, 'Rubbish', bob);
    update(room, id, { hideAnswer: 'Rubbish', status: 'closed' });
    expect(view(room, id, false)?.results).toEqual({
      kind: 'open',
      answers: [{ text: 'Bonn', count: 1 }],
      responses: 1,
    });
  });
});

describe('run of show: poll order', () => {
  const order = (room: RoomRecord) =>
    roomView(room, 0, { host: true }).polls.map((item) => `${item.position}:${item.title}`);
  const three = () => {
    const room = setup();
    for (const title of ['One', 'Two', 'Three'])
      act(room, { type: 'poll-create', title, kind: 'open' }, host);
    return room;
  };

  it('numbers polls in the order the host made them', () => {
    expect(order(three())).toEqual(['1:One', '2:Two', '3:Three']);
  });

  it('moves a poll; the others close up, and every renumbered poll is reported', () => {
    const room = three();
    expect(act(room, { type: 'poll-update', poll: 'p3', position: 0 }, host)).toEqual({
      ok: true,
      changes: { polls: ['p3', 'p1', 'p2'] },
    });
    expect(order(room)).toEqual(['1:Three', '2:One', '3:Two']);
    act(room, { type: 'poll-update', poll: 'p3', position: 2 }, host);
    expect(order(room)).toEqual(['1:One', '2:Two', '3:Three']);
    act(room, { type: 'poll-delete', poll: 'p1' }, host);
    expect(order(room)).toEqual(['1:Two', '2:Three']);
  });

  it('refuses a place past the end, and moves polls in any status', () => {
    const room = three();
    expect(act(room, { type: 'poll-update', poll: 'p1', position: 3 }, host)).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    act(room, { type: 'poll-update', poll: 'p1', status: 'open' }, host);
    act(room, { type: 'poll-update', poll: 'p1', position: 1 }, host);
    expect(order(room)).toEqual(['1:Two', '2:One', '3:Three']);
  });

  it("keeps the host's numbers out of participant views", () => {
    const room = three();
    act(room, { type: 'poll-update', poll: 'p2', status: 'open' }, host);
    expect(view(room, 'p2', false)).not.toHaveProperty('position');
  });
});
