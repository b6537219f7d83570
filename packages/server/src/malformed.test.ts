import { describe, expect, it } from 'vitest';
import { limits } from '@plenum/protocol';
import { openSocket, randomParticipant } from './testing.js';
import { useTestServer } from './test-hooks.js';

const test = useTestServer();

const long = (n: number) => 'x'.repeat(n);

/** Each bad message, the error code it earns, and the id the error must carry (if any). */
const cases: [name: string, message: unknown, code: string, id?: string][] = [
  ['not JSON', '{"type": "ask", ', 'malformed'],
  ['a JSON string', '"ask"', 'malformed'],
  ['JSON null', 'null', 'malformed'],
  ['an array', '[{"type":"ask"}]', 'malformed'],
  ['no type', { id: 'no-type', text: 'Hallo?' }, 'malformed', 'no-type'],
  ['an unknown type', { type: 'shout', id: 'unknown' }, 'malformed', 'unknown'],
  ['a type that is not a string', { type: 7, id: 'numeric-type' }, 'malformed', 'numeric-type'],
  ['no id', { type: 'ask', text: 'Ohne id?' }, 'invalid'],
  ['a missing field', { type: 'ask', id: 'no-text' }, 'invalid', 'no-text'],
  ['a field of the wrong type', { type: 'ask', id: 'text-number', text: 42 }, 'invalid', 'text-number'],
  ['a misspelt field', { type: 'ask', id: 'typo', text: 'Hallo', naem: 'Ada' }, 'invalid', 'typo'],
  [
    'a poll id of the wrong type',
    { type: 'vote', id: 'poll-number', poll: 1, choice: 0 },
    'invalid',
    'poll-number',
  ],
  [
    'an empty question id',
    { type: 'upvote', id: 'empty-question', question: '' },
    'invalid',
    'empty-question',
  ],
  [
    'a choice of the wrong type',
    { type: 'vote', id: 'choice-object', poll: 'p1', choice: { a: 1 } },
    'invalid',
    'choice-object',
  ],
  ['an id that is too long', { type: 'ask', id: long(70), text: 'Hi' }, 'invalid', long(limits.actionId)],
  ['an empty question', { type: 'ask', id: 'blank', text: '   ' }, 'empty', 'blank'],
  [
    'a question that is too long',
    { type: 'ask', id: 'long-text', text: long(limits.questionText + 1) },
    'too_long',
    'long-text',
  ],
  [
    'a name that is too long',
    { type: 'ask', id: 'long-name', text: 'Hi', name: long(limits.displayName + 1) },
    'too_long',
    'long-name',
  ],
  ['an emoji the room does not offer', { type: 'react', id: 'unicorn', emoji: '🦄' }, 'invalid', 'unicorn'],
  [
    'an emoji that is too long',
    { type: 'react', id: 'long-emoji', emoji: long(limits.emoji + 1) },
    'invalid',
    'long-emoji',
  ],
  ['a vote on no poll', { type: 'vote', id: 'no-poll', poll: 'p404', choice: 0 }, 'not_found', 'no-poll'],
  [
    'an upvote of no question',
    { type: 'upvote', id: 'no-question', question: 'q404' },
    'not_found',
    'no-question',
  ],
  ['a second hello', { type: 'hello', v: 1, participant: randomParticipant() }, 'invalid'],
  ['a hello with the wrong types', { type: 'hello', v: '1', participant: 12 }, 'invalid'],
];

describe('a malformed message', () => {
  it.each(cases)(
    '(%s) is answered with an error, and the connection stays usable',
    async (_, message, code, id) => {
      const alice = await openSocket(test.url, test.room, {});
      alice.send(message);
      const error = await alice.next('error');
      expect(error).toMatchObject({ code, message: expect.any(String) });
      expect(error.id).toBe(id);
      expect(await alice.act({ type: 'ask', text: 'Und jetzt?' })).toMatchObject({ type: 'ack' });
      expect(alice.socket.readyState).toBe(alice.socket.OPEN);
      alice.close();
    },
  );

  it('answers every bad message in a row without closing', async () => {
    const alice = await openSocket(test.url, test.room, {});
    for (const [, message] of cases) alice.send(message);
    alice.socket.send(Buffer.from('{"type":"react","id":"binary","emoji":"👍"}'), { binary: true });
    await alice.until(() => alice.received.filter((m) => m.type === 'error').length === cases.length + 1);
    const errors = alice.received.filter((m) => m.type === 'error');
    // Refusals by the room model answer a tick later than those of the parser and allowances: compare as sets.
    expect(errors.map((e) => e.code).sort()).toEqual(
      [...cases.map(([, , code]) => code), 'malformed'].sort(),
    );
    expect(await alice.act({ type: 'react', emoji: '👍' })).toMatchObject({ type: 'ack' });
    alice.close();
  });

  it('refuses an action before hello with not_joined, and works after hello', async () => {
    const socket = await openSocket(test.url, test.room);
    expect(await socket.act({ type: 'ask', id: 'early', text: 'Zu früh?' })).toMatchObject({
      type: 'error',
      code: 'not_joined',
      id: 'early',
    });
    socket.send({ type: 'hello', v: 1, participant: randomParticipant() });
    await socket.next('welcome');
    expect(await socket.act({ type: 'ask', id: 'early', text: 'Jetzt?' })).toMatchObject({ type: 'ack' });
    socket.close();
  });

  it('answers a hello of another protocol version with version and closes with 4400', async () => {
    const socket = await openSocket(test.url, test.room, { v: 2 });
    expect(await socket.next('error')).toMatchObject({ code: 'version' });
    expect((await socket.closed).code).toBe(4400);
  });

  it('accepts a frame of exactly 16 KiB, and closes one byte more with 1009', async () => {
    const alice = await openSocket(test.url, test.room, {});
    const frame = (bytes: number) => {
      const shell = JSON.stringify({ type: 'ask', id: 'big', text: '' });
      return JSON.stringify({ type: 'ask', id: 'big', text: long(bytes - shell.length) });
    };
    expect(Buffer.byteLength(frame(limits.frameBytes))).toBe(16 * 1024);
    alice.send(frame(limits.frameBytes));
    expect(await alice.next('error')).toMatchObject({ code: 'too_long', id: 'big' });
    alice.send(frame(limits.frameBytes + 1));
    expect((await alice.closed).code).toBe(1009);
  });
});
