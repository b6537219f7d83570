import { describe, expect, it } from 'vitest';
import { compareQuestions, limits, type RoomCaps } from '@plenum/protocol';
import { SqliteStorage } from './storage/sqlite.js';
import { api, openSocket, randomParticipant, type TestSocket } from './testing.js';
import { startServerForTest, tempDirForTest } from './test-hooks.js';

const start = (caps?: Partial<RoomCaps>, storage?: SqliteStorage) =>
  startServerForTest({ caps, ...(storage && { storage }) });

/** `n` questions from several participants (each within its allowance of 10 a minute); resolves with their ids. */
async function ask(url: string, room: string, n: number, prefix = 'Question'): Promise<string[]> {
  const askers = await Promise.all(
    Array.from({ length: Math.ceil(n / 10) }, () => openSocket(url, room, {})),
  );
  const ids = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const answer = await askers[i % askers.length]!.act({ type: 'ask', text: `${prefix} ${i + 1}` });
      if (answer.type !== 'ack') throw new Error(answer.message);
      return answer.result!.id!;
    }),
  );
  askers.forEach((asker) => asker.close());
  return ids;
}

describe('room caps on the server', () => {
  it('answers the question past the cap with room_full, and tells the host, not the public', async () => {
    const { url, room, hostKey } = await start({ questions: 3 });
    const host = await openSocket(url, room, { hostKey });
    const guest = await openSocket(url, room, {});
    expect(host.view().state.full).toEqual({});
    await ask(url, room, 3);
    const refused = await guest.act({ type: 'ask', text: 'One too many' });
    expect(refused).toMatchObject({
      type: 'error',
      code: 'room_full',
      message: 'This room is full: it holds its limit of 3 questions.',
    });
    await host.until((view) => view.state.full?.questions === 3);
    await guest.until((view) => view.state.questions.length === 3);
    expect(guest.raw.some((frame) => frame.includes('"full"'))).toBe(false);
    expect((await api(url, `/api/rooms/${room}`)).json.questions).toHaveLength(3);
    host.close();
    guest.close();
  });

  it('answers a poll past the cap over HTTP with 409 room_full', async () => {
    const { url, room, hostKey } = await start({ polls: 1 });
    const poll = { method: 'POST', key: hostKey, body: { title: 'Rate it', kind: 'rating' } };
    expect((await api(url, `/api/rooms/${room}/polls`, poll)).status).toBe(201);
    const refused = await api(url, `/api/rooms/${room}/polls`, poll);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toEqual({
      code: 'room_full',
      message: 'This room is full: it holds its limit of 1 polls.',
    });
  });

  it('keeps everything stored when a restart lowers a cap, and refuses what comes next', async () => {
    const dir = tempDirForTest('plenum-caps-');
    const first = await start(undefined, new SqliteStorage(dir));
    const { room, hostKey } = first;
    await ask(first.url, room, 5);
    await first.close();
    const second = await start({ questions: 2 }, new SqliteStorage(dir));
    const host = await openSocket(second.url, room, { hostKey });
    expect(host.view().state.questions).toHaveLength(5);
    expect(host.view().state.full).toEqual({ questions: 2 });
    expect(await host.act({ type: 'ask', text: 'Six' })).toMatchObject({ code: 'room_full' });
    host.close();
  });

  it('stops logging presence once the log is full, and still takes the host', async () => {
    const { url, room, hostKey, server } = await start({ log: 3 });
    const alice = await openSocket(url, room, {}); // 1 entry: the join
    await alice.act({ type: 'ask', text: 'Hello' }); // 2
    await alice.act({ type: 'react', emoji: '👍' }); // 3
    expect(await alice.act({ type: 'react', emoji: '👍' })).toMatchObject({ code: 'room_full' });
    const bob = await openSocket(url, room, {}); // counted, not stored
    const host = await openSocket(url, room, { hostKey });
    expect(
      await host.act({ type: 'moderate', question: host.view().state.questions[0]!.id, status: 'answered' }),
    ).toMatchObject({ type: 'ack' });
    server.storage.flush();
    expect(server.storage.load(room)).toHaveLength(4);
    [alice, bob, host].forEach((socket) => socket.close());
  });
});

describe('a bounded welcome', () => {
  const welcomeIds = (socket: TestSocket) => socket.view().state.questions.map((q) => q.id);

  it('carries a window and the counts; pages bring the rest, and patches reach questions outside it', async () => {
    const { url, room, hostKey } = await start();
    const ids = await ask(url, room, 260);
    const guest = await openSocket(url, room, {});
    const welcome = guest.view().state;
    expect(welcome.questionCounts).toEqual({ live: 260, answered: 0 });
    // Asked in parallel, so the newest 100 and the most upvoted (all 0: the oldest) 100.
    expect(welcome.questions).toHaveLength(2 * limits.welcomeQuestions);

    // Page on from the window's end in recent order, as the client library does.
    let after = [...welcome.questions].sort(compareQuestions('recent'))[limits.welcomeQuestions - 1]!;
    const sizes = [];
    for (let n = 1, more = true; more; n++) {
      const cursor = { id: after.id, upvotes: after.upvotes, createdAt: after.createdAt };
      guest.send({ type: 'more', id: `page-${n}`, status: 'live', sort: 'recent', after: cursor });
      const page = await guest.next('page', (p) => p.id === `page-${n}`);
      sizes.push(page.questions.length);
      after = page.questions.at(-1)!;
      more = page.more;
    }
    expect(sizes).toEqual([100, 60]);
    expect(new Set(welcomeIds(guest))).toEqual(new Set(ids));

    // A question the newcomer never loaded changes: the patch brings it.
    const other = await openSocket(url, room, {});
    const host = await openSocket(url, room, { hostKey });
    const outside = ids.find((id) => !welcome.questions.some((q) => q.id === id))!;
    await host.act({ type: 'moderate', question: outside, status: 'answered' });
    const seen = await other.until((view) => view.state.questionCounts?.answered === 1);
    expect(seen.state.questions.find((q) => q.id === outside)?.status).toBe('answered');
    [guest, other, host].forEach((socket) => socket.close());
  });

  it("refuses a participant's page of the review queue, and checks the request", async () => {
    const { url, room } = await start();
    const guest = await openSocket(url, room, { participant: randomParticipant() });
    guest.send({ type: 'more', id: 'r1', status: 'review', sort: 'recent' });
    expect(await guest.next('error', (e) => e.id === 'r1')).toMatchObject({ code: 'forbidden' });
    guest.send({ type: 'more', id: 'r2', status: 'live', sort: 'sideways' });
    expect(await guest.next('error', (e) => e.id === 'r2')).toMatchObject({ code: 'invalid' });
    guest.send({ type: 'more', id: 'r3', status: 'live', sort: 'popular' });
    expect(await guest.next('page', (p) => p.id === 'r3')).toEqual({
      type: 'page',
      id: 'r3',
      questions: [],
      more: false,
    });
    guest.close();
  });
});
