import { describe, expect, it } from 'vitest';
import { timing, type Patch } from '@plenum/protocol';
import { openSocket } from './testing.js';
import { useTestServer } from './test-hooks.js';

const test = useTestServer();

describe('patches', () => {
  it('carry an acknowledged change in the patch the ack names', async () => {
    const alice = await openSocket(test.url, test.room, {});
    const bob = await openSocket(test.url, test.room, {});
    const ask = await alice.act({ type: 'ask', text: 'Welche Patch-Nummer?' });
    expect(ask.type === 'ack' && ask.seq).toBeGreaterThan(0);
    const named = await bob.next('patch', (p) => ask.type === 'ack' && p.seq === ask.seq);
    const question = ask.type === 'ack' ? ask.result!.id! : '';
    expect(named.questions).toMatchObject([{ id: question, text: 'Welche Patch-Nummer?' }]);
    const upvote = await bob.act({ type: 'upvote', question });
    const upvoted = await alice.next('patch', (p) => upvote.type === 'ack' && p.seq === upvote.seq);
    // An upvote alone travels as a count, not as the whole question again.
    expect(upvoted.upvotes).toEqual({ [question]: 1 });
    expect(upvoted.questions).toBeUndefined();
    alice.close();
    bob.close();
  });

  it('reach a client at most once per tick, however many actions arrive', async () => {
    const host = await openSocket(test.url, test.room, { hostKey: test.hostKey });
    const alice = await openSocket(test.url, test.room, {});
    const ask = await alice.act({ type: 'ask', text: 'Rauf und runter' });
    const question = ask.type === 'ack' ? ask.result!.id! : '';
    const started = performance.now();
    const from = host.received.length;
    // Acted one after another, each waiting for its ack: a steady stream over a few ticks.
    for (let i = 0; i < 30; i++) await alice.act({ type: 'upvote', question });
    await host.until((v) => v.state.questions[0]?.upvotes === 0);
    const elapsed = performance.now() - started;
    const sent = host.received.slice(from).filter((m): m is Patch => m.type === 'patch');
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(elapsed / timing.tickMs) + 1);
    expect(sent.map((p) => p.seq)).toEqual(sent.map((_, i) => sent[0]!.seq + i));
    host.close();
    alice.close();
  });
});
