import { describe, expect, it } from 'vitest';
import { api, openSocket } from './testing.js';
import { startServerForTest } from './test-hooks.js';

describe('the recording', () => {
  it('is set with the room, links every question in JSON, CSV and Markdown, and can be changed and forgotten', async () => {
    const test = await startServerForTest();
    const startsAt = Date.now() - 125_000;
    const created = await api(test.url, '/api/rooms', {
      method: 'POST',
      body: { title: 'Townhall', recording: { url: 'https://video.example.org/town|hall.mp4', startsAt } },
    });
    expect(created.status).toBe(201);
    const { room, hostKey } = created.json as { room: string; hostKey: string };
    const alice = await openSocket(test.url, room, {});
    await alice.act({ type: 'ask', text: 'Where can I watch this again?' });
    alice.close();

    const report = async (format = '') =>
      api(test.url, `/api/rooms/${room}/report${format && `?format=${format}`}`, { key: hostKey });
    const json = (await report()).json;
    expect(json.recording).toEqual({ url: 'https://video.example.org/town|hall.mp4', startsAt });
    const link = json.questions.list[0].recordingAt as string;
    expect(link).toMatch(/^https:\/\/video\.example\.org\/town\|hall\.mp4#t=12\d$/);
    expect((await report('csv')).text).toContain(`,"${link}"\r\n`);
    // The pipe would end a Markdown table cell; encoded, the link still opens the same file.
    const markdown = (await report('md')).text;
    expect(markdown).toContain('| Where can I watch this again? |');
    expect(markdown).toContain(`](<${link.replace('|', '%7C')}>) |`);
    expect(markdown).toContain('- Recording: <https://video.example.org/town%7Chall.mp4>');
    // Participants never see it.
    expect(JSON.stringify((await api(test.url, `/api/rooms/${room}`)).json)).not.toContain(
      'video.example.org',
    );

    const moved = await api(test.url, `/api/rooms/${room}`, {
      method: 'PATCH',
      key: hostKey,
      body: { title: 'Townhall 2026', recording: { url: 'https://www.youtube.com/watch?v=xyz', startsAt } },
    });
    expect(moved).toMatchObject({ status: 200, json: { title: 'Townhall 2026', moderation: 'post' } });
    expect((await report()).json.questions.list[0].recordingAt).toMatch(
      /^https:\/\/www\.youtube\.com\/watch\?v=xyz&t=12\ds$/,
    );

    const forgotten = await api(test.url, `/api/rooms/${room}`, {
      method: 'PATCH',
      key: hostKey,
      body: { recording: null },
    });
    expect(forgotten.status).toBe(200);
    const after = (await report()).json;
    expect(after).not.toHaveProperty('recording');
    expect(after.questions.list[0]).not.toHaveProperty('recordingAt');
  });

  it.each([
    [{ url: 'javascript:alert(1)' }, 'invalid', 'http:// or https://'],
    [{ url: `https://example.org/${'a'.repeat(2000)}` }, 'too_long', 'at most 2000 characters'],
    [{ url: 'https://example.org/', startsAt: 'yesterday' }, 'invalid', 'recording.startsAt'],
    ['https://example.org/', 'invalid', 'recording'],
  ])('refuses %j with a clear error and creates no room', async (recording, code, message) => {
    const test = await startServerForTest();
    const answer = await api(test.url, '/api/rooms', { method: 'POST', body: { recording } });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe(code);
    expect(answer.json.error.message).toContain(message);
    expect(test.server.storage.roomCount()).toBe(1);
  });

  it('refuses a misspelt field over HTTP with 400 naming it, and changes nothing', async () => {
    const test = await startServerForTest();
    const path = `/api/rooms/${test.room}`;
    const typo = await api(test.url, path, {
      method: 'PATCH',
      key: test.hostKey,
      body: { titel: 'Renamed' },
    });
    expect(typo.status).toBe(400);
    expect(typo.json.error).toMatchObject({ code: 'invalid' });
    expect(typo.json.error.message).toMatch(/^titel: /);
    expect((await api(test.url, path)).json.title).toBe('Test event');
  });

  it('refuses a bad address on PATCH and keeps the one set before', async () => {
    const test = await startServerForTest();
    const good = { url: 'https://video.example.org/a.mp4' };
    const path = `/api/rooms/${test.room}`;
    expect(
      (await api(test.url, path, { method: 'PATCH', key: test.hostKey, body: { recording: good } })).status,
    ).toBe(200);
    const bad = await api(test.url, path, {
      method: 'PATCH',
      key: test.hostKey,
      body: { title: 'Not this', recording: { url: 'data:text/html,<script>' } },
    });
    expect(bad).toMatchObject({ status: 400, json: { error: { code: 'invalid' } } });
    const report = (await api(test.url, `${path}/report`, { key: test.hostKey })).json;
    expect(report).toMatchObject({ title: 'Test event', recording: good });
  });
});
