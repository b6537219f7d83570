/**
 * The arithmetic behind poll results: percentages that add up, answer grouping, averages.
 * Pure functions of counts, so the UI, the report and the tests agree on every number.
 */

/**
 * Whole-number percentages that sum to exactly 100 whenever the total is above 0 (all 0
 * otherwise), by the largest-remainder (Hamilton) method: everyone gets the floor of their
 * exact share, and the points left go to the largest remainders, ties to the lower index.
 * Naive rounding would show 86 % + 11 % + 4 % = 101 %.
 */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total <= 0) return counts.map(() => 0);
  // Integer arithmetic: share = (count * 100) / total = floor + remainder / total, exactly.
  const floors = counts.map((count) => Math.floor((count * 100) / total));
  const remainders = counts.map((count) => (count * 100) % total);
  let left = 100 - floors.reduce((sum, value) => sum + value, 0);
  const order = counts.map((_, index) => index).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  for (const index of order) {
    if (left <= 0) break;
    floors[index]! += 1;
    left -= 1;
  }
  return floors;
}

/** Sentence punctuation at the end of an answer: "Kinderreisepass." says no more than "Kinderreisepass". */
const trailingPunctuation = /[\s.,;:!?…。、！？]+$/u;

/**
 * The key open answers are grouped by: Unicode-normalised, trimmed, inner whitespace
 * collapsed, lower case, trailing sentence punctuation dropped. "Kinderreisepass",
 * " kinderreisepass " and "Kinderreisepass." are one answer. The model, the widgets and
 * the fakes all group with this one function. An answer of punctuation only keeps it
 * ("?" is not "!").
 */
export function answerKey(text: string): string {
  const tidy = tidyAnswer(text).toLowerCase();
  return tidy.replace(trailingPunctuation, '') || tidy;
}

/** An answer as shown: normalised, trimmed, inner whitespace collapsed, case kept. */
export function tidyAnswer(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Groups answers (see `answerKey`): most frequent first, ties in first-seen order. */
export function groupAnswers(texts: Iterable<string>): { text: string; count: number }[] {
  const groups = new Map<string, { text: string; count: number }>();
  for (const text of texts) {
    const key = answerKey(text);
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { text: tidyAnswer(text), count: 1 });
  }
  return sortGroups(groups.values());
}

/** Most frequent first; the sort is stable, so ties keep first-seen order. */
export function sortGroups(
  groups: Iterable<{ text: string; count: number }>,
): { text: string; count: number }[] {
  return [...groups].map((group) => ({ ...group })).sort((a, b) => b.count - a.count);
}

/** The mean of a 1..n star distribution, to one decimal; 0 without responses. */
export function ratingAverage(distribution: readonly number[]): number {
  let responses = 0;
  let sum = 0;
  distribution.forEach((count, index) => {
    responses += count;
    sum += count * (index + 1);
  });
  return responses === 0 ? 0 : Math.round((sum * 10) / responses) / 10;
}
