import { describe, expect, it } from 'vitest';
import { limits } from './limits.js';
import type { Action, ActionInput } from './messages.js';
import { apply, createRoom, roomView, type Actor } from './model.js';
import { questionView, sortQuestions } from './questions.js';
import type { QuestionView } from './state.js';
import { questionPage } from './window.js';

const host: Actor = { participant: 'host-participant-0001', host: true };
const person = (n: number): Actor => ({ participant: `person-${String(n).padStart(12, '0')}`, host: false });

/** A room of `n` live questions asked a millisecond apart; every seventh gets upvotes. */
function bigRoom(n: number) {
  const room = createRoom({ id: 'room', createdAt: 0 });
  let id = 0;
  const act = (action: ActionInput, actor: Actor, at: number) =>
    apply(room, { ...action, id: `a${++id}` } as Action, actor, at);
  for (let i = 1; i <= n; i++) act({ type: 'ask', text: `Question ${i}` }, person(i), i);
  for (let i = 7; i <= n; i += 7)
    for (let k = 0; k < (i % 5) + 1; k++) act({ type: 'upvote', question: `q${i}` }, person(k), n + i);
  return { room, act };
}

/** Pages through one list in one order from the window's end, as a client does. */
function pageThrough(all: QuestionView[], order: 'popular' | 'recent', start: QuestionView[]) {
  const seen = [...start];
  let after = start.at(-1);
  for (let more = true; more;) {
    const page = questionPage(all, 'live', order, limits.pageQuestions, after);
    seen.push(...page.questions);
    after = page.questions.at(-1);
    more = page.more;
  }
  return seen;
}

describe('the welcome window', () => {
  it('carries the newest and the most upvoted questions of each list, with the counts', () => {
    const { room } = bigRoom(1_000);
    const view = roomView(room, 0, { windowed: true });
    const all = [...room.questions.values()].map(questionView);
    const top = sortQuestions(all, 'popular').slice(0, limits.welcomeQuestions);
    const newest = sortQuestions(all, 'recent').slice(0, limits.welcomeQuestions);
    const expected = new Set([...top, ...newest].map((q) => q.id));
    expect(new Set(view.questions.map((q) => q.id))).toEqual(expected);
    expect(view.questions.length).toBeLessThan(2 * limits.welcomeQuestions + 1);
    expect(view.questionCounts).toEqual({ live: 1_000, answered: 0 });
    // Without a window (the HTTP snapshot, the report) nothing changes.
    expect(roomView(room, 0).questions).toHaveLength(1_000);
  });

  it('pages through every question exactly once in either order', () => {
    const { room } = bigRoom(730);
    const all = [...room.questions.values()].map(questionView);
    for (const order of ['popular', 'recent'] as const) {
      const first = questionPage(all, 'live', order, limits.welcomeQuestions).questions;
      const seen = pageThrough(all, order, first);
      expect(seen.map((q) => q.id)).toEqual(sortQuestions(all, order).map((q) => q.id));
    }
  });

  it('gives the host the whole review queue up to its bound, and a participant their own', () => {
    const room = createRoom({ id: 'room', createdAt: 0, moderation: 'pre' });
    for (let i = 1; i <= 300; i++) apply(room, { type: 'ask', text: `Q${i}`, id: `a${i}` }, person(i % 3), i);
    const hostView = roomView(room, 0, { host: true, windowed: true });
    expect(hostView.questions).toHaveLength(300);
    expect(hostView.questionCounts).toEqual({ review: 300, live: 0, answered: 0, dismissed: 0 });
    const own = roomView(room, 0, { participant: person(1).participant, windowed: true });
    expect(own.questions).toHaveLength(100);
    expect(own.questionCounts).toEqual({ live: 0, answered: 0 });
  });

  it('always carries the highlighted and pinned questions', () => {
    const { room, act } = bigRoom(500);
    act({ type: 'moderate', question: 'q3', pinned: true }, host, 10_000);
    act({ type: 'moderate', question: 'q4', highlighted: true }, host, 10_000);
    const ids = roomView(room, 0, { windowed: true }).questions.map((q) => q.id);
    expect(ids).toContain('q3');
    expect(ids).toContain('q4');
  });
});
