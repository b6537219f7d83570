import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SqliteStorage } from './storage/sqlite.js';
import { api, openSocket, randomParticipant, type TestServer, type TestSocket } from './testing.js';
import { startServerForTest, tempDirForTest } from './test-hooks.js';

let dir: string;
let test: TestServer;
beforeEach(() => {
  dir = tempDirForTest('plenum-restart-');
});

const start = async () => (test = await startServerForTest({ storage: new SqliteStorage(dir) }));
const restart = async () => {
  await test.close();
  return start();
};

async function ok(socket: TestSocket, action: Parameters<TestSocket['act']>[0]) {
  const answer = await socket.act(action);
  expect(answer, JSON.stringify(action)).toMatchObject({ type: 'ack' });
  return answer;
}

/** What must survive a restart exactly: the host's snapshot (minus who is online now), a participant's own view, the report. */
async function snapshot(url: string, room: string, hostKey: string, ids: { host: string; alice: string }) {
  const report = (await api(url, `/api/rooms/${room}/report`, { key: hostKey })).json;
  const host = await openSocket(url, room, { hostKey, participant: ids.host });
  const mine = await openSocket(url, room, { participant: ids.alice });
  const seen = { host: host.view(), mine: mine.view() };
  host.close();
  mine.close();
  delete report.audience.connectionsNow;
  return { report, host: { ...seen.host.state, online: 0 }, mine: seen.mine.mine, hostFlag: seen.host.host };
}

