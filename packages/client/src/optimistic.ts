/**
 * Optimistic upvotes and votes: shown at once, laid over the server's truth until the
 * server's own messages carry them, and dropped (rolled back) when the server refuses.
 *
 * A guess settles in two steps, because the server sends each tick's public patch before
 * the personal message: the patch named in the ack already counts the upvote (so the
 * guessed +1 must stop), and the personal message that follows has the participant's own
 * flags (so the guessed flag can go). Nothing flickers in between.
 */
import type { Choice, MineView, RoomView } from '@plenum/protocol';

export type Guess = (
  { kind: 'upvote'; question: string; upvoted: boolean } | { kind: 'vote'; poll: string; choice: Choice }
) & {
  /** From the ack: the patch that carries the change. */
  visibleAt?: number;
  /** The counts are in the server's view now; only the participant's flag is still guessed. */
  counted: boolean;
};

export function overlay(
  state: RoomView | undefined,
  mine: MineView,
  guesses: Iterable<Guess>,
): { state: RoomView | undefined; mine: MineView } {
  let questions = state?.questions;
  let upvoted: Set<string> | undefined;
  let votes: MineView['votes'] | undefined;
  for (const guess of guesses) {
    if (guess.kind === 'upvote') {
      upvoted ??= new Set(mine.upvoted);
      const had = upvoted.has(guess.question);
      if (guess.upvoted) upvoted.add(guess.question);
      else upvoted.delete(guess.question);
      if (!guess.counted && had !== guess.upvoted && questions) {
        const delta = guess.upvoted ? 1 : -1;
        questions = questions.map((q) =>
          q.id === guess.question ? { ...q, upvotes: q.upvotes + delta } : q,
        );
      }
    } else {
      votes ??= { ...mine.votes };
      votes[guess.poll] = guess.choice;
    }
  }
  return {
    state: state && questions !== state.questions ? { ...state, questions: questions! } : state,
    mine:
      upvoted || votes
        ? { ...mine, upvoted: upvoted ? [...upvoted] : mine.upvoted, votes: votes ?? mine.votes }
        : mine,
  };
}
