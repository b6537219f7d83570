import type { QuestionOrder, QuestionView } from '@plenum/protocol';

/**
 * The participant's view of the questions: the highlighted one on top, pinned next, then
 * by the chosen order; answered ones apart, latest answer first. Dismissed ones never show.
 * (Kept here, not imported from protocol, so the widget's order is the widget's choice.)
 */
export function arrange(
  questions: readonly QuestionView[],
  order: QuestionOrder,
): { live: QuestionView[]; answered: QuestionView[] } {
  const byOrder =
    order === 'recent'
      ? (a: QuestionView, b: QuestionView) => b.createdAt - a.createdAt
      : (a: QuestionView, b: QuestionView) => b.upvotes - a.upvotes || a.createdAt - b.createdAt;
  const live = questions
    .filter((q) => q.status === 'live' || q.status === 'review')
    .sort((a, b) => +b.highlighted - +a.highlighted || +b.pinned - +a.pinned || byOrder(a, b));
  const answered = questions
    .filter((q) => q.status === 'answered')
    .sort((a, b) => (b.answeredAt ?? b.createdAt) - (a.answeredAt ?? a.createdAt));
  return { live, answered };
}
