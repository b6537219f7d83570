import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openSocket,
  randomParticipant,
  startTestServer,
  type TestServer,
  type TestSocket,
} from './testing.js';

let test: TestServer;
beforeEach(async () => {
  test = await startTestServer();
});
afterEach(() => test.close());

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
    const upvote = { type: 'upvote', id: 'same-upvote', question: q1 };
    alice.send(upvote);
    alice.send(upvote);
    await answers(alice, 'same-upvote', 2);
    // A third, different upvote toggles: proof that the repeated one was not applied.
    await alice.act({ type: 'upvote', question: q1 });
    await alice.act({ type: 'upvote', id: 'after', question: q1 });
    const view = await host.until((v) => v.state.questions[0]?.upvotes === 1);
    expect(view.state.questions).toHaveLength(1);
    expect((await alice.until((v) => v.mine.upvoted.length === 1)).mine.upvoted).toEqual([q1]);
    host.close();
    alice.close();
  });

  it('is applied once when re-sent on a new socket after a reconnect', async () => {
    const participant = randomParticipant();
    const host = await openSocket(test.url, test.room, { hostKey: test.hostKey });
    const first = await openSocket(test.url, test.room, { participant });
    const ask = { type: 'ask', id: 'resent-ask', text: 'Wie barrierefrei ist das Portal?' };
    const asked = await first.act(ask);
    const q1 = asked.type === 'ack' ? asked.result!.id! : '';
    const upvote = { type: 'upvote', id: 'resent-upvote', question: q1 };
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

    const view = await host.until((v) => v.state.questions.length === 2);
    expect(view.state.questions.map((q) => [q.id, q.upvotes])).toEqual([
      [q1, 1],
      [q2, 0],
    ]);
    expect(second.view().mine).toMatchObject({ questions: [q1], upvoted: [q1] });
    for (const socket of [host, second, bob]) socket.close();
  });
});
