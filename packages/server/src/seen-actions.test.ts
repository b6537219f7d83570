import { describe, expect, it } from 'vitest';
import { rememberedIds, SeenActions } from './seen-actions.js';

const ack = (id: string) => ({ type: 'ack' as const, id });

describe('the seen action ids', () => {
  it('answer a re-sent action as the first time, per participant', async () => {
    const seen = new SeenActions();
    seen.remember('alice', 'a1', ack('a1'));
    expect(await seen.answer('alice', 'a1')).toEqual(ack('a1'));
    expect(seen.has('bob', 'a1')).toBe(false);
    seen.forget('alice', 'a1');
    expect(seen.answer('alice', 'a1')).toBeUndefined();
  });

  it(`keep the last ${rememberedIds} ids of a participant, forgetting the oldest first`, () => {
    const seen = new SeenActions();
    for (let i = 0; i <= rememberedIds; i++) seen.remember('alice', `a${i}`, ack(`a${i}`));
    expect(seen.has('alice', 'a0')).toBe(false);
    expect(seen.has('alice', 'a1')).toBe(true);
    expect(seen.has('alice', `a${rememberedIds}`)).toBe(true);
  });
});
