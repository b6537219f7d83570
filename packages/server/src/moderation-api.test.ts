import { describe, expect, it } from 'vitest';
import { api, openSocket, randomParticipant } from './testing.js';
import { useTestServer } from './test-hooks.js';

/** The host's answer and question moderation over HTTP, with the same rules as the socket. */
const test = useTestServer();

const host = (path: string, method: string, body?: unknown) =>
  api(test.url, `/api/rooms/${test.room}${path}`, { method, body, key: test.hostKey });

describe('moderation over HTTP', () => {
  it('hides, merges and reorders through PATCH /polls/:id; participants see the result', async () => {
    const created = await host('/polls', 'POST', { title: 'One word?', kind: 'open' });
    const id = created.json.id as string;
    await host(`/polls/${id}`, 'PATCH', { status: 'open' });
    const people = await Promise.all(
      [0, 1, 2].map(() => openSocket(test.url, test.room, { participant: randomParticipant() })),
    );
    for (const [person, answer] of [
      [people[0]!, 'Kinder-Reisepass'],
      [people[1]!, 'Kinderreisepass.'],
      [people[2]!, 'Spam'],
    ] as const) {
      expect(await person.act({ type: 'vote', poll: id, choice: answer })).toMatchObject({ type: 'ack' });
    }
    const merged = await host(`/polls/${id}`, 'PATCH', {
      mergeAnswers: { answers: ['Kinder-Reisepass'], into: 'Kinderreisepass' },
      hideAnswer: 'spam',
    });
    expect(merged.status).toBe(200);
    expect(merged.json.results.answers).toEqual([
      { text: 'Kinderreisepass', count: 2 },
      { text: 'Spam', count: 1, status: 'hidden' },
    ]);
    // After the merge, not before the third vote: two votes in two answers count 2 responses too.
    const seen = await people[2]!.until((view) => {
      const results = view.state.polls[0]?.results;
      return results?.kind === 'open' && results.responses === 2 && results.answers.length === 1;
    });
    expect(seen.state.polls[0]!.results).toEqual({
      kind: 'open',
      answers: [{ text: 'Kinderreisepass', count: 2 }],
      responses: 2,
    });
    expect((await api(test.url, `/api/rooms/${test.room}`)).json.polls[0].results.answers).toHaveLength(1);
    const unknown = await host(`/polls/${id}`, 'PATCH', { hideAnswer: 'Never said' });
    expect(unknown.status).toBe(404);
    await host('/polls', 'POST', { title: 'Second', kind: 'rating' });
    const moved = await host(`/polls/${id}`, 'PATCH', { position: 1 });
    expect(moved.json.position).toBe(2);
    for (const person of people) person.close();
  });

  it('merges questions through POST /merges and refuses an own upvote with 403 own_question', async () => {
    const [ada, ben] = await Promise.all(
      [0, 1].map(() => openSocket(test.url, test.room, { participant: randomParticipant() })),
    );
    const asked = await Promise.all([
      ada!.act({ type: 'ask', text: 'Same?' }),
      ben!.act({ type: 'ask', text: 'same' }),
    ]);
    const [first, second] = asked.map((answer) => (answer.type === 'ack' ? answer.result!.id! : ''));
    expect(await ada!.act({ type: 'upvote', question: first })).toMatchObject({ code: 'own_question' });
    expect(await ada!.act({ type: 'upvote', question: second })).toMatchObject({ type: 'ack' });
    const merged = await host('/merges', 'POST', { question: first, duplicates: [second] });
    expect(merged.status).toBe(200);
    // Ada asked the survivor: her upvote on the duplicate does not count on her own question.
    expect(merged.json).toMatchObject({ id: first, upvotes: 0 });
    const view = await ben!.until((state) => state.mine.merged?.includes(first!) ?? false);
    expect(view.state.questions.map((question) => question.id)).toEqual([first]);
    expect((await host('/merges', 'POST', { question: first, duplicates: [first] })).status).toBe(400);
    ada!.close();
    ben!.close();
  });
});
