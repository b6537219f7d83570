import { describe, expect, it } from 'vitest';
import { openSocket, randomParticipant, type TestSocket } from './testing.js';
import { useTestServer } from './test-hooks.js';

const test = useTestServer();

/** Waits until `socket` has received `count` answers (ack or error) for the action `id`. */
const answers = async (socket: TestSocket, id: string, count: number) => {
  const of = () => socket.received.filter((m) => (m.type === 'ack' || m.type === 'error') && m.id === id);
  await socket.until(() => of().length >= count);
  return of();
};

describe('a repeated action id', () => {
  it('is applied once when sent twice on one socket, and both copies are acknowledged', async () => {
    const host = await openSocket(test.url, test.room, { hostKey: test.hostKey });
    const alice = await openSocket(test.url, test.room, {});
    const ask = { type: 'ask', id: 'same-ask', text: 'Wird der Livestream aufgezeichnet?' };
    alice.send(ask);
    alice.send(ask);
    const [first, second] = await answers(alice, 'same-ask', 2);
    const q1 = first?.type === 'ack' ? first.result!.id! : '';
    expect([first, second]).toEqual([
      expect.objectContaining({ type: 'ack', result: { id: q1 } }),
      expect.objectContaining({ type: 'ack', result: { id: q1 } }),
    ]);
    // Upvotes come from someone else: nobody upvotes their own question.
    const bob = await openSocket(test.url, test.room, {});
    const upvote = { type: 'upvote', id: 'same-upvote', question: q1 };
    bob.send(upvote);
    bob.send(upvote);
    await answers(bob, 'same-upvote', 2);
    // A third, different upvote toggles: proof that the repeated one was not applied.
    await bob.act({ type: 'upvote', question: q1 });
    await bob.act({ type: 'upvote', id: 'after', question: q1 });
    const view = await host.until((v) => v.state.questions[0]?.upvotes === 1);
    expect(view.state.questions).toHaveLength(1);
    expect((await bob.until((v) => v.mine.upvoted.length === 1)).mine.upvoted).toEqual([q1]);
    for (const socket of [host, alice, bob]) socket.close();
  });

  it('is applied once when re-sent on a new socket after a reconnect', async () => {
    const participant = randomParticipant();
    const host = await openSocket(test.url, test.room, { hostKey: test.hostKey });
    // Someone else's question to upvote: nobody upvotes their own.
    const cleo = await openSocket(test.url, test.room, {});
    const cleos = await cleo.act({ type: 'ask', text: 'Gibt es Gebärdensprache im Stream?' });
    const q0 = cleos.type === 'ack' ? cleos.result!.id! : '';
    const first = await openSocket(test.url, test.room, { participant });
    const ask = { type: 'ask', id: 'resent-ask', text: 'Wie barrierefrei ist das Portal?' };
    const asked = await first.act(ask);
    const q1 = asked.type === 'ack' ? asked.result!.id! : '';
    const upvote = { type: 'upvote', id: 'resent-upvote', question: q0 };
    expect(await first.act(upvote)).toMatchObject({ type: 'ack' });
    first.close();
    await first.closed;

    const second = await openSocket(test.url, test.room, { participant });
    expect(await second.act(ask)).toMatchObject({ type: 'ack', id: 'resent-ask', result: { id: q1 } });
    expect(await second.act(upvote)).toMatchObject({ type: 'ack', id: 'resent-upvote' });
    // Another participant may use the same id for their own action.
    const bob = await openSocket(test.url, test.room, {});
    const bobs = await bob.act(ask);
    const q2 = bobs.type === 'ack' ? bobs.result!.id! : '';
    expect(q2).not.toBe(q1);

    const view = await host.until((v) => v.state.questions.length === 3);
    expect(new Map(view.state.questions.map((q) => [q.id, q.upvotes]))).toEqual(
      new Map([
        [q0, 1],
        [q1, 0],
        [q2, 0],
      ]),
    );
    expect(second.view().mine).toMatchObject({ questions: [q1], upvoted: [q0] });
    for (const socket of [host, cleo, second, bob]) socket.close();
  });
});