describe('a restart', () => {
  it('brings every room back exactly as it was', async () => {
    const { url, room, hostKey } = await start().then((t) => ({
      url: t.url,
      ...t.createRoom({ moderation: 'pre' }),
    }));
    const ids = { alice: randomParticipant(), bob: randomParticipant(), host: randomParticipant() };
    const host = await openSocket(url, room, { hostKey, participant: ids.host });
    const alice = await openSocket(url, room, { participant: ids.alice });
    const bob = await openSocket(url, room, { participant: ids.bob });

    // Questions in every state, labels, a reply, a highlight, upvotes, an edit, a deletion.
    const q: string[] = [];
    const asked = async (socket: TestSocket, action: { type: 'ask'; text: string; name?: string }) => {
      const answer = await ok(socket, action);
      q.push(answer.type === 'ack' ? answer.result!.id! : '');
    };
    for (const text of ['Live?', 'Beantwortet?', 'Abgelehnt?', 'Noch in Prüfung?', 'Gelöscht?'])
      await asked(alice, { type: 'ask', text });
    await asked(bob, { type: 'ask', text: 'Von Bob', name: 'Bob' });
    const [q1, q2, q3, , q5, q6] = q as [string, string, string, string, string, string];
    await ok(host, { type: 'moderate', question: q1, status: 'live', highlighted: true, label: 'Recht' });
    await ok(host, { type: 'moderate', question: q2, status: 'answered', reply: 'Ja.' });
    await ok(host, { type: 'moderate', question: q3, status: 'dismissed' });
    await ok(host, { type: 'moderate', question: q6, status: 'live', pinned: true });
    await ok(alice, { type: 'delete', question: q5 });
    await ok(bob, { type: 'upvote', question: q1 });
    await ok(alice, { type: 'upvote', question: q6 });
    await ok(bob, { type: 'edit', question: q6, text: 'Von Bob, bearbeitet' });
    // Votes in every kind of poll, changed votes included; one poll stays a draft.
    const polls = [
      { kind: 'single', options: ['A', 'B'], votes: [[0, 1], [1]] },
      { kind: 'multiple', options: ['A', 'B', 'C'], votes: [[[0, 2], [1]], [[0, 1, 2]]] },
      { kind: 'open', votes: [['Mehr Zeit', 'Mehr Pausen'], ['mehr zeit']] },
      { kind: 'rating', votes: [[3, 5], [4]] },
    ];
    for (const [i, poll] of polls.entries()) {
      const { json } = await api(url, `/api/rooms/${room}/polls`, {
        method: 'POST',
        key: hostKey,
        body: { title: `Umfrage ${i}`, kind: poll.kind, options: poll.options },
      });
      await ok(host, { type: 'poll-update', poll: json.id, status: 'open', resultsVisible: i % 2 === 0 });
      for (const [who, choices] of [alice, bob].map((s, j) => [s, poll.votes[j]!] as const))
        for (const choice of choices) await ok(who, { type: 'vote', poll: json.id, choice });
    }
    await ok(host, { type: 'poll-create', title: 'Entwurf', kind: 'single', options: ['x', 'y'] });
    for (const emoji of ['👍', '👏', '👏']) await ok(alice, { type: 'react', emoji });
    await ok(bob, { type: 'react', emoji: '❤️' });
    await ok(host, {
      type: 'room-update',
      title: 'Nach dem Neustart',
      recording: { url: 'https://video.example.org/event.mp4', startsAt: Date.now() - 60_000 },
    });
    for (const socket of [host, alice, bob]) socket.close();
    await Promise.all([host, alice, bob].map((s) => s.closed));

    const before = await snapshot(url, room, hostKey, ids);
    expect(before.hostFlag).toBe(true);
    expect(before.host.questions.map((q) => q.status)).toEqual([
      'live',
      'answered',
      'dismissed',
      'review',
      'review',
    ]);
    expect(before.report.reactions.total).toBe(4);
    expect(before.report.questions.list[0]!.recordingAt).toMatch(
      /^https:\/\/video\.example\.org\/event\.mp4#t=\d+$/,
    );

    const again = await restart();
    const after = await snapshot(again.url, room, hostKey, ids);
    expect(after).toEqual(before);

    // An action re-sent after the restart is answered as before and not applied again.
    const alice2 = await openSocket(again.url, room, { participant: ids.alice });
    const resent = await alice2.act({ type: 'ask', id: 'resent', text: 'Neu?' });
    const q7 = resent.type === 'ack' ? resent.result!.id! : '';
    expect(q7).toMatch(/^q[0-9a-f]{12}$/);
    await restart();
    const alice3 = await openSocket(test.url, room, { participant: ids.alice });
    expect(await alice3.act({ type: 'ask', id: 'resent', text: 'Neu?' })).toMatchObject({
      type: 'ack',
      id: 'resent',
      result: { id: q7 },
    });
    const report = await api(test.url, `/api/rooms/${room}/report`, { key: hostKey });
    expect(report.json.questions.total).toBe(6);
    alice3.close();
  });

  it('does not bring back an erased room, nor keep any trace of it', async () => {
    const t = await start();
    const participant = randomParticipant();
    const alice = await openSocket(t.url, t.room, { participant });
    await ok(alice, { type: 'ask', text: 'Bitte löschen Sie mich.' });
    const erased = await api(t.url, `/api/rooms/${t.room}`, { method: 'DELETE', key: t.hostKey });
    expect(erased.status).toBe(204);
    expect((await alice.closed).code).toBe(4404);
    expect((await api(t.url, `/api/rooms/${t.room}`)).status).toBe(404);
    expect((await api(t.url, `/api/rooms/${t.room}/report`, { key: t.hostKey })).status).toBe(404);
    expect((await (await openSocket(t.url, t.room)).closed).code).toBe(4404);

    const again = await restart();
    expect((await api(again.url, `/api/rooms/${t.room}`)).status).toBe(404);
    expect((await (await openSocket(again.url, t.room)).closed).code).toBe(4404);
    await again.close();
    // Not a row, not a participant id, not a word of the question left in the database.
    const db = new Database(join(dir, 'plenum.db'), { readonly: true });
    const rows = db.prepare('SELECT room, entry FROM log').all() as { room: string; entry: string }[];
    db.close();
    expect(rows.filter((row) => row.room === t.room)).toEqual([]);
    expect(JSON.stringify(rows)).not.toContain(participant);
  });
});
