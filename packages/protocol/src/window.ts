/**
 * The window of questions a client holds: a welcome does not grow with the room. For every
 * list a reader sees (a status) and both orders, it carries the first questions of that
 * order; the client pages further with `more` requests, each continuing one list in one
 * order after the last question it has of that order. Server and client pick windows with
 * these same functions, so the client knows where each order's pages go on.
 */
import { limits } from './limits.js';
import { compareQuestions, type Sortable } from './questions.js';
import type { QuestionCounts, QuestionOrder, QuestionStatus } from './state.js';

/** The lists each reader sees: the public sees live and answered questions. */
export const listsOf = (host: boolean): readonly QuestionStatus[] =>
  host ? ['review', 'live', 'answered', 'dismissed'] : ['live', 'answered'];

/** How many questions of one list a welcome carries per order. */
export const windowSize = (status: QuestionStatus, host: boolean): number =>
  host && status === 'review' ? limits.welcomeReview : limits.welcomeQuestions;

/** Where a page continues: the last question the client has in that order. */
export type Cursor = Pick<Sortable, 'id' | 'upvotes' | 'createdAt'>;

type Listed = Sortable & { status: QuestionStatus };

const unflagged = (cursor: Cursor): Sortable => ({ ...cursor, highlighted: false, pinned: false });

/**
 * The first `size` questions of `status` in `order` after `after` (from the start without
 * it), and whether more follow. Flagged questions (highlighted, pinned) lead every order,
 * so they are always in the first window.
 */
export function questionPage<T extends Listed>(
  questions: Iterable<T>,
  status: QuestionStatus,
  order: QuestionOrder,
  size: number,
  after?: Cursor,
): { questions: T[]; more: boolean } {
  const compare = compareQuestions(order);
  const from = after && unflagged(after);
  const list: T[] = [];
  for (const question of questions) {
    if (question.status === status && (!from || compare(question, from) > 0)) list.push(question);
  }
  list.sort(compare);
  return { questions: list.slice(0, size), more: list.length > size };
}

/** Questions per status, as a welcome and the patches carry them. */
export function countQuestions(
  questions: Iterable<{ status: QuestionStatus }>,
  host: boolean,
): QuestionCounts {
  const counts: QuestionCounts = {};
  for (const status of listsOf(host)) counts[status] = 0;
  for (const question of questions) {
    if (counts[question.status] !== undefined) counts[question.status]! += 1;
  }
  return counts;
}
