import { describe, expect, it } from 'vitest';
import { parseClientMessage, roomIdPattern, roomIdRule } from './messages.js';

describe('parseClientMessage', () => {
  it('accepts a hello and a well-formed action', () => {
    const hello = parseClientMessage(JSON.stringify({ type: 'hello', v: 1, participant: 'p'.repeat(32) }));
    expect(hello).toEqual({ ok: true, message: { type: 'hello', v: 1, participant: 'p'.repeat(32) } });
    const react = parseClientMessage(JSON.stringify({ type: 'react', id: 'a1', emoji: '👏' }));
    expect(react).toEqual({ ok: true, message: { type: 'react', id: 'a1', emoji: '👏' } });
  });

  it.each([
    ['not JSON', '{nope', 'malformed', undefined],
    ['a JSON string', '"hello"', 'malformed', undefined],
    ['null', 'null', 'malformed', undefined],
    ['no type', '{"id":"a1"}', 'malformed', 'a1'],
    ['an unknown type', '{"type":"explode","id":"a2"}', 'malformed', 'a2'],
    ['a missing field', '{"type":"upvote","id":"a3"}', 'invalid', 'a3'],
    ['a wrong field type', '{"type":"upvote","id":"a4","question":7}', 'invalid', 'a4'],
    ['an empty action id', '{"type":"react","id":"","emoji":"👍"}', 'invalid', ''],
    ['an oversize emoji', `{"type":"react","id":"a5","emoji":"${'x'.repeat(40)}"}`, 'invalid', 'a5'],
    ['a short participant id', '{"type":"hello","v":1,"participant":"abc"}', 'invalid', undefined],
    ['a bad poll kind', '{"type":"poll-create","id":"a6","title":"T","kind":"essay"}', 'invalid', 'a6'],
  ])('answers %s with a code and the action id', (_name, raw, code, id) => {
    const result = parseClientMessage(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.id).toBe(id);
    expect(result.message.length).toBeGreaterThan(5);
  });
});

describe('the room id rule', () => {
  const ids = ['demo', 'dsn-2026', 'a_b', '-x', 'Z'.repeat(64), '', 'a b', 'ä', 'a/b', 'x'.repeat(65)];

  it('takes 1–64 letters, digits, "-" and "_", and nothing else', () => {
    expect(ids.filter((id) => roomIdPattern.test(id))).toEqual([
      'demo',
      'dsn-2026',
      'a_b',
      '-x',
      'Z'.repeat(64),
    ]);
  });

  it('reads the same as an HTML pattern attribute (anchored, with the v flag)', () => {
    const html = new RegExp(`^(?:${roomIdRule})$`, 'v');
    expect(ids.map((id) => html.test(id))).toEqual(ids.map((id) => roomIdPattern.test(id)));
  });
});
