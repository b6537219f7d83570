import { describe, expect, it } from 'vitest';
import { limits, roomSocketPath } from '@plenum/protocol';
import { api, openSocket, randomParticipant, upgradeStatus } from './testing.js';
import { startServerForTest } from './test-hooks.js';

describe('what the server refuses, and how it limits a flood', () => {
  it('answers an unknown room with 404 over HTTP and 4404 over the socket', async () => {
    const test = await startServerForTest();
    for (const path of ['/api/rooms/no-such-room', '/api/rooms/no-such-room/report']) {
      const answer = await api(test.url, path, { key: test.hostKey });
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ error: { code: 'unknown_room', message: expect.any(String) } });
    }
    expect((await (await openSocket(test.url, 'no-such-room')).closed).code).toBe(4404);
    // Not a room path at all: refused before the upgrade.
    expect(await upgradeStatus(test.url, '/parties/other-party/x')).toBe(404);
    expect(await upgradeStatus(test.url, '/parties/main/not%20a%20room')).toBe(404);
    expect(await upgradeStatus(test.url, `/parties/main/${test.room}`)).toBe(101);
  });

  it('rate-limits a flood on one connection with rate_limited, and keeps it open', async () => {
    // Asks stand for any action here: their own allowance (allowances.test.ts) is lifted.
    const test = await startServerForTest({ limitQuestions: 0 });
    const alice = await openSocket(test.url, test.room, {});
    const ids = Array.from({ length: 200 }, (_, i) => `flood-${i}`);
    for (const id of ids) alice.send({ type: 'ask', id, text: `Frage ${id}` });
    await alice.until(
      () => alice.received.filter((m) => 'id' in m && m.id?.startsWith('flood-')).length === 200,
    );
    const answers = new Map(
      alice.received.flatMap((m) => ((m.type === 'ack' || m.type === 'error') && m.id ? [[m.id, m]] : [])),
    );
    const limited = ids.filter((id) => answers.get(id)?.type === 'error');
    expect(limited.length).toBeGreaterThan(100);
    expect(ids.length - limited.length).toBeGreaterThanOrEqual(limits.actionsBurst - 1);
    for (const id of limited) expect(answers.get(id)).toMatchObject({ code: 'rate_limited' });
    expect(alice.socket.readyState).toBe(alice.socket.OPEN);
    // The allowance refills: the same connection is served again.
    let answer;
    do answer = await alice.act({ type: 'react', emoji: '👍' });
    while (answer.type === 'error' && answer.code === 'rate_limited');
    expect(answer).toMatchObject({ type: 'ack' });
    alice.close();
  });

  it('limits actions per participant, across all their connections', async () => {
    const test = await startServerForTest({ limitQuestions: 0 });
    const participant = randomParticipant();
    const tabs = await Promise.all([1, 2, 3].map(() => openSocket(test.url, test.room, { participant })));
    // 3 × 30 stays under each connection's own allowance, not under the participant's allowance.
    const answers = await Promise.all(
      Array.from({ length: 90 }, (_, i) => tabs[i % 3]!.act({ type: 'ask', text: `Frage ${i}` })),
    );
    const accepted = answers.filter((a) => a.type === 'ack').length;
    // Each tab's hello was charged to the same allowance.
    expect(accepted).toBeGreaterThanOrEqual(limits.actionsBurst - tabs.length);
    expect(accepted).toBeLessThan(60);
    expect(answers.filter((a) => a.type === 'error')).toEqual(
      Array(90 - accepted).fill(expect.objectContaining({ code: 'rate_limited', id: expect.any(String) })),
    );
    for (const tab of tabs) tab.close();
  });

  it('limits reactions per participant, across all their connections', async () => {
    const test = await startServerForTest();
    const participant = randomParticipant();
    const tabs = [
      await openSocket(test.url, test.room, { participant }),
      await openSocket(test.url, test.room, { participant }),
    ];
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => tabs[i % 2]!.act({ type: 'react', emoji: '🎉' })),
    );
    const accepted = answers.filter((a) => a.type === 'ack').length;
    // A few may refill while the burst is in flight, never the 16 sent.
    expect(accepted).toBeGreaterThanOrEqual(limits.reactionsPerSecond);
    expect(accepted).toBeLessThan(limits.reactionsPerSecond + 3);
    expect(
      answers.filter((a) => a.type === 'error').every((a) => a.type === 'error' && a.code === 'rate_limited'),
    ).toBe(true);
    const view = await tabs[0]!.until((v) => (v.state.reactions['🎉'] ?? 0) >= accepted);
    expect(view.state.reactions['🎉']).toBe(accepted);
    for (const tab of tabs) tab.close();
  });

  it('drops a connection that stops answering heartbeats, and the room counts one less', async () => {
    // Long enough that a loaded machine delays no pong past the next beat (the timer phase
    // runs before pending I/O, so a blocked loop would drop the live socket too).
    const test = await startServerForTest({ heartbeatMs: 400 });
    const alive = await openSocket(test.url, test.room, {});
    const dead = await openSocket(test.url, test.room, {}, { autoPong: false });
    await alive.until((v) => v.state.online === 2);
    expect((await dead.closed).code).toBe(1006);
    await alive.until((v) => v.state.online === 1);
    expect(alive.socket.readyState).toBe(alive.socket.OPEN);
    alive.close();
  });

  it('refuses origins outside the allowlist on upgrade and on the API', async () => {
    const test = await startServerForTest({ origins: ['https://a.example'] });
    const path = roomSocketPath(test.room);
    expect(await upgradeStatus(test.url, path, { Origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(test.url, path, { Origin: 'https://a.example' })).toBe(101);
    // Non-browser clients send no Origin.
    expect(await upgradeStatus(test.url, path)).toBe(101);

    const preflight = (origin: string) =>
      api(test.url, `/api/rooms/${test.room}/polls`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type',
        },
      });
    const evil = await preflight('https://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const good = await preflight('https://a.example');
    expect(good.status).toBe(204);
    expect(good.headers.get('access-control-allow-origin')).toBe('https://a.example');
    expect(good.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    expect(good.headers.get('access-control-allow-methods')).toContain('PATCH');

    const read = await api(test.url, `/api/rooms/${test.room}`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(read.status).toBe(403);
    const allowed = await api(test.url, `/api/rooms/${test.room}`, {
      headers: { Origin: 'https://a.example' },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://a.example');
  });

  it('answers a malformed JSON body with 400 malformed and a body over 64 KiB with 413', async () => {
    const test = await startServerForTest();
    const polls = `/api/rooms/${test.room}/polls`;
    const malformed = await api(test.url, polls, {
      method: 'POST',
      key: test.hostKey,
      body: '{"title": "Hi",',
    });
    expect(malformed).toMatchObject({ status: 400, json: { error: { code: 'malformed' } } });
    const array = await api(test.url, polls, { method: 'POST', key: test.hostKey, body: '[1, 2]' });
    expect(array).toMatchObject({ status: 400, json: { error: { code: 'invalid' } } });
    const invalid = await api(test.url, polls, {
      method: 'POST',
      key: test.hostKey,
      body: { title: 'Hi', kind: 'dice' },
    });
    expect(invalid).toMatchObject({
      status: 400,
      json: { error: { code: 'invalid', message: expect.stringContaining('kind') } },
    });
    const huge = await api(test.url, polls, {
      method: 'POST',
      key: test.hostKey,
      body: { title: 'x'.repeat(64 * 1024), kind: 'open' },
    });
    expect(huge).toMatchObject({ status: 413, json: { error: { code: 'too_large' } } });
    // Nothing of it was created, and the server still answers.
    const report = await api(test.url, `/api/rooms/${test.room}/report`, { key: test.hostKey });
    expect(report.json.polls).toEqual([]);
  });
});
