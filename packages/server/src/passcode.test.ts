import { describe, expect, it } from 'vitest';
import { api, openSocket, type TestServer } from './testing.js';
import { startServerForTest } from './test-hooks.js';

/** This test's server (each test starts its own). */
let test: TestServer;

/** A room made over the API with a passcode, as a host would. */
async function passcodedRoom(passcode = 'Rathaus 2026') {
  const created = await api(test.url, '/api/rooms', {
    method: 'POST',
    body: { title: 'Geschlossen', passcode },
  });
  expect(created.status).toBe(201);
  return created.json as { room: string; hostKey: string };
}

/** Opens a socket and tells what the server answered: a welcome, or the error and close code. */
async function join(room: string, hello: { passcode?: string; hostKey?: string }) {
  const socket = await openSocket(test.url, room, hello);
  const welcome = socket.received.find((m) => m.type === 'welcome');
  if (welcome) {
    socket.close();
    return { welcome: true };
  }
  const error = await socket.next('error');
  const { code } = await socket.closed;
  return {
    welcome: false,
    error: { code: error.code, message: error.message },
    close: code,
    raw: socket.raw,
  };
}

describe('a room passcode', () => {
  it('lets in over the socket only with the right code; the host key does without', async () => {
    test = await startServerForTest();
    const { room, hostKey } = await passcodedRoom();
    const host = await openSocket(test.url, room, { hostKey });
    await host.act({ type: 'ask', text: 'Streng geheime Frage?' });
    host.close();

    const missing = await join(room, {});
    expect(missing).toMatchObject({
      welcome: false,
      error: { code: 'passcode', message: 'This room needs a passcode.' },
      close: 4401,
    });
    const wrong = await join(room, { passcode: 'Rathaus 2025' });
    expect(wrong).toMatchObject({
      welcome: false,
      error: { code: 'passcode', message: 'The passcode is wrong.' },
      close: 4401,
    });
    // Nothing of the room before the code: no title, no question.
    for (const refused of [missing, wrong]) {
      expect(refused.raw!.join('')).not.toMatch(/Geschlossen|geheime/);
    }
    expect(await join(room, { passcode: 'Rathaus 2026' })).toEqual({ welcome: true });
    // Spaces around it, as pasted from an invitation, do not matter.
    expect(await join(room, { passcode: '  Rathaus 2026 ' })).toEqual({ welcome: true });
    expect(await join(room, { hostKey })).toEqual({ welcome: true });
  });

  it('guards GET /api/rooms/:room: 401 without or with a wrong code, the view with the right one', async () => {
    test = await startServerForTest();
    const { room, hostKey } = await passcodedRoom();
    const path = `/api/rooms/${room}`;
    const missing = await api(test.url, path);
    expect(missing).toMatchObject({ status: 401, json: { error: { code: 'passcode' } } });
    expect(missing.json.error.message).toContain('X-Plenum-Passcode');
    expect(missing.text).not.toContain('Geschlossen');
    const wrong = await api(test.url, path, { headers: { 'X-Plenum-Passcode': 'falsch!' } });
    expect(wrong).toMatchObject({ status: 401, json: { error: { message: 'The passcode is wrong.' } } });
    const right = await api(test.url, path, { headers: { 'X-Plenum-Passcode': 'Rathaus 2026' } });
    expect(right).toMatchObject({ status: 200, json: { title: 'Geschlossen' } });
    expect((await api(test.url, path, { key: hostKey })).status).toBe(200);
    // Other origins may send the header (the API answers CORS preflights for it).
    const preflight = await fetch(`${test.url}${path}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://events.example.org' },
    });
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-plenum-passcode/i);
  });

  it('is set, changed and removed by the host with PATCH, stored hashed, and checked', async () => {
    test = await startServerForTest();
    const path = `/api/rooms/${test.room}`;
    expect(await join(test.room, {})).toEqual({ welcome: true });

    const set = await api(test.url, path, {
      method: 'PATCH',
      key: test.hostKey,
      body: { passcode: 'Sitzung-7' },
    });
    expect(set).toMatchObject({ status: 200, json: { passcode: true } });
    expect(JSON.stringify(test.server.storage.getRoom(test.room))).not.toContain('Sitzung-7');
    expect(await join(test.room, {})).toMatchObject({ close: 4401 });
    expect(await join(test.room, { passcode: 'Sitzung-7' })).toEqual({ welcome: true });

    // Only the host; a participant cannot lift it.
    const stranger = await api(test.url, path, { method: 'PATCH', body: { passcode: null } });
    expect(stranger.status).toBe(401);
    // A bad code is a 400 naming the field, and changes nothing (the title neither).
    const short = await api(test.url, path, {
      method: 'PATCH',
      key: test.hostKey,
      body: { title: 'Neu', passcode: 'ab' },
    });
    expect(short).toMatchObject({ status: 400, json: { error: { code: 'invalid' } } });
    expect(short.json.error.message).toContain('passcode');
    expect(await join(test.room, { passcode: 'Sitzung-7' })).toEqual({ welcome: true });
    expect((await api(test.url, path, { key: test.hostKey })).json.title).toBe('Test event');

    const removed = await api(test.url, path, {
      method: 'PATCH',
      key: test.hostKey,
      body: { passcode: null },
    });
    expect(removed).toMatchObject({ status: 200, json: { passcode: false } });
    expect(await join(test.room, {})).toEqual({ welcome: true });
    expect((await api(test.url, path)).status).toBe(200);
  });
});
