import { beforeEach, describe, expect, it } from 'vitest';
import { createRoomRecord } from './rooms.js';
import { SqliteStorage } from './storage/sqlite.js';
import type { LogEntry } from './storage/storage.js';
import { openSocket, randomParticipant } from './testing.js';
import { startServerForTest, tempDirForTest } from './test-hooks.js';

let dir: string;
beforeEach(() => {
  dir = tempDirForTest('plenum-ids-');
});

const start = () => startServerForTest({ storage: new SqliteStorage(dir) });

describe('question and poll ids', () => {
  it('are random, and the same after a restart', async () => {
    const t = await start();
    const { room, hostKey } = t.createRoom();
    const host = await openSocket(t.url, room, { hostKey });
    const asked = [];
    for (const text of ['Eins?', 'Zwei?', 'Drei?']) asked.push(await host.act({ type: 'ask', text }));
    const poll = await host.act({ type: 'poll-create', title: 'Wie?', kind: 'rating' });
    const ids = [...asked, poll].map((answer) => (answer.type === 'ack' ? answer.result?.id : answer.code));
    expect(ids).toEqual([
      expect.stringMatching(/^q[0-9a-f]{12}$/),
      expect.stringMatching(/^q[0-9a-f]{12}$/),
      expect.stringMatching(/^q[0-9a-f]{12}$/),
      expect.stringMatching(/^p[0-9a-f]{12}$/),
    ]);
    expect(new Set(ids).size).toBe(4);
    host.close();
    await host.closed;

    await t.close();
    const again = await start();
    const view = (await openSocket(again.url, room, { hostKey })).view();
    expect([...view.state.questions.map((q) => q.id), ...view.state.polls.map((p) => p.id)]).toEqual(ids);
  });

  it('of a log written before ids were random replay as q1, p1, … and the room keeps working', async () => {
    const storage = new SqliteStorage(dir);
    const { meta, hostKey } = createRoomRecord(storage, { title: 'Aus dem Vorjahr' });
    const alice = randomParticipant();
    const bob = randomParticipant();
    const old: LogEntry[] = [
      { at: 1, participant: alice, host: false, action: { type: 'ask', id: 'a1', text: 'Alt eins?' } },
      { at: 2, participant: alice, host: false, action: { type: 'ask', id: 'a2', text: 'Alt zwei?' } },
      {
        at: 3,
        participant: 'host',
        host: true,
        action: { type: 'poll-create', id: 'a3', title: 'Alt', kind: 'single', options: ['Ja', 'Nein'] },
      },
      {
        at: 4,
        participant: 'host',
        host: true,
        action: { type: 'poll-update', id: 'a4', poll: 'p1', status: 'open' },
      },
      { at: 5, participant: alice, host: false, action: { type: 'vote', id: 'a5', poll: 'p1', choice: 1 } },
      { at: 6, participant: bob, host: false, action: { type: 'upvote', id: 'a6', question: 'q2' } },
    ];
    for (const entry of old) await storage.append(meta.id, entry);
    const t = await startServerForTest({ storage });

    const host = await openSocket(t.url, meta.id, { hostKey });
    expect(host.view().state.questions.map((q) => [q.id, q.upvotes])).toEqual([
      ['q1', 0],
      ['q2', 1],
    ]);
    expect(host.view().state.polls).toMatchObject([
      { id: 'p1', status: 'open', results: { counts: [0, 1] } },
    ]);
    const me = await openSocket(t.url, meta.id, { participant: alice });
    expect(me.view().mine).toMatchObject({ questions: ['q1', 'q2'], upvoted: [], votes: { p1: 1 } });
    // New items get random ids beside the old ones, and the old ones still take actions.
    const asked = await me.act({ type: 'ask', text: 'Neu?' });
    expect(asked).toMatchObject({ type: 'ack', result: { id: expect.stringMatching(/^q[0-9a-f]{12}$/) } });
    const other = await openSocket(t.url, meta.id, { participant: bob });
    expect(other.view().mine).toMatchObject({ upvoted: ['q2'] });
    expect(await other.act({ type: 'upvote', question: 'q1' })).toMatchObject({ type: 'ack' });
    expect(await host.act({ type: 'poll-update', poll: 'p1', status: 'closed' })).toMatchObject({
      type: 'ack',
    });
    await host.until((v) => v.state.questions.length === 3 && v.state.questions[0]?.upvotes === 1);
    for (const socket of [host, me, other]) socket.close();
  });
});
