import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollResults, PollView, QuestionView } from '@plenum/protocol';
import {
  api,
  openSocket,
  randomParticipant,
  type ApiAnswer,
  type ClientView,
  type TestSocket,
} from './testing.js';
import { useTestServer } from './test-hooks.js';

const question = (view: ClientView, id: string): QuestionView | undefined =>
  view.state.questions.find((q) => q.id === id);
const poll = (view: ClientView, id: string): PollView | undefined =>
  view.state.polls.find((p) => p.id === id);

/** The polls of the event, one of each kind: what Alice votes (then changes to), Bob's vote, the results. */
const polls: {
  title: string;
  kind: string;
  options?: string[];
  maxChoices?: number;
  alice: [unknown, unknown];
  bob: unknown;
  results: PollResults;
}[] = [
  {
    title: 'Wie oft nutzen Sie Online-Dienste?',
    kind: 'single',
    options: ['Nie', 'Monatlich', 'Wöchentlich'],
    alice: [0, 2],
    bob: 1,
    results: { kind: 'single', counts: [0, 1, 1], percentages: [0, 50, 50], responses: 2 },
  },
  {
    title: 'Welche Dienste fehlen?',
    kind: 'multiple',
    options: ['Bauantrag', 'Wohngeld', 'Parkausweis'],
    maxChoices: 2,
    alice: [
      [0, 1],
      [1, 2],
    ],
    bob: [2],
    results: { kind: 'multiple', counts: [0, 1, 2], percentages: [0, 33, 67], responses: 2 },
  },
  {
    title: 'Ein Wort zum Abend?',
    kind: 'open',
    alice: ['Kinderreisepass', 'Wohngeld'],
    bob: '  kinderreisepass ',
    results: {
      kind: 'open',
      answers: [
        { text: 'Kinderreisepass', count: 1 },
        { text: 'Wohngeld', count: 1 },
      ],
      responses: 2,
    },
  },
  {
    title: 'Wie war die Veranstaltung?',
    kind: 'rating',
    alice: [5, 4],
    bob: 2,
    results: {
      kind: 'rating',
      distribution: [0, 1, 0, 1, 0],
      percentages: [0, 50, 0, 50, 0],
      average: 3,
      responses: 2,
    },
  },
];

/**
 * One event from start to end, step by step: each step goes on from where the one before
 * left the room (a pre-moderated room, a host and two participants, Alice and Bob).
 */
