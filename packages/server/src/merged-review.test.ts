import { describe, expect, it } from 'vitest';
import { openSocket, type ClientView, type TestSocket } from './testing.js';
import { useTestServer } from './test-hooks.js';

const test = useTestServer();

const text = (view: ClientView, id: string) => view.state.questions.find((q) => q.id === id)?.text;

describe('a merged question in review', () => {
  it('reaches every asker when the host edits it, and nobody else', async () => {
    const { room, hostKey } = test.createRoom({ moderation: 'pre' });
    const host = await openSocket(test.url, room, { hostKey });
    const alice = await openSocket(test.url, room, {});
    const bob = await openSocket(test.url, room, {});
    const carol = await openSocket(test.url, room, {});
    const asked = async (socket: TestSocket, question: string) => {
      const answer = await socket.act({ type: 'ask', text: question });
      return answer.type === 'ack' ? answer.result!.id! : '';
    };
    const kept = await asked(alice, 'Wann kommt der digitale Pass?');
    const duplicate = await asked(bob, 'wann kommt der digitale pass');
    expect(await host.act({ type: 'merge', question: kept, duplicates: [duplicate] })).toMatchObject({
      type: 'ack',
    });
    await bob.until((v) => text(v, kept) !== undefined);
    expect(await host.act({ type: 'moderate', question: kept, text: 'Wann kommt der Pass?' })).toMatchObject({
      type: 'ack',
    });
    await Promise.all([alice, bob].map((c) => c.until((v) => text(v, kept) === 'Wann kommt der Pass?')));
    await host.until((v) => text(v, kept) === 'Wann kommt der Pass?');
    expect(text(carol.view(), kept)).toBeUndefined();
    expect(carol.raw.join('\n')).not.toContain('Pass');
  });
});
