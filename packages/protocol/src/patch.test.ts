import { describe, expect, it } from 'vitest';
import { applyPatch } from './patch.js';
import type { QuestionView, RoomView } from './state.js';

const question = (id: string, upvotes = 0): QuestionView => ({
  id,
  text: `Question ${id}`,
  upvotes,
  status: 'live',
  highlighted: false,
  pinned: false,
  edited: false,
  createdAt: 1,
});

const view: RoomView = {
  room: 'r',
  title: 'T',
  moderation: 'post',
  emojis: ['👍'],
  questions: [question('q1'), question('q2')],
  polls: [],
  currentPoll: null,
  screen: { show: 'join' },
  reactions: { '👍': 3 },
  online: 2,
};

describe('applyPatch', () => {
  it('replaces changed entities whole, removes deleted ones, and merges totals', () => {
    const next = applyPatch(view, {
      type: 'patch',
      seq: 1,
      questions: [question('q2', 5), question('q3')],
      removedQuestions: ['q1'],
      reactions: { '👍': 4 },
      online: 3,
    });
    expect(next.questions.map((q) => [q.id, q.upvotes])).toEqual([
      ['q2', 5],
      ['q3', 0],
    ]);
    expect(next.reactions).toEqual({ '👍': 4 });
    expect(next.online).toBe(3);
  });

  it('moves upvote counts alone', () => {
    const next = applyPatch(view, { type: 'patch', seq: 1, upvotes: { q2: 7 } });
    expect(next.questions.map((q) => [q.id, q.upvotes, q.text])).toEqual([
      ['q1', 0, 'Question q1'],
      ['q2', 7, 'Question q2'],
    ]);
  });

  it('leaves the previous view untouched', () => {
    const before = structuredClone(view);
    applyPatch(view, { type: 'patch', seq: 1, questions: [question('q1', 9)], title: 'New' });
    expect(view).toEqual(before);
  });
});