describe('a whole event', () => {
  const test = useTestServer({}, { once: true });
  let room: string;
  let hostKey: string;
  const ids = { alice: randomParticipant(), bob: randomParticipant(), host: randomParticipant() };
  let host: TestSocket;
  let alice: TestSocket;
  let bob: TestSocket;
  let everyone: TestSocket[];
  // The patch that carries the last acknowledged change (acks name it).
  let acked = 0;
  let q1: string, q2: string, q3: string, q4: string;
  const pollIds: string[] = [];
  let totals: Record<string, number>;
  let report: ApiAnswer, csv: ApiAnswer, md: ApiAnswer;

  /** Every client has seen every acknowledged change, and everything the host has seen. */
  const settled = () => {
    const seq = Math.max(acked, host.view().seq);
    return Promise.all(everyone.map((c) => c.until((v) => v.seq >= seq)));
  };
  const ok = async (socket: TestSocket, action: Parameters<TestSocket['act']>[0]) => {
    const answer = await socket.act(action);
    expect(answer, JSON.stringify(action)).toMatchObject({ type: 'ack' });
    if (answer.type !== 'ack') return undefined;
    acked = Math.max(acked, answer.seq ?? 0);
    return answer.result?.id;
  };
  const refused = async (socket: TestSocket, action: Parameters<TestSocket['act']>[0], code: string) => {
    const id = `x-${crypto.randomUUID()}`;
    expect(await socket.act({ ...action, id }), JSON.stringify(action)).toMatchObject({
      type: 'error',
      code,
      id,
    });
  };

  beforeAll(async () => {
    ({ room, hostKey } = test.createRoom({ moderation: 'pre', title: 'Bürgerdialog' }));
    host = await openSocket(test.url, room, { participant: ids.host, hostKey });
    alice = await openSocket(test.url, room, { participant: ids.alice });
    bob = await openSocket(test.url, room, { participant: ids.bob });
    everyone = [host, alice, bob];
  });
  afterAll(() => everyone.forEach((client) => client.close()));

  it('welcomes the host as host and the participants as participants', () => {
    expect(host.view().host).toBe(true);
    expect(alice.view().host).toBe(false);
  });

  it('shows a question in review only to its author and the host, until the host approves it', async () => {
    q1 = (await ok(alice, { type: 'ask', text: 'Wann kommt der digitale Bauantrag?', name: 'Alice' }))!;
    // Random, not counted: an id says nothing about how many questions wait in review.
    expect(q1).toMatch(/^q[0-9a-f]{12}$/);
    await host.until((v) => question(v, q1)?.status === 'review');
    await alice.until((v) => question(v, q1)?.status === 'review' && v.mine.questions.includes(q1));
    await settled();
    expect(question(bob.view(), q1)).toBeUndefined();
    expect(bob.raw.join('\n')).not.toContain('Bauantrag');

    const approved = await api(test.url, `/api/rooms/${room}/questions/${q1}`, {
      method: 'PATCH',
      key: hostKey,
      body: { status: 'live' },
    });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ id: q1, status: 'live', name: 'Alice' });
    await Promise.all(everyone.map((c) => c.until((v) => question(v, q1)?.status === 'live')));
  });

  it('toggles upvotes with exact counts, and refuses an upvote of one’s own question', async () => {
    await ok(bob, { type: 'upvote', question: q1 });
    // Alice asked it: her upvote is refused with a code of its own, and nothing moves.
    expect(await alice.act({ type: 'upvote', question: q1 })).toMatchObject({
      type: 'error',
      code: 'own_question',
    });
    await settled();
    expect(everyone.map((c) => question(c.view(), q1)?.upvotes)).toEqual([1, 1, 1]);
    await ok(bob, { type: 'upvote', question: q1 });
    await settled();
    expect(everyone.map((c) => question(c.view(), q1)?.upvotes)).toEqual([0, 0, 0]);
    await bob.until((v) => !v.mine.upvoted.includes(q1));
    expect(alice.view().mine.upvoted).toEqual([]);
    await ok(bob, { type: 'upvote', question: q1 });
  });

  it('lets the host approve, highlight, label, reply and answer, over the socket and HTTP', async () => {
    q2 = (await ok(bob, { type: 'ask', text: 'Gibt es Sprechstunden?' }))!;
    q3 = (await ok(bob, { type: 'ask', text: 'Eine Frage mit Tippfeler' }))!;
    q4 = (await ok(alice, { type: 'ask', text: '=HYPERLINK("https://evil.example","click")' }))!;
    await ok(host, { type: 'moderate', question: q2, status: 'live' });
    await ok(host, { type: 'moderate', question: q1, highlighted: true, label: 'Digital' });
    await ok(host, { type: 'moderate', question: q2, reply: 'Ja, dienstags.', label: 'Digital' });
    const answered = await api(test.url, `/api/rooms/${room}/questions/${q2}`, {
      method: 'PATCH',
      key: hostKey,
      body: { status: 'answered' },
    });
    expect(answered.json).toMatchObject({ status: 'answered', reply: 'Ja, dienstags.', label: 'Digital' });
    // An HTTP answer names no patch: the host seeing the change is the mark to wait for.
    await host.until((v) => question(v, q2)?.status === 'answered');
    await settled();
    for (const client of everyone) {
      expect(question(client.view(), q1)).toMatchObject({
        highlighted: true,
        label: 'Digital',
        upvotes: 1,
      });
      expect(question(client.view(), q2)).toMatchObject({ status: 'answered', reply: 'Ja, dienstags.' });
    }
  });

  it('lets authors edit and delete their own questions, and nobody else’s', async () => {
    await ok(bob, { type: 'edit', question: q3, text: 'Eine Frage mit Tippfehler' });
    await bob.until((v) => question(v, q3)?.text === 'Eine Frage mit Tippfehler');
    await host.until((v) => question(v, q3)?.edited === true);
    await refused(bob, { type: 'edit', question: q1, text: 'Gekapert' }, 'forbidden');
    await refused(bob, { type: 'delete', question: q1 }, 'forbidden');
    // A question in someone else's review does not exist for them.
    await refused(alice, { type: 'delete', question: q3 }, 'not_found');
    await refused(bob, { type: 'moderate', question: q3, status: 'live' }, 'forbidden');
    await ok(bob, { type: 'delete', question: q3 });
    await host.until((v) => question(v, q3) === undefined);
    await bob.until((v) => question(v, q3) === undefined && !v.mine.questions.includes(q3));
  });

  for (const spec of polls) {
    it(`runs a poll of kind "${spec.kind}": created and run over HTTP, voted over the socket`, async () => {
      const created = await api(test.url, `/api/rooms/${room}/polls`, {
        method: 'POST',
        key: hostKey,
        body: { title: spec.title, kind: spec.kind, options: spec.options, maxChoices: spec.maxChoices },
      });
      expect(created.status).toBe(201);
      const id = created.json.id as string;
      pollIds.push(id);
      await host.until((v) => poll(v, id)?.status === 'draft');
      await settled();
      expect(poll(alice.view(), id), 'drafts are the host’s').toBeUndefined();

      const opened = await api(test.url, `/api/rooms/${room}/polls/${id}`, {
        method: 'PATCH',
        key: hostKey,
        body: { status: 'open', resultsVisible: false },
      });
      expect(opened.json).toMatchObject({ id, status: 'open', resultsVisible: false });
      // Alice changes her vote after Bob's: his must stay counted.
      await ok(alice, { type: 'vote', poll: id, choice: spec.alice[0] });
      await ok(bob, { type: 'vote', poll: id, choice: spec.bob });
      await ok(alice, { type: 'vote', poll: id, choice: spec.alice[1] });
      // The room is pre-moderated: open answers wait for the host, who approves them.
      if (spec.results.kind === 'open') {
        for (const answer of spec.results.answers) {
          const approved = await api(test.url, `/api/rooms/${room}/polls/${id}`, {
            method: 'PATCH',
            key: hostKey,
            body: { showAnswer: answer.text },
          });
          expect(approved.status).toBe(200);
        }
        const pending = (results?: PollResults) =>
          results?.kind !== 'open' || results.answers.some((answer) => answer.status === 'pending');
        await host.until((v) => !pending(poll(v, id)?.results));
      }
      await settled();
      expect(poll(host.view(), id)?.results).toEqual(spec.results);
      for (const participant of [alice, bob]) {
        expect(participant.view().state.currentPoll).toBe(id);
        expect(poll(participant.view(), id)).toMatchObject({ status: 'open', resultsVisible: false });
        expect(poll(participant.view(), id)).not.toHaveProperty('results');
      }
      expect(alice.view().mine.votes[id]).toEqual(spec.alice.at(-1));

      await api(test.url, `/api/rooms/${room}/polls/${id}`, {
        method: 'PATCH',
        key: hostKey,
        body: { resultsVisible: true },
      });
      await Promise.all(everyone.map((c) => c.until((v) => poll(v, id)?.results !== undefined)));
      for (const client of everyone) expect(poll(client.view(), id)?.results).toEqual(spec.results);

      const closed = await api(test.url, `/api/rooms/${room}/polls/${id}`, {
        method: 'PATCH',
        key: hostKey,
        body: { status: 'closed' },
      });
      expect(closed.json).toMatchObject({ status: 'closed', results: spec.results });
      await refused(bob, { type: 'vote', poll: id, choice: spec.bob }, 'closed');
    });
  }

  it('sends reactions as bursts with running totals', async () => {
    const clicks = { alice: ['👏', '👏', '❤️'], bob: ['👏', '🎉'] };
    for (const emoji of clicks.alice) await ok(alice, { type: 'react', emoji });
    for (const emoji of clicks.bob) await ok(bob, { type: 'react', emoji });
    totals = { '👏': 3, '❤️': 1, '🎉': 1 };
    await Promise.all(everyone.map((c) => c.until((v) => v.state.reactions['🎉'] === 1)));
    for (const client of everyone) {
      await client.until((v) => v.state.reactions['👏'] === 3);
      expect(client.view().state.reactions).toEqual(totals);
      const bursts = client.received.filter((m) => m.type === 'patch' && m.reactions);
      expect(bursts.length, 'reactions are grouped, not sent one by one').toBeLessThan(5);
    }
  });

  it('reports the same numbers as what happened, as JSON, CSV and Markdown', async () => {
    report = await api(test.url, `/api/rooms/${room}/report`, { key: hostKey });
    expect(report.status).toBe(200);
    // The audience is the two participants: the host's own connection is not a viewer.
    expect(report.json.audience).toMatchObject({ viewers: 2, activeParticipants: 2, peakConnections: 2 });
    expect(report.json.questions).toMatchObject({
      total: 3,
      byStatus: { review: 1, live: 1, answered: 1, dismissed: 0 },
      byLabel: { Digital: 2 },
      upvotes: 1,
    });
    expect(report.json.polls.map((p: { id: string; responses: number }) => [p.id, p.responses])).toEqual(
      pollIds.map((id) => [id, 2]),
    );
    expect(report.json.polls.map((p: { results: PollResults }) => p.results)).toEqual(
      polls.map((p) => p.results),
    );
    expect(report.json.reactions).toMatchObject({ total: 5, byEmoji: totals });

    csv = await api(test.url, `/api/rooms/${room}/report?format=csv&include=all`, { key: hostKey });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.text).toContain('Wann kommt der digitale Bauantrag?');
    expect(csv.text).toContain('Gibt es Sprechstunden?');
    // Defused: a spreadsheet reads the cell as text, not as a formula.
    expect(csv.text).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(csv.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    md = await api(test.url, `/api/rooms/${room}/report?format=md`, { key: hostKey });
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.text).toContain('| Wann kommt der digitale Bauantrag? |');
    expect(md.text).toContain('## Poll: Wie war die Veranstaltung?');
  });

  it('shows the public no review items and no drafts, and nobody any participant id', async () => {
    const publicView = await api(test.url, `/api/rooms/${room}`);
    expect(publicView.status).toBe(200);
    expect(publicView.json.questions.map((q: QuestionView) => [q.id, q.status])).toEqual([
      [q1, 'live'],
      [q2, 'answered'],
    ]);
    await settled();
    expect(question(bob.view(), q4)).toBeUndefined();
    expect(question(alice.view(), q4)?.status).toBe('review');
    const seenByOthers = [
      ...alice.raw,
      ...bob.raw,
      ...host.raw,
      publicView.text,
      report.text,
      csv.text,
      md.text,
    ];
    for (const id of Object.values(ids)) {
      for (const text of seenByOthers) expect(text).not.toContain(id);
    }
  });
});
