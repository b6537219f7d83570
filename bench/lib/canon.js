/**
 * Canonical forms of what a client must end up holding, computed the same way from a client's
 * view and from the server's own snapshot, so "equal" means equal to the byte.
 */

/**
 * @typedef {import('../../packages/protocol/dist/index.js').RoomView} RoomView
 * @typedef {'poll' | 'questions' | 'reactions' | 'quiz' | 'leaderboard'} Aspect
 */

/**
 * @param {RoomView} view
 * @param {Aspect} aspect
 * @param {string} [pollId]   the poll, or the quiz
 */
export function canon(view, aspect, pollId) {
  if (aspect === 'quiz' || aspect === 'leaderboard') {
    const quiz = view.quizzes?.find((item) => item.id === pollId);
    if (aspect === 'leaderboard') return JSON.stringify(quiz?.leaderboard ?? null);
    // The revealed distribution of the current question, with its correct options.
    const question = quiz?.questions.find((item) => item.index === quiz.current);
    return JSON.stringify(question?.results ? [question.correct, question.results.counts] : null);
  }
  if (aspect === 'poll') {
    const poll = view.polls.find((item) => item.id === pollId);
    const results = poll?.results;
    return JSON.stringify(results && 'counts' in results ? results.counts : null);
  }
  if (aspect === 'questions') {
    return JSON.stringify(
      view.questions
        .map((q) => [q.id, q.text, q.upvotes, q.status])
        .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    );
  }
  return JSON.stringify(
    Object.entries(view.reactions)
      .filter(([, count]) => count > 0)
      .sort(),
  );
}
