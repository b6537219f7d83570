/**
 * Ranking polls: every participant puts all the options in order. The poll's tally holds,
 * per option, the sum of the places it was given (1 = first), so a vote costs O(options)
 * and the results follow from the tally alone.
 */
import type { RankingResults } from './state.js';

/**
 * Results from the sums of places: the mean place per option (two decimals) and Borda
 * points, where place p of n gives n − p points (the first n − 1, the last 0). Summed over
 * all rankings that is n × responses − the sum of places, so the order by points (most
 * first) is the order by mean place (lowest first); ties keep the options' own order.
 */
export function rankingResults(placeSums: readonly number[], responses: number): RankingResults {
  const n = placeSums.length;
  const averageRanks = placeSums.map((sum) =>
    responses === 0 ? 0 : Math.round((sum * 100) / responses) / 100,
  );
  const points = placeSums.map((sum) => (responses === 0 ? 0 : n * responses - sum));
  const order = placeSums.map((_, index) => index).sort((a, b) => points[b]! - points[a]! || a - b);
  return { kind: 'ranking', averageRanks, points, order, responses };
}
