import { describe, expect, it } from 'vitest';
import { api, openSocket, type TestServer } from './testing.js';
import { startServerForTest } from './test-hooks.js';

/** This test's server (each test starts its own). */
let test: TestServer;

const create = (body: Record<string, unknown>) => api(test.url, '/api/rooms', { method: 'POST', body });

describe('a room’s language, time zone and event page', () => {
  it('come from the server’s defaults unless the room names its own, and everyone sees them', async () => {
    test = await startServerForTest({ roomDefaults: { lang: 'de', timeZone: 'Europe/Berlin' } });
    const plain = (await create({ title: 'Sprechstunde' })).json as { room: string; hostKey: string };
    expect((await api(test.url, `/api/rooms/${plain.room}`)).json).toMatchObject({
      lang: 'de',
      timeZone: 'Europe/Berlin',
    });
    const own = await create({
      lang: 'en',
      timeZone: 'america/new_york',
      eventPage: 'https://events.example.org/townhall',
    });
    expect(own.status).toBe(201);
    const view = (await api(test.url, `/api/rooms/${own.json.room}`)).json;
    // The zone in its canonical spelling; the event page so every host device shares one link.
    expect(view).toMatchObject({
      lang: 'en',
      timeZone: 'America/New_York',
      eventPage: 'https://events.example.org/townhall',
    });
  });

  it('refuse an unknown zone, language or non-web event page, naming the field, and make no room', async () => {
    test = await startServerForTest();
    for (const [body, field] of [
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ timeZone: '+02:00' }, 'timeZone'],
      [{ lang: 'fr' }, 'lang'],
      [{ eventPage: 'javascript:alert(1)' }, 'eventPage'],
    ] as const) {
      const rooms = test.server.storage.rooms().length;
      const answer = await create(body);
      expect(answer.status).toBe(400);
      expect(answer.json.error.message).toContain(field);
      expect(test.server.storage.rooms()).toHaveLength(rooms);
    }
  });

  it('change with PATCH, and reach a connected host and participant at once', async () => {
    test = await startServerForTest();
    const participant = await openSocket(test.url, test.room, {});
    const host = await openSocket(test.url, test.room, { hostKey: test.hostKey });
    const path = `/api/rooms/${test.room}`;
    const patched = await api(test.url, path, {
      method: 'PATCH',
      key: test.hostKey,
      body: { lang: 'de', timeZone: 'Europe/Vienna', eventPage: 'https://example.org/live' },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      lang: 'de',
      timeZone: 'Europe/Vienna',
      eventPage: 'https://example.org/live',
    });
    for (const socket of [participant, host]) {
      await socket.until(
        ({ state }) => state.lang === 'de' && state.eventPage === 'https://example.org/live',
      );
    }
    const bad = await api(test.url, path, {
      method: 'PATCH',
      key: test.hostKey,
      body: { timeZone: 'Europe/Nowhere' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^timeZone: /);
    // "" forgets the event page: the participant link is the server's join page again.
    await api(test.url, path, { method: 'PATCH', key: test.hostKey, body: { eventPage: '' } });
    await host.until(({ state }) => state.eventPage === undefined);
    expect((await api(test.url, path)).json.timeZone).toBe('Europe/Vienna');
    participant.close();
    host.close();
  });
});

describe('GET /api/rooms/:room/report', () => {
  async function event() {
    test = await startServerForTest();
    const startsAt = Date.now() - 60_000;
    const created = await create({
      title: 'Bürgerdialog',
      lang: 'de',
      timeZone: 'Europe/Berlin',
      recording: { url: 'https://video.example.org/dialog.mp4', startsAt },
    });
    const { room, hostKey } = created.json as { room: string; hostKey: string };
    const alice = await openSocket(test.url, room, {});
    const asked = await alice.act({ type: 'ask', text: 'Gibt es Sprechstunden?' });
    const id = (asked as { result?: { id?: string } }).result?.id as string;
    await api(test.url, `/api/rooms/${room}/questions/${id}`, {
      method: 'PATCH',
      key: hostKey,
      body: { status: 'answered', reply: 'Ja, dienstags.' },
    });
    alice.close();
    const report = (query: string) => api(test.url, `/api/rooms/${room}/report${query}`, { key: hostKey });
    return { room, hostKey, startsAt, report };
  }

  it('speaks the room’s language, or the one asked for, in every format', async () => {
    const { room, hostKey, startsAt, report } = await event();
    const json = (await report('')).json;
    expect(json).toMatchObject({ lang: 'de', timeZone: 'Europe/Berlin', pollResponses: 0 });
    expect(json.paragraph).toMatch(/^1 Person hat zugeschaut, 1 hat sich live beteiligt\. Es kam 1 Beitrag/);
    expect(json.questions.list[0]).toMatchObject({ reply: 'Ja, dienstags.', status: 'answered' });
    expect(json.questions.list[0].recordingAt).toBe(
      `https://video.example.org/dialog.mp4#t=${Math.floor((json.questions.list[0].answeredAt - startsAt) / 1000)}`,
    );

    const md = await report('?format=md');
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toBe(`attachment; filename="plenum-${room}.md"`);
    expect(md.text).toContain('## Fragen');
    expect(md.text).toContain('(beantwortet) |  | 0 | Ja, dienstags. |');
    expect((await report('?format=md&lang=en')).text).toContain('## Questions');
    const txt = await report('?format=txt&lang=en&tz=UTC');
    expect(txt.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(txt.text).toContain('(answered)');

    const csv = await report('?format=csv&table=numbers');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="plenum-${room}-numbers.csv"`);
    expect(csv.text.startsWith('"Das Event in Zahlen";""\r\n')).toBe(true);
    // fetch's text() drops the byte-order mark a spreadsheet needs: look at the bytes.
    const bytes = await fetch(`${test.url}/api/rooms/${room}/report?format=csv`, {
      headers: { Authorization: `Bearer ${hostKey}` },
    }).then((response) => response.arrayBuffer());
    expect([...new Uint8Array(bytes).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await report('?format=csv&lang=en')).text).toMatch(/^"Asked at","Question",/);

    const chapters = await report('?format=chapters');
    expect(chapters.text).toMatch(/^00:00:00 Beginn\n00:01:\d\d Gibt es Sprechstunden\?\n$/);
  });

  it('refuses what it cannot make, naming the parameter', async () => {
    const { report } = await event();
    for (const [query, word] of [
      ['?format=pdf', 'format'],
      ['?lang=fr', 'lang'],
      ['?tz=Nowhere/Land', 'tz'],
      ['?include=some', 'include'],
      ['?format=csv&table=everything', 'table'],
    ] as const) {
      const answer = await report(query);
      expect(answer.status).toBe(400);
      expect(answer.json.error.message).toContain(word);
    }
  });

  it('asks for the recording’s start before it makes chapters', async () => {
    test = await startServerForTest();
    const answer = await api(test.url, `/api/rooms/${test.room}/report?format=chapters`, {
      key: test.hostKey,
    });
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe('no_recording');
  });
});
