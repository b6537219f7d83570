import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { limits, roomSocketPath, type RoomView } from '@plenum/protocol';
import { Allowances } from './allowances.js';
import { closeCodes } from './party-host.js';
import { api, openSocket, randomParticipant, type TestServer, type TestSocket } from './testing.js';
import { startServerForTest } from './test-hooks.js';

/** This test's server (each test starts its own, closed when it ends, after its raw sockets). */
let test: TestServer;
const open: WebSocket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.terminate();
});

/** A clock the test moves by hand: the limits see exactly the time the test says. */
function manualClock() {
  let time = Date.now();
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

interface Upgrade {
  status: number;
  retryAfter?: string;
  socket: WebSocket;
}

/** Opens a raw socket to the room (no hello) and resolves with 101 or the refusal's status. */
function upgrade(url: string, room: string, headers: Record<string, string> = {}): Promise<Upgrade> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}${roomSocketPath(room)}`, { headers });
    socket.once('unexpected-response', (_request, response) => {
      resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], socket });
      response.resume();
      socket.terminate();
    });
    socket.once('upgrade', () => {
      open.push(socket);
      resolve({ status: 101, socket });
    });
    socket.once('error', (error) =>
      error.message.includes('Unexpected server response') ? undefined : reject(error),
    );
  });
}

/** Opens `count` sockets, `batch` at a time (bounded), and returns their statuses. */
async function upgrades(url: string, room: string, count: number, batch = 50): Promise<number[]> {
  const statuses: number[] = [];
  for (let done = 0; done < count; done += batch) {
    const round = Array.from({ length: Math.min(batch, count - done) }, () => upgrade(url, room));
    for (const { status } of await Promise.all(round)) statuses.push(status);
  }
  return statuses;
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

/** Creates a single-choice poll and opens it. */
async function openPoll(): Promise<string> {
  const created = await api(test.url, `/api/rooms/${test.room}/polls`, {
    method: 'POST',
    key: test.hostKey,
    body: { title: 'Lunch?', kind: 'single', options: ['Pizza', 'Salad'] },
  });
  const id = created.json.id as string;
  await api(test.url, `/api/rooms/${test.room}/polls/${id}`, {
    method: 'PATCH',
    key: test.hostKey,
    body: { status: 'open' },
  });
  return id;
}

/** One person: joins with a fresh participant id and votes; false when they were refused (429). */
async function joinAndVote(poll: string): Promise<boolean> {
  let socket;
  try {
    socket = await openSocket(test.url, test.room, {});
  } catch {
    return false; // refused: over the network's allowance (429)
  }
  const answer = await socket.act({ type: 'vote', poll, choice: 0 });
  socket.close();
  return answer.type === 'ack';
}

const pollIn = (view: RoomView, id: string) => view.polls.find((poll) => poll.id === id);

describe('allowances: per network, per participant, per socket', () => {
  it('by default admits 100 sockets per network at once, then 20 a second, 500 open, and 10 questions a minute', async () => {
    const clock = manualClock();
    // Only the clock (and a hello timeout longer than the test) is set: every limit is the default.
    test = await startServerForTest({ now: clock.now, helloTimeoutMs: 5 * 60_000 });
    const burst = await upgrades(test.url, test.room, 101);
    expect(count(burst, 101)).toBe(100);
    const refused = await upgrade(test.url, test.room);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);

    clock.advance(1000);
    expect(count(await upgrades(test.url, test.room, 21), 101)).toBe(20);

    // Up to 500 open at once, refilling the rate as a venue's Wi-Fi would over minutes.
    let opened = 120;
    while (opened < 500) {
      clock.advance(5000);
      const batch = await upgrades(test.url, test.room, Math.min(100, 500 - opened));
      expect(count(batch, 101)).toBe(batch.length);
      opened += batch.length;
    }
    clock.advance(5000);
    const full = await upgrade(test.url, test.room);
    expect(full.status).toBe(429);
    expect(full.retryAfter).toBeDefined();
    // One leaves: the next is let in.
    const leaving = open.pop()!;
    const left = new Promise((resolve) => leaving.once('close', resolve));
    leaving.close();
    await left;
    await expect.poll(async () => (await upgrade(test.url, test.room)).status).toBe(101);

    clock.advance(5000);
    open.pop()!.close();
    let alice: TestSocket | undefined;
    await expect
      .poll(async () => (alice = await openSocket(test.url, test.room, {}).catch(() => undefined)))
      .toBeDefined();
    const asked = [];
    for (let i = 0; i < 11; i++) asked.push(await alice!.act({ type: 'ask', text: `Question ${i}` }));
    expect(asked.slice(0, 10).every((answer) => answer.type === 'ack')).toBe(true);
    expect(asked[10]).toMatchObject({
      type: 'error',
      code: 'rate_limited',
      message: expect.stringMatching(/10 questions a minute/),
    });
    clock.advance(6000);
    expect(await alice!.act({ type: 'ask', text: 'One more, a little later' })).toMatchObject({
      type: 'ack',
    });
    alice!.close();
  });

  it('counts a few hundred of 1,000 fresh participant ids voting from one machine in 2 s, and tells the host', async () => {
    const clock = manualClock();
    test = await startServerForTest({ now: clock.now });
    const poll = await openPoll();
    const host = await openSocket(test.url, test.room, { hostKey: test.hostKey });
    let accepted = 0;
    for (let attempt = 0; attempt < 1000; attempt += 20) {
      clock.advance(40); // 20 attempts per 40 ms: 1,000 within 2 s
      const round = await Promise.all(Array.from({ length: 20 }, () => joinAndVote(poll)));
      accepted += round.filter(Boolean).length;
    }
    // The burst of 100 plus 2 s at 20 a second (the host's console took one).
    expect(accepted).toBeGreaterThanOrEqual(130);
    expect(accepted).toBeLessThanOrEqual(140);
    const view = await host.until((v) => pollIn(v.state, poll)?.results?.responses === accepted);
    expect(pollIn(view.state, poll)?.network).toEqual({ voters: accepted, share: 100 });

    const report = await api(test.url, `/api/rooms/${test.room}/report`, { key: test.hostKey });
    expect(report.json.polls[0]).toMatchObject({
      responses: accepted,
      network: { voters: accepted, share: 100 },
    });
    const markdown = await api(test.url, `/api/rooms/${test.room}/report?format=md`, { key: test.hostKey });
    expect(markdown.text).toContain(`one network cast 100% of the votes (${accepted})`);
    // The public never sees the note; no address appears anywhere.
    const publicView = await api(test.url, `/api/rooms/${test.room}`);
    expect(JSON.stringify(publicView.json)).not.toContain('network');
    expect(JSON.stringify(report.json)).not.toMatch(/127\.0\.0\.1|::1/);
    expect(host.raw.join('')).not.toMatch(/127\.0\.0\.1|::1/);
    host.close();
  });

  it('lets 50 people who join over 5 s from one network all vote, without a note', async () => {
    const clock = manualClock();
    test = await startServerForTest({ now: clock.now });
    const poll = await openPoll();
    const host = await openSocket(test.url, test.room, { hostKey: test.hostKey });
    const votes = [];
    for (let person = 0; person < 50; person++) {
      clock.advance(100);
      votes.push(await joinAndVote(poll));
    }
    expect(votes.every(Boolean)).toBe(true);
    const view = await host.until((v) => pollIn(v.state, poll)?.results?.responses === 50);
    // Exactly 50 from one network is not over the note's threshold.
    expect(pollIn(view.state, poll)?.network).toBeUndefined();
    host.close();
  });

  it('gives a participant who reconnects in a loop no more questions, and no fresh burst', async () => {
    const clock = manualClock();
    test = await startServerForTest({ now: clock.now });
    const participant = randomParticipant();
    const answers = [];
    for (let round = 0; round < 12; round++) {
      const socket = await openSocket(test.url, test.room, { participant });
      for (let i = 0; i < 2; i++)
        answers.push(await socket.act({ type: 'ask', text: `Round ${round}, ${i}` }));
      socket.close();
      await socket.closed;
    }
    expect(answers.filter((answer) => answer.type === 'ack')).toHaveLength(10);
    expect(answers.slice(10)).toEqual(
      Array(14).fill(expect.objectContaining({ type: 'error', code: 'rate_limited' })),
    );

    // Every new socket costs an action: a reconnect loop runs dry instead of starting afresh.
    const results = [];
    for (let round = 0; round < 40; round++) {
      const socket = await openSocket(test.url, test.room, { participant });
      const ended = await Promise.race([socket.next('welcome').then(() => 'welcome'), socket.closed]);
      results.push(ended);
      socket.close();
      await socket.closed;
      if (ended !== 'welcome') break;
    }
    // The allowance of 40 actions had 12 hellos and 24 asks taken from it: 4 more sockets, then none.
    expect(results).toEqual([
      ...Array<string>(4).fill('welcome'),
      { code: closeCodes.rateLimited, reason: 'Reconnecting too often' },
    ]);
  });

  it('closes a socket that has not said hello in time, and keeps one that has', async () => {
    test = await startServerForTest({ helloTimeoutMs: 100 });
    const alice = await openSocket(test.url, test.room, {});
    const silent = await openSocket(test.url, test.room);
    expect(await silent.closed).toEqual({ code: closeCodes.helloTimeout, reason: 'No hello in time' });
    expect(alice.socket.readyState).toBe(WebSocket.OPEN);
    expect(await alice.act({ type: 'react', emoji: '👍' })).toMatchObject({ type: 'ack' });
    alice.close();
  });

  it('lets a screen (display) show the room but refuses every action with forbidden', async () => {
    test = await startServerForTest();
    const poll = await openPoll();
    const alice = await openSocket(test.url, test.room, {});
    const asked = await alice.act({ type: 'ask', text: 'A real question' });
    const question = asked.type === 'ack' ? (asked.result?.id as string) : '';
    const screen = await openSocket(test.url, test.room, { display: true });
    expect(screen.view().state.polls.map((p) => p.id)).toEqual([poll]);
    for (const action of [
      { type: 'vote', poll, choice: 0 },
      { type: 'ask', text: 'From the projector' },
      { type: 'upvote', question },
      { type: 'react', emoji: '👍' },
      { type: 'delete', question },
    ]) {
      expect(await screen.act(action)).toMatchObject({ type: 'error', code: 'forbidden' });
    }
    const report = await api(test.url, `/api/rooms/${test.room}/report`, { key: test.hostKey });
    expect(report.json.polls[0].responses).toBe(0);
    expect(report.json.questions.total).toBe(1);
    expect(report.json.reactions.total).toBe(0);
    alice.close();
    screen.close();
  });

  it('takes the address from X-Forwarded-For only with trustProxy, and only the proxy’s entry', async () => {
    test = await startServerForTest({ limitIpSockets: 1 });
    // Without trustProxy the header is anyone's to make up: both come from 127.0.0.1.
    expect((await upgrade(test.url, test.room, { 'X-Forwarded-For': '203.0.113.1' })).status).toBe(101);
    expect((await upgrade(test.url, test.room, { 'X-Forwarded-For': '203.0.113.2' })).status).toBe(429);
    await test.close();

    test = await startServerForTest({ limitIpSockets: 1, trustProxy: true });
    expect((await upgrade(test.url, test.room, { 'X-Forwarded-For': '203.0.113.1' })).status).toBe(101);
    expect((await upgrade(test.url, test.room, { 'X-Forwarded-For': '203.0.113.2' })).status).toBe(101);
    // The proxy appends what it saw; whatever the client put left of it is ignored.
    const spoofed = { 'X-Forwarded-For': '198.51.100.9, 203.0.113.1' };
    expect((await upgrade(test.url, test.room, spoofed)).status).toBe(429);
    // One IPv6 /64 is one network.
    const v6 = (address: string) => upgrade(test.url, test.room, { 'X-Forwarded-For': address });
    expect((await v6('2001:db8:1:2::1')).status).toBe(101);
    expect((await v6('2001:db8:1:2:ffff::9')).status).toBe(429);
  });
});

describe('the Allowances unit', () => {
  /** Allowances on a clock the test moves by hand. */
  const at = (questionsPerMinute?: number) => {
    let time = 0;
    const allowances = new Allowances(() => time, questionsPerMinute);
    return { allowances, advance: (ms: number) => void (time += ms) };
  };
  const charges = (allowances: Allowances, participant: string, n: number, question = false) =>
    Array.from({ length: n }, () => allowances.charge(participant, question).ok);

  it('gives each participant one burst of actions, shared by all their sockets, refilling over time', () => {
    const { allowances, advance } = at();
    expect(charges(allowances, 'alice', limits.actionsBurst).every(Boolean)).toBe(true);
    expect(allowances.charge('alice', false)).toEqual({ ok: false, message: 'Too many actions; slow down.' });
    // Bob's is his own.
    expect(allowances.charge('bob', false).ok).toBe(true);
    advance(1000);
    expect(charges(allowances, 'alice', limits.actionsPerSecond + 1)).toEqual([
      ...Array(limits.actionsPerSecond).fill(true),
      false,
    ]);
  });

  it('charges a new socket like an action, and keeps the allowance across a reconnect', () => {
    const { allowances } = at();
    expect(allowances.connect('alice')).toBe(true);
    charges(allowances, 'alice', limits.actionsBurst - 1);
    allowances.disconnect('alice');
    // Reconnecting buys no fresh burst.
    expect(allowances.connect('alice')).toBe(false);
  });

  it('allows new questions at a person’s pace, and gives back one that was not asked', () => {
    const { allowances, advance } = at(2);
    const first = allowances.charge('alice', true);
    expect(allowances.charge('alice', true).ok).toBe(true);
    expect(allowances.charge('alice', true)).toEqual({
      ok: false,
      message: 'You can ask 2 questions a minute; please wait 30 s.',
    });
    // Other actions go on meanwhile.
    expect(allowances.charge('alice', false).ok).toBe(true);
    if (first.ok) first.refund();
    expect(allowances.charge('alice', true).ok).toBe(true);
    advance(30_000);
    expect(allowances.charge('alice', true).ok).toBe(true);
  });

  it('lifts the question allowance at 0 questions a minute', () => {
    const { allowances } = at(0);
    expect(charges(allowances, 'alice', limits.actionsBurst, true).every(Boolean)).toBe(true);
  });
});
