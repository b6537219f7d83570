import { describe, expect, it } from 'vitest';
import { api, openSocket } from './testing.js';
import { startServerForTest } from './test-hooks.js';

/** Every route that needs the room's host key, with a body that would be accepted. */
const hostRoutes = (room: string): [method: string, path: string, body?: unknown][] => [
  ['POST', `/api/rooms/${room}/polls`, { title: 'Gekapert?', kind: 'rating' }],
  ['PATCH', `/api/rooms/${room}/polls/p1`, { status: 'open' }],
  ['DELETE', `/api/rooms/${room}/polls/p1`],
  ['PATCH', `/api/rooms/${room}/questions/q1`, { status: 'dismissed' }],
  ['DELETE', `/api/rooms/${room}/questions/q1`],
  ['GET', `/api/rooms/${room}/report`],
  ['GET', `/api/rooms/${room}/report?format=csv`],
  ['PATCH', `/api/rooms/${room}`, { title: 'Gekapert', recording: { url: 'https://evil.example/' } }],
  ['DELETE', `/api/rooms/${room}`],
];

describe('the host key', () => {
  it('guards every host route over HTTP: 401 without, 403 wrong, and nothing changes', async () => {
    const test = await startServerForTest();
    const other = test.createRoom();
    const alice = await openSocket(test.url, test.room, {});
    await alice.act({ type: 'ask', text: 'Bleibt das hier?' });
    const poll = await api(test.url, `/api/rooms/${test.room}/polls`, {
      method: 'POST',
      key: test.hostKey,
      body: { title: 'Draft', kind: 'open' },
    });
    expect(poll.json).toEqual({ id: expect.stringMatching(/^p[0-9a-f]{12}$/) });

    for (const [method, path, body] of hostRoutes(test.room)) {
      const missing = await api(test.url, path, { method, body });
      expect([method, path, missing.status, missing.json?.error?.code]).toEqual([
        method,
        path,
        401,
        'unauthorized',
      ]);
      for (const key of ['wrong-key', other.hostKey, `${test.hostKey}x`, test.hostKey.slice(1)]) {
        const wrong = await api(test.url, path, { method, body, key });
        expect([method, path, wrong.status, wrong.json?.error?.code]).toEqual([
          method,
          path,
          403,
          'forbidden',
        ]);
      }
    }
    // "Basic" or a bare key is no Bearer token either.
    const basic = await api(test.url, `/api/rooms/${test.room}/report`, {
      headers: { Authorization: `Basic ${test.hostKey}` },
    });
    expect(basic.status).toBe(401);

    const view = await api(test.url, `/api/rooms/${test.room}/report`, { key: test.hostKey });
    expect(view.json.questions.byStatus).toMatchObject({ live: 1, dismissed: 0 });
    expect(view.json).toMatchObject({ title: 'Test event' });
    expect(view.json).not.toHaveProperty('recording');
    expect(view.json.polls).toMatchObject([{ id: poll.json.id, status: 'draft' }]);
    alice.close();
  });

  it('stores only a hash of the key', async () => {
    const test = await startServerForTest();
    const meta = test.server.storage.getRoom(test.room)!;
    expect(JSON.stringify(meta)).not.toContain(test.hostKey);
    expect(meta.hostKeyHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong key over the socket with unauthorized and closes with 4403', async () => {
    const test = await startServerForTest();
    const other = test.createRoom();
    const socket = await openSocket(test.url, test.room, { hostKey: other.hostKey });
    expect(await socket.next('error')).toMatchObject({ code: 'unauthorized' });
    expect((await socket.closed).code).toBe(4403);
    expect(socket.received.some((m) => m.type === 'welcome')).toBe(false);
  });

  it('answers host actions from a participant without the key with forbidden and the id', async () => {
    const test = await startServerForTest();
    const alice = await openSocket(test.url, test.room, {});
    const asked = await alice.act({ type: 'ask', text: 'Darf ich moderieren?' });
    const question = asked.type === 'ack' ? asked.result!.id! : '';
    for (const action of [
      { type: 'moderate', question, status: 'dismissed' },
      { type: 'poll-create', title: 'Meine Umfrage', kind: 'rating' },
      { type: 'poll-update', poll: 'p1', status: 'open' },
      { type: 'poll-delete', poll: 'p1' },
      { type: 'room-update', title: 'Übernommen' },
    ]) {
      const id = `host-only-${action.type}`;
      expect(await alice.act({ ...action, id })).toMatchObject({ type: 'error', code: 'forbidden', id });
    }
    const { state } = await alice.until((v) => v.state.questions.length === 1);
    expect(state).toMatchObject({
      title: 'Test event',
      polls: [],
      questions: [{ id: question, status: 'live' }],
    });
    expect(alice.socket.readyState).toBe(alice.socket.OPEN);
    alice.close();
  });
});

describe('the admin token', () => {
  it('guards room creation when set: 401 without, 403 wrong, 201 right', async () => {
    const test = await startServerForTest({ adminToken: 'the-admin-token' });
    expect((await api(test.url, '/api/rooms', { method: 'POST', body: {} })).status).toBe(401);
    const wrong = await api(test.url, '/api/rooms', { method: 'POST', body: {}, key: 'the-admin-tokem' });
    expect(wrong).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    const right = await api(test.url, '/api/rooms', {
      method: 'POST',
      body: { title: 'Ratssitzung', moderation: 'pre' },
      key: 'the-admin-token',
    });
    expect(right.status).toBe(201);
    expect(right.json).toEqual({ room: expect.any(String), hostKey: expect.any(String) });
    const created = await api(test.url, `/api/rooms/${right.json.room}`);
    expect(created.json).toMatchObject({ title: 'Ratssitzung', moderation: 'pre' });
    // The room's host key is the host's, not the admin token.
    const report = await api(test.url, `/api/rooms/${right.json.room}/report`, { key: right.json.hostKey });
    expect(report.status).toBe(200);
  });

  it('is not needed when not set, but then nobody chooses an id', async () => {
    const test = await startServerForTest();
    const created = await api(test.url, '/api/rooms', { method: 'POST', body: {} });
    expect(created).toMatchObject({ status: 201, json: { room: expect.stringMatching(/^[a-z0-9]{8}$/) } });
    const chosen = await api(test.url, '/api/rooms', { method: 'POST', body: { room: 'open-house' } });
    expect(chosen).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    expect(chosen.json.error.message).toContain('admin token');
    expect((await api(test.url, '/api/rooms/open-house')).status).toBe(404);
  });

  it('chooses an id when given, once', async () => {
    const test = await startServerForTest({ adminToken: 'the-admin-token' });
    const body = { room: 'open-house' };
    const created = await api(test.url, '/api/rooms', { method: 'POST', body, key: 'the-admin-token' });
    expect(created).toMatchObject({ status: 201, json: { room: 'open-house' } });
    const again = await api(test.url, '/api/rooms', { method: 'POST', body, key: 'the-admin-token' });
    expect(again).toMatchObject({ status: 409, json: { error: { code: 'exists' } } });
  });
});
