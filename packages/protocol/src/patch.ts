/**
 * Applies what the server sends to a client's copy of the room. Pure: the client stores,
 * the tests and the benchmarks all use it, so "what a client sees" is defined once.
 */
import type { MineUpdate, Page, Patch } from './messages.js';
import type { MineView, RoomView } from './state.js';

function upsert<T extends { id: string }>(
  list: T[],
  items: T[] | undefined,
  removed: string[] | undefined,
): T[] {
  if (!items?.length && !removed?.length) return list;
  const byId = new Map(list.map((item) => [item.id, item]));
  for (const id of removed ?? []) byId.delete(id);
  for (const item of items ?? []) byId.set(item.id, item);
  return [...byId.values()];
}

export function applyPatch(view: RoomView, patch: Patch | MineUpdate): RoomView {
  const next: RoomView = {
    ...view,
    questions: upsert(view.questions, patch.questions, patch.removedQuestions),
  };
  if (patch.type === 'mine') return next;
  if (patch.upvotes) {
    const upvotes = patch.upvotes;
    next.questions = next.questions.map((q) => (q.id in upvotes ? { ...q, upvotes: upvotes[q.id]! } : q));
  }
  next.polls = upsert(view.polls, patch.polls, patch.removedPolls);
  if (patch.quizzes || patch.removedQuizzes)
    next.quizzes = upsert(view.quizzes ?? [], patch.quizzes, patch.removedQuizzes);
  if (patch.surveys || patch.removedSurveys)
    next.surveys = upsert(view.surveys ?? [], patch.surveys, patch.removedSurveys);
  if (patch.currentPoll !== undefined) next.currentPoll = patch.currentPoll;
  if (patch.screen !== undefined) next.screen = patch.screen;
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.moderation !== undefined) next.moderation = patch.moderation;
  if (patch.lang !== undefined) next.lang = patch.lang;
  if (patch.timeZone !== undefined) next.timeZone = patch.timeZone;
  if (patch.eventPage === null) delete next.eventPage;
  else if (patch.eventPage !== undefined) next.eventPage = patch.eventPage;
  if (patch.reactions) next.reactions = { ...view.reactions, ...patch.reactions };
  if (patch.online !== undefined) next.online = patch.online;
  if (patch.questionCounts) next.questionCounts = patch.questionCounts;
  if (patch.full) next.full = patch.full;
  return next;
}

/** Merges a page of older questions into the client's window. */
export function applyPage(view: RoomView, page: Page): RoomView {
  return { ...view, questions: upsert(view.questions, page.questions, undefined) };
}

export function applyMine(mine: MineView, update: MineUpdate): MineView {
  return { ...mine, ...update.mine };
}
