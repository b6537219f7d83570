import { describe, expect, it } from 'vitest';
import { SqliteStorage } from './storage/sqlite.js';
import { api, openSocket, randomParticipant } from './testing.js';
import { startServerForTest, tempDirForTest } from './test-hooks.js';

/** The big screen shows what the host chose: over the socket or HTTP, to every console and screen, across restarts. */

describe('the screen choice', () => {
  it('reaches every host console and screen, is driven over HTTP too, and survives a restart', async () => {
    const dir = tempDirForTest('plenum-screen-');
    let test = await startServerForTest({ storage: new SqliteStorage(dir) });
    const { url, room, hostKey } = test;
    const host = await openSocket(url, room, { hostKey });
    const cohost = await openSocket(url, room, { hostKey });
    const screen = await openSocket(url, room, { display: true, participant: randomParticipant() });
    expect(screen.view().state.screen).toEqual({ show: 'join' });

    const created = await api(url, `/api/rooms/${room}/polls`, {
      method: 'POST',
      key: hostKey,
      body: { title: 'Wie weiter?', kind: 'rating' },
    });
    const poll = created.json.id as string;
    // A draft is the host's secret: it cannot go on screen.
    expect(await host.act({ type: 'screen', screen: { show: 'poll', poll } })).toMatchObject({
      type: 'error',
      code: 'invalid',
    });
    await api(url, `/api/rooms/${room}/polls/${poll}`, {
      method: 'PATCH',
      key: hostKey,
      body: { status: 'open' },
    });
    expect(await host.act({ type: 'screen', screen: { show: 'poll', poll } })).toMatchObject({ type: 'ack' });
    for (const socket of [cohost, screen]) await socket.until((view) => view.state.screen.show === 'poll');

    // Over HTTP: the same action, answered with the screen now.
    const put = await api(url, `/api/rooms/${room}/screen`, {
      method: 'PUT',
      key: hostKey,
      body: { show: 'questions' },
    });
    expect(put).toMatchObject({ status: 200, json: { show: 'questions' } });
    await screen.until((view) => view.state.screen.show === 'questions');
    expect((await api(url, `/api/rooms/${room}`)).json.screen).toEqual({ show: 'questions' });
    for (const [body, status, code] of [
      [{ show: 'poster' }, 400, 'invalid'],
      [{ show: 'poll' }, 400, 'invalid'],
      [{ show: 'question', question: 'q404' }, 404, 'not_found'],
    ] as const) {
      const answer = await api(url, `/api/rooms/${room}/screen`, { method: 'PUT', key: hostKey, body });
      expect(answer, JSON.stringify(body)).toMatchObject({ status, json: { error: { code } } });
    }
    expect(
      (await api(url, `/api/rooms/${room}/screen`, { method: 'PUT', body: { show: 'blank' } })).status,
    ).toBe(401);
    const participant = await openSocket(url, room, {});
    expect(await participant.act({ type: 'screen', screen: { show: 'blank' } })).toMatchObject({
      code: 'forbidden',
    });
    await api(url, `/api/rooms/${room}/screen`, {
      method: 'PUT',
      key: hostKey,
      body: { show: 'poll', poll },
    });
    for (const socket of [host, cohost, screen, participant]) socket.close();

    await test.close();
    test = await startServerForTest({ storage: new SqliteStorage(dir) });
    const again = await openSocket(test.url, room, { display: true, participant: randomParticipant() });
    expect(again.view().state.screen).toEqual({ show: 'poll', poll });
    again.close();
  });
});
