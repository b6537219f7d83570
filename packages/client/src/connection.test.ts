import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { api, randomParticipant, startTestServer, type TestServer } from '@plenum/server/testing';
import { connectRoom } from './connect.js';
import { PlenumError } from './errors.js';
import type { RoomConnection } from './room.js';
import { instrumentedWebSocket, startProxy, until } from './testing.js';

let test: TestServer;
const opened: RoomConnection[] = [];

beforeEach(async () => {
  test = await startTestServer();
});
afterEach(async () => {
  opened.splice(0).forEach((room) => room.release());
  await test.close();
});

function join(
  options: { hostKey?: string; server?: string; room?: string; WebSocket?: unknown; passcode?: string } = {},
) {
  const room = connectRoom({
    server: options.server ?? test.url,
    room: options.room ?? test.room,
    participant: randomParticipant(),
    WebSocket: options.WebSocket ?? WebSocket,
    ...(options.hostKey !== undefined && { hostKey: options.hostKey }),
    ...(options.passcode !== undefined && { passcode: options.passcode }),
  });
  room.retain();
  opened.push(room);
  return room;
}

describe('connectRoom', () => {
  it('runs an event for two participants and a host through the public API', async () => {
    const host = join({ hostKey: test.hostKey });
    const alice = join();
    const bob = join();
    await until(host.$status, (s) => s === 'open');

    const question = await alice.ask('Wann kommt der digitale Bauantrag?', { name: 'Alice' });
    await until(bob.$state, (s) => s?.questions.some((q) => q.id === question) ?? false);
    expect(alice.$mine.get().questions).toContain(question);

    await bob.upvote(question);
    await until(alice.$state, (s) => s?.questions.find((q) => q.id === question)?.upvotes === 1);
    expect(bob.$mine.get().upvoted).toEqual([question]);

    const poll = await host.host!.createPoll({
      title: 'Wie zufrieden?',
      kind: 'single',
      options: ['Sehr', 'Gar nicht'],
    });
    await host.host!.updatePoll(poll, { status: 'open' });
    await until(alice.$state, (s) => s?.currentPoll === poll);
    await alice.vote(poll, 0);
    await bob.vote(poll, 0);
    await bob.vote(poll, 1); // a changed vote replaces the old one
    const results = await until(alice.$state, (s) => {
      const r = s?.polls.find((p) => p.id === poll)?.results;
      return r?.kind === 'single' && r.counts.join() === '1,1';
    });
    expect(results?.polls[0]?.results).toMatchObject({ percentages: [50, 50], responses: 2 });

    await host.host!.moderate(question, { status: 'answered', reply: 'Im Frühjahr.' });
    await until(bob.$state, (s) => s?.questions.find((q) => q.id === question)?.status === 'answered');
    await alice.react('👏');
    await until(bob.$state, (s) => s?.reactions['👏'] === 1);

    await expect(bob.editQuestion(question, 'Hijacked')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(alice.host).toBeUndefined();
  });

  it('never loses or doubles an acknowledged action when connections drop mid-stream', async () => {
    const proxy = await startProxy(test.url);
    const host = join({ hostKey: test.hostKey });
    const poll = await host.host!.createPoll({ title: 'Q', kind: 'single', options: ['A', 'B', 'C'] });
    await host.host!.updatePoll(poll, { status: 'open' });
    const question = await host.ask('Upvote me');

    const clients = Array.from({ length: 10 }, () => join({ server: proxy.url }));
    await Promise.all(clients.map((c) => until(c.$status, (s) => s === 'open')));

    // 10 clients × 20 actions: upvote toggles and vote changes, while the network is cut 3 times.
    const sent = clients.map((client, n) =>
      Array.from({ length: 20 }, (_, i) =>
        i % 2 ? client.upvote(question) : client.vote(poll, (n + i) % 3),
      ),
    );
    const all = Promise.all(sent.flat());
    for (let cut = 0; cut < 3; cut++) {
      await until(clients[cut]!.$status, (s) => s === 'open');
      proxy.cut();
    }
    await all; // every action acknowledged in the end

    // 10 upvote toggles each (even) → nobody upvoted; each client's last vote is option (n + 18) % 3.
    const expected = [0, 0, 0];
    clients.forEach((_, n) => expected[(n + 18) % 3]!++);
    const server = await (
      await fetch(`${test.url}/api/rooms/${test.room}/report`, {
        headers: { Authorization: `Bearer ${test.hostKey}` },
      })
    ).json();
    expect(server.questions.list[0].upvotes).toBe(0);
    expect(server.polls[0].results.counts).toEqual(expected);
    expect(server.polls[0].responses).toBe(10);
    for (const client of [host, ...clients]) {
      const state = await until(client.$state, (s) => {
        const r = s?.polls[0]?.results;
        return r?.kind === 'single' && r.counts.join() === expected.join();
      });
      expect(state?.questions[0]?.upvotes).toBe(0);
    }
    await proxy.close();
  });

  it('resyncs to the exact state when a patch goes missing', async () => {
    const { WebSocket: Withholding, control } = instrumentedWebSocket();
    const watcher = join({ WebSocket: Withholding });
    const actor = join();
    await until(watcher.$status, (s) => s === 'open');
    let withheld = 0;
    control.withhold = (data) =>
      data.includes('"type":"patch"') && data.includes('"questions"') && withheld++ === 0;

    await actor.ask('First');
    // The next patch comes in a later tick, so the watcher sees a gap in the sequence.
    await until(actor.$state, (s) => s?.questions.length === 1);
    await actor.ask('Second');
    const state = await until(watcher.$state, (s) => s?.questions.length === 2);
    expect(state?.questions.map((q) => q.text).sort()).toEqual(['First', 'Second']);
    expect(withheld).toBeGreaterThan(0);
    expect(control.opened).toBe(2); // it reconnected for a fresh snapshot
  });

  it('rolls back an optimistic vote the server refuses, and says why', async () => {
    const host = join({ hostKey: test.hostKey });
    const alice = join();
    const poll = await host.host!.createPoll({ title: 'Q', kind: 'single', options: ['A', 'B'] });
    await host.host!.updatePoll(poll, { status: 'open' });
    await until(alice.$state, (s) => s?.currentPoll === poll);
    await host.host!.updatePoll(poll, { status: 'closed' });

    // What Alice is shown, each change once (the patch that closed the poll may re-render it).
    const seen: unknown[] = [];
    const stop = alice.$mine.listen((mine) => {
      if (seen.length === 0 || seen.at(-1) !== mine.votes[poll]) seen.push(mine.votes[poll]);
    });
    const refused = alice.vote(poll, 1);
    expect(alice.$mine.get().votes[poll]).toBe(1); // shown at once
    const error = await refused.catch((e: unknown) => e);
    stop();
    expect(error).toBeInstanceOf(PlenumError);
    expect(error).toMatchObject({ code: 'closed' });
    expect(alice.$mine.get().votes[poll]).toBeUndefined(); // rolled back
    expect(seen).toEqual([1, undefined]);
  });

  it('moves an optimistic upvote count once, without flicker, until the server confirms', async () => {
    const alice = join();
    const bob = join();
    const question = await alice.ask('Count me');
    await until(bob.$state, (s) => s?.questions.length === 1);
    const counts: number[] = [];
    const stop = bob.$state.listen((s) => counts.push(s!.questions[0]!.upvotes));
    await bob.upvote(question);
    await until(bob.$mine, (m) => m.upvoted.includes(question));
    await until(alice.$state, (s) => s?.questions[0]?.upvotes === 1);
    stop();
    expect(new Set(counts)).toEqual(new Set([1]));
  });

  it('shares one socket among 20 subscribers, and closes it after the last leaves', async () => {
    const { WebSocket: Counting, control } = instrumentedWebSocket();
    const options = {
      server: test.url,
      room: test.room,
      WebSocket: Counting,
      participant: randomParticipant(),
    };
    const stops = Array.from({ length: 20 }, () => connectRoom(options).$state.listen(() => {}));
    const room = connectRoom(options);
    await until(room.$status, (s) => s === 'open');
    expect(control.opened).toBe(1);
    stops.forEach((stop) => stop());
    await until(room.$status, (s) => s === 'closed');
    expect(control.opened).toBe(1);
  });

  it('stops retrying and says so when the room does not exist', async () => {
    const room = join({ room: 'no-such-room' });
    const error = await until(room.$error, (e) => e !== undefined);
    expect(error).toMatchObject({ code: 'unknown_room' });
    expect(room.$status.get()).toBe('closed');
  });

  it('refuses a wrong host key without retrying', async () => {
    const room = join({ hostKey: 'wrong-key' });
    const error = await until(room.$error, (e) => e !== undefined);
    expect(error).toMatchObject({ code: 'unauthorized' });
    await until(room.$status, (s) => s === 'closed');
  });

  it('asks for a passcode without hammering the server, and joins once the right one is used', async () => {
    const set = await api(test.url, `/api/rooms/${test.room}`, {
      method: 'PATCH',
      key: test.hostKey,
      body: { passcode: 'Rathaus 2026' },
    });
    expect(set.status).toBe(200);
    const { WebSocket: Counted, control } = instrumentedWebSocket();
    const room = join({ WebSocket: Counted });

    expect(await until(room.$passcode, (p) => p !== undefined)).toBe('needed');
    expect(room.$error.get()).toMatchObject({ code: 'passcode' });
    expect(room.$status.get()).toBe('closed');
    expect(room.$state.get()).toBeUndefined();

    room.usePasscode('Rathaus 2025');
    expect(room.$passcode.get()).toBeUndefined(); // trying: neither needed nor wrong
    expect(await until(room.$passcode, (p) => p !== undefined)).toBe('wrong');
    expect(room.passcode).toBe('Rathaus 2025');

    room.usePasscode(' Rathaus 2026 ');
    await until(room.$status, (s) => s === 'open');
    expect(room.$passcode.get()).toBeUndefined();
    expect(room.$error.get()).toBeUndefined();
    expect(room.$state.get()?.title).toBe('Test event');
    // One socket per attempt: a refusal is never retried on its own.
    expect(control.opened).toBe(3);
    // Joined: its actions go through.
    await room.ask('Darf ich fragen?');
  });

  it('joins a passcoded room at once with connectRoom({ passcode })', async () => {
    await api(test.url, `/api/rooms/${test.room}`, {
      method: 'PATCH',
      key: test.hostKey,
      body: { passcode: 'Sitzung-7' },
    });
    const room = join({ passcode: 'Sitzung-7' });
    await until(room.$status, (s) => s === 'open');
    // A display (a projector) gets in with the code too; the host key needs none.
    const screen = connectRoom({
      server: test.url,
      room: test.room,
      display: true,
      passcode: 'Sitzung-7',
      WebSocket,
    });
    screen.retain();
    opened.push(screen);
    await until(screen.$status, (s) => s === 'open');
    const host = join({ hostKey: test.hostKey });
    await until(host.$status, (s) => s === 'open');
  });
});
