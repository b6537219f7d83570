import { describe, expect, it } from 'vitest';
import { apply, createRoom, roomView, type Actor } from './model.js';
import { cleanText, stripControls } from './room.js';

const host: Actor = { participant: 'host-participant-0001', host: true };
const alice: Actor = { participant: 'alice-participant-001', host: false };

describe('stripControls', () => {
  it('removes C0 controls, DEL and C1 controls', () => {
    expect(stripControls('a\u0000b\u0007c\u0008d\u001be[31mf\u007fg\u0085h\u009bi')).toBe('abcde[31mfg\nhi');
  });

  it('keeps tab and line feed, and turns CR, CRLF and NEL into a line feed', () => {
    expect(stripControls('one\ttwo\nthree\r\nfour\rfive')).toBe('one\ttwo\nthree\nfour\nfive');
  });

  it('leaves every other character alone: umlauts, emoji, no-break and zero-width spaces', () => {
    const text = 'Grüße 👋🏽 \u00a0 a\u200bb — «ok»';
    expect(stripControls(text)).toBe(text);
  });
});

describe('cleanText', () => {
  it('strips controls before trimming and measuring', () => {
    expect(cleanText('\u0000 Hallo \u0007', 10, 'A question')).toBe('Hallo');
    expect(cleanText('\u0000\u0001\u0002', 10, 'A question')).toMatchObject({ ok: false, code: 'empty' });
    // Ten visible characters and a hundred controls fit a limit of ten.
    expect(cleanText(`${'\u0000'.repeat(100)}abcdefghij`, 10, 'A question')).toBe('abcdefghij');
  });
});

describe('user text at the door', () => {
  it('arrives in the room without control characters, in questions, names, polls and replies', () => {
    const room = createRoom({ id: 'room', title: 'Room', moderation: 'post', createdAt: 0 });
    const asked = apply(
      room,
      { type: 'ask', id: 'a1', text: 'Wann\u0008 kommt\r\ndas?\u001b[2J', name: 'Ada\u0000\u009b' },
      alice,
      1_000,
    );
    expect(asked.ok).toBe(true);
    const poll = apply(
      room,
      { type: 'poll-create', id: 'a2', title: 'Welche\u0007?', kind: 'single', options: ['A\u0000', 'B'] },
      host,
      1_000,
    );
    expect(poll.ok).toBe(true);
    const view = roomView(room, 0, { host: true });
    expect(view.questions[0]).toMatchObject({ text: 'Wann kommt\ndas?[2J', name: 'Ada' });
    expect(view.polls[0]).toMatchObject({ title: 'Welche?', options: ['A', 'B'] });
  });
});
