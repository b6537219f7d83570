import { describe, expect, it } from 'vitest';
import { apply, createRoom, roomView } from './model.js';
import { applyPatch } from './patch.js';

const host = { participant: 'host', host: true };
const update = (room: ReturnType<typeof createRoom>, fields: Record<string, unknown>) =>
  apply(room, { type: 'room-update', id: 'a1', ...fields } as never, host, 0);

describe('a room’s language, time zone and event page', () => {
  it('are set by the host, shown in every view, and reported as a change', () => {
    const room = createRoom({ id: 'r', createdAt: 0 });
    const outcome = update(room, {
      lang: 'de',
      timeZone: 'europe/berlin',
      eventPage: ' https://example.org/live ',
    });
    expect(outcome).toEqual({ ok: true, changes: { settings: true } });
    expect(roomView(room, 0)).toMatchObject({
      lang: 'de',
      timeZone: 'Europe/Berlin',
      eventPage: 'https://example.org/live',
    });
    // The same again changes nothing, so nothing is broadcast.
    expect(update(room, { lang: 'de', timeZone: 'Europe/Berlin' })).toEqual({ ok: true, changes: {} });
    expect(update(room, { eventPage: null })).toEqual({ ok: true, changes: { settings: true } });
    expect(roomView(room, 0)).not.toHaveProperty('eventPage');
  });

  it('refuse a zone that is none and an event page that is no web address, changing nothing', () => {
    const room = createRoom({ id: 'r', createdAt: 0 });
    for (const timeZone of ['Mars/Base', '+02:00', 'CEST', '../etc']) {
      const outcome = update(room, { lang: 'de', timeZone });
      expect(outcome).toMatchObject({ ok: false, code: 'invalid' });
      expect(outcome.ok || outcome.message).toMatch(/^timeZone: /);
    }
    expect(update(room, { eventPage: 'javascript:alert(1)' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(room.lang).toBeUndefined();
    expect(room.eventPage).toBeUndefined();
  });

  it('travel in patches, and an event page is forgotten with null', () => {
    const room = createRoom({ id: 'r', createdAt: 0 });
    const view = roomView(room, 0);
    const set = applyPatch(view, { type: 'patch', seq: 1, lang: 'de', eventPage: 'https://example.org/' });
    expect(set).toMatchObject({ lang: 'de', eventPage: 'https://example.org/' });
    expect(applyPatch(set, { type: 'patch', seq: 2, eventPage: null })).not.toHaveProperty('eventPage');
  });
});
