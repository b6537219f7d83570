import { describe, expect, it } from 'vitest';
import type { PollKind } from '@plenum/protocol';
import { api, openSocket, randomParticipant, type TestSocket } from './testing.js';
import { useTestServer } from './test-hooks.js';

/**
 * Results visibility is a promise: while the host keeps a poll's results hidden, no frame a
 * participant or a screen receives, and no public HTTP answer, carries them, in any state
 * and after a reconnect. The host sees them all along.
 */
const test = useTestServer({}, { once: true });

const secret = 'Geheime Antwort 7f3a';
const kinds: { kind: PollKind; options?: string[]; votes: [unknown, unknown] }[] = [
  { kind: 'single', options: ['Ja', 'Nein'], votes: [0, 1] },
  { kind: 'multiple', options: ['A', 'B', 'C'], votes: [[0, 2], [1]] },
  { kind: 'open', votes: [secret, 'Etwas anderes'] },
  { kind: 'rating', votes: [5, 4] },
];

async function ok(socket: TestSocket, action: Parameters<TestSocket['act']>[0]) {
  expect(await socket.act(action), JSON.stringify(action)).toMatchObject({ type: 'ack' });
}

/** Every frame and HTTP body a non-host could read, checked for results of any kind. */
function expectNoResults(what: string, texts: string[]) {
  for (const text of texts) {
    expect(text, what).not.toContain('"results"');
    expect(text, what).not.toContain(secret);
  }
}

describe.each(kinds)('a $kind poll with hidden results', ({ kind, options, votes }) => {
  it('shows participants, screens and the public API the options and the count, never the results', async () => {
    const { room, hostKey } = test.createRoom();
    const ids = { alice: randomParticipant(), bob: randomParticipant() };
    const host = await openSocket(test.url, room, { hostKey });
    const alice = await openSocket(test.url, room, { participant: ids.alice });
    const bob = await openSocket(test.url, room, { participant: ids.bob });
    const screen = await openSocket(test.url, room, { display: true, participant: randomParticipant() });
    const created = await api(test.url, `/api/rooms/${room}/polls`, {
      method: 'POST',
      key: hostKey,
      body: { title: 'Geheim?', kind, options, resultsVisible: false },
    });
    expect(created.status).toBe(201);
    const poll = created.json.id as string;
    const publicSnapshot = async () => (await api(test.url, `/api/rooms/${room}`)).text;
    // Alice's own frames carry her own answer back to her (her "mine"); everything else must not.
    const others = () => [...bob.raw, ...screen.raw];

    const checkpoint = async (what: string, responses: number) => {
      await host.until((view) => view.state.polls.find((p) => p.id === poll)?.responses === responses);
      for (const socket of [alice, bob, screen])
        await socket.until((view) =>
          view.state.polls.some((p) => p.id === poll && p.responses === responses),
        );
      expectNoResults(`${what}: frames`, others());
      expectNoResults(
        `${what}: alice's frames`,
        alice.raw.filter((text) => !text.includes('"mine"')),
      );
      expectNoResults(`${what}: GET /api/rooms/${room}`, [await publicSnapshot()]);
      // The host always sees the results.
      expect(host.view().state.polls.find((p) => p.id === poll)?.results?.responses).toBe(responses);
    };

    // Draft: nobody but the host knows it exists.
    expect(await publicSnapshot()).not.toContain(poll);
    await ok(host, { type: 'poll-update', poll, status: 'open' });
    await checkpoint('open, no votes', 0);
    expect(bob.view().state.polls[0]).toMatchObject({ options: options ?? [], resultsVisible: false });
    await ok(alice, { type: 'vote', poll, choice: votes[0] });
    await ok(bob, { type: 'vote', poll, choice: votes[1] });
    await checkpoint('open, two votes', 2);
    await ok(host, { type: 'poll-update', poll, status: 'closed' });
    await host.until((view) => view.state.polls[0]?.status === 'closed');
    await bob.until((view) => view.state.polls[0]?.status === 'closed');
    await checkpoint('closed', 2);

    // A reconnect (a fresh welcome) and a newcomer learn no more.
    bob.close();
    const bobAgain = await openSocket(test.url, room, { participant: ids.bob });
    const late = await openSocket(test.url, room, { participant: randomParticipant() });
    expectNoResults('after a reconnect', [...bobAgain.raw, ...late.raw]);
    expect(bobAgain.view().state.polls[0]).toMatchObject({ status: 'closed', responses: 2 });
    expect(bobAgain.view().mine.votes[poll]).toEqual(votes[1]);

    // Revealing is its own action, and then everyone sees the results.
    await ok(host, { type: 'poll-update', poll, resultsVisible: true });
    for (const socket of [alice, bobAgain, late, screen])
      await socket.until((view) => view.state.polls[0]?.results?.responses === 2);
    expect((await api(test.url, `/api/rooms/${room}`)).json.polls[0].results.responses).toBe(2);

    // Hidden again: the results leave every copy at once.
    await ok(host, { type: 'poll-update', poll, resultsVisible: false });
    for (const socket of [alice, bobAgain, late, screen])
      await socket.until((view) => view.state.polls[0]?.resultsVisible === false);
    for (const socket of [alice, bobAgain, late, screen])
      expect(socket.view().state.polls[0]).not.toHaveProperty('results');
    expect(await publicSnapshot()).not.toContain('"results"');
    for (const socket of [host, alice, bobAgain, late, screen]) socket.close();
  });
});
