import { describe, expect, it } from 'vitest';
import { apply, createRoom, timing, type Action, type Patch, type RoomRecord } from '@plenum/protocol';
import { PatchBuilder } from './patches.js';
import { openSocket } from './testing.js';
import { useTestServer } from './test-hooks.js';

const test = useTestServer();

describe('patches on the wire', () => {
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

/** An action as a client writes it, before it gets an id. */
type Unsent = { [T in Action['type']]: Omit<Extract<Action, { type: T }>, 'id'> }[Action['type']];

/** A room and a builder fed with what each action changed, as the room feeds it. */
function builder(moderation: 'pre' | 'post' = 'post') {
  const record: RoomRecord = createRoom({ id: 'unit', moderation, createdAt: 0 });
  const patches = new PatchBuilder();
  let n = 0;
  const act = (action: Unsent, actor = { participant: 'alice-0123456789', host: false }) => {
    const newId = action.type === 'ask' ? `q${++n}` : action.type === 'poll-create' ? `p${++n}` : undefined;
    const outcome = apply(record, { ...action, id: `a${++n}` } as Action, actor, 1000, newId);
    if (!outcome.ok) throw new Error(outcome.message);
    patches.add(outcome.changes, actor.participant, action.type === 'upvote');
    return outcome.result?.id ?? '';
  };
  const host = { participant: 'host', host: true };
  return { record, patches, act, host, take: (now = 1000) => patches.take(record, 1, now) };
}

describe('the patch builder', () => {
  it('builds nothing when nothing changed', () => {
    expect(builder().take()).toBeUndefined();
  });

  it('coalesces the changes between two ticks into one patch per audience', () => {
    const room = builder();
    const first = room.act({ type: 'ask', text: 'Erste Frage?' });
    const second = room.act({ type: 'ask', text: 'Zweite Frage?' });
    const patch = room.take()!;
    expect(patch.public.questions?.map((q) => q.id)).toEqual([first, second]);
    expect(patch.host.questions?.map((q) => q.id)).toEqual([first, second]);
    expect(patch.public.questionCounts).toMatchObject({ live: 2 });
    // Taken: the next tick has nothing to send.
    expect(room.take()).toBeUndefined();
  });

  it('sends a question in review to the hosts only', () => {
    const room = builder('pre');
    const id = room.act({ type: 'ask', text: 'Noch nicht freigegeben?' });
    const patch = room.take()!;
    expect(patch.host.questions).toMatchObject([{ id, status: 'review' }]);
    expect(patch.public.questions).toBeUndefined();
    expect(JSON.stringify(patch.public)).not.toContain('freigegeben');
  });

  it('sends an upvote alone as a count, and as part of the question when that changed too', () => {
    const room = builder();
    const id = room.act({ type: 'ask', text: 'Rauf?' });
    room.take();
    room.act({ type: 'upvote', question: id }, { participant: 'bob-0123456789ab', host: false });
    const counted = room.take()!;
    expect(counted.public.upvotes).toEqual({ [id]: 1 });
    expect(counted.public.questions).toBeUndefined();

    room.act({ type: 'upvote', question: id }, { participant: 'carol-0123456789', host: false });
    room.act({ type: 'moderate', question: id, highlighted: true }, room.host);
    const whole = room.take()!;
    expect(whole.public.upvotes).toBeUndefined();
    expect(whole.public.questions).toMatchObject([{ id, upvotes: 2, highlighted: true }]);
  });

  it('tells both audiences of a deleted question', () => {
    const room = builder();
    const id = room.act({ type: 'ask', text: 'Weg damit?' });
    room.take();
    room.act({ type: 'delete', question: id }, room.host);
    const patch = room.take()!;
    expect(patch.public.removedQuestions).toEqual([id]);
    expect(patch.host.removedQuestions).toEqual([id]);
  });

  it('sends reactions as totals once per burst window, holding what comes inside it', () => {
    const room = builder();
    room.act({ type: 'react', emoji: '👏' });
    expect(room.take(1000)!.public.reactions).toEqual({ '👏': 1 });
    room.act({ type: 'react', emoji: '👏' });
    room.act({ type: 'react', emoji: '👏' });
    expect(room.take(1000 + timing.burstMs - 1)).toBeUndefined();
    expect(room.patches.pending).toBe(true);
    expect(room.take(1000 + timing.burstMs)!.public.reactions).toEqual({ '👏': 3 });
    expect(room.patches.pending).toBe(false);
  });

  it('sends the online count at most once a second, the latest one', () => {
    const room = builder();
    room.patches.online(5, 1000);
    expect(room.take(1000)!.public.online).toBe(5);
    room.patches.online(6, 1100);
    room.patches.online(7, 1200);
    expect(room.take(1200)).toBeUndefined();
    expect(room.take(2000)!.public.online).toBe(7);
  });

  it('keeps drafts and hidden results to the hosts', () => {
    const room = builder();
    const id = room.act({ type: 'poll-create', title: 'Entwurf?', kind: 'rating' }, room.host);
    const draft = room.take()!;
    expect(draft.host.polls).toMatchObject([{ id, status: 'draft' }]);
    expect(draft.public.polls).toBeUndefined();
    room.act({ type: 'poll-update', poll: id, status: 'open', resultsVisible: false }, room.host);
    room.act({ type: 'vote', poll: id, choice: 4 });
    const open = room.take()!;
    expect(open.public.polls).toMatchObject([{ id, status: 'open' }]);
    expect(open.public.polls![0]).not.toHaveProperty('results');
    expect(open.host.polls![0]).toHaveProperty('results');
  });

  it('tells the hosts once when a cap is reached', () => {
    const room = builder();
    room.record.caps.polls = 1;
    room.act({ type: 'poll-create', title: 'Die einzige', kind: 'rating' }, room.host);
    expect(room.take()!.host.full).toMatchObject({ polls: 1 });
    room.act({ type: 'react', emoji: '🎉' });
    const next = room.take(2000)!;
    expect(next.host.full).toBeUndefined();
    expect(next.public.full).toBeUndefined();
  });
});
