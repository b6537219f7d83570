import { describe, expect, it } from 'vitest';
import type { ChoiceResults } from '@plenum/protocol';
import { SqliteStorage } from './storage/sqlite.js';
import { api, openSocket } from './testing.js';
import { useTestServer } from './test-hooks.js';

const clients = 100;
const votesEach = 10;
const options = ['Bus', 'Bahn', 'Rad', 'Auto'];

const test = useTestServer(({ tempDir }) => ({ storage: new SqliteStorage(tempDir('plenum-burst-')) }), {
  once: true,
});

describe('a burst of votes', () => {
  it(`keeps ${clients} clients exact through ${clients * votesEach} changing votes, with coalesced patches`, async () => {
    const { json: poll } = await api(test.url, `/api/rooms/${test.room}/polls`, {
      method: 'POST',
      key: test.hostKey,
      body: { title: 'Wie kommen Sie heute nach Hause?', kind: 'single', options },
    });
    await api(test.url, `/api/rooms/${test.room}/polls/${poll.id}`, {
      method: 'PATCH',
      key: test.hostKey,
      body: { status: 'open' },
    });
    const sockets = await Promise.all(
      Array.from({ length: clients }, () => openSocket(test.url, test.room, {})),
    );
    await Promise.all(
      sockets.map((s) => s.until((v) => v.state.online === clients && v.state.currentPoll === poll.id)),
    );
    const sentBefore = sockets.reduce((sum, s) => sum + s.raw.length, 0);

    const started = performance.now();
    const lastVote: number[] = [];
    const answers = sockets.flatMap((socket, i) =>
      Array.from({ length: votesEach }, (_, v) => {
        const choice = (i * 7 + v * 3 + (i % 3) * v) % options.length;
        lastVote[i] = choice;
        return socket.act({ type: 'vote', poll: poll.id, choice });
      }),
    );
    const acks = await Promise.all(answers);
    const ackedIn = performance.now() - started;
    expect(acks.filter((a) => a.type !== 'ack')).toEqual([]);

    const expected = options.map((_, option) => lastVote.filter((choice) => choice === option).length);
    const report = await api(test.url, `/api/rooms/${test.room}/report`, { key: test.hostKey });
    expect(report.json.polls[0].results.counts).toEqual(expected);
    expect(report.json.polls[0].responses).toBe(clients);
    // The public snapshot shows the same (results are visible in this poll).
    const snapshot = await api(test.url, `/api/rooms/${test.room}`);
    expect(snapshot.json.polls[0].results.counts).toEqual(expected);

    const sameCounts = (results: ChoiceResults | undefined) =>
      results !== undefined && results.counts.every((count, i) => count === expected[i]);
    await Promise.all(
      sockets.map((s) => s.until((v) => sameCounts(v.state.polls[0]?.results as ChoiceResults | undefined))),
    );
    const settledIn = performance.now() - started;
    for (const [i, socket] of sockets.entries()) {
      const view = socket.view();
      expect(view.state.polls[0]?.results).toMatchObject({ counts: expected, responses: clients });
      expect(view.mine.votes[poll.id]).toBe(lastVote[i]);
    }

    const sent = sockets.reduce((sum, s) => sum + s.raw.length, 0) - sentBefore;
    const votes = clients * votesEach;
    console.log(
      `burst: ${votes} votes from ${clients} clients acked in ${ackedIn.toFixed(0)} ms, all views exact in ${settledIn.toFixed(0)} ms; ` +
        `${sent} messages sent (${votes} acks + ${sent - votes} patches and personal updates), against ${votes * clients} unbatched`,
    );
    expect(sent).toBeLessThan((votes * clients) / 10);
    for (const socket of sockets) socket.close();
  }, 20_000);
});
