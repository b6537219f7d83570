/**
 * Which questions ask the same thing, so the host can merge them in one action.
 *
 * Two questions are duplicates when their comparison keys (Unicode-compatible forms, lower
 * case, punctuation dropped, spacing collapsed) are equal, or when they are near: for short
 * texts (keys up to `shortText` characters) an edit distance of at most one edit per ten
 * characters ("Wann kommt der Pass" ~ "Wann kommt der Paß?"), and for any length a word
 * overlap (Jaccard) of at least 0.8 over at least four distinct words (the same words in
 * another order, one word more or less). Near is taken transitively within a group.
 */
import type { QuestionView } from './state.js';

const shortText = 120;
const editsPerChar = 1 / 10;
const minWords = 4;
const minOverlap = 0.8;

/** The text as compared: what a reader would not call a difference is gone. */
export function questionKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Levenshtein distance, or `max + 1` as soon as it is sure to exceed `max` (banded). */
function distanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

interface Entry {
  key: string;
  words: Set<string>;
}

function near(a: Entry, b: Entry): boolean {
  if (a.key === b.key) return true;
  if (a.words.size >= minWords && b.words.size >= minWords && overlap(a.words, b.words) >= minOverlap)
    return true;
  if (a.key.length > shortText || b.key.length > shortText) return false;
  const max = Math.floor(Math.max(a.key.length, b.key.length) * editsPerChar);
  return max > 0 && distanceWithin(a.key, b.key, max) <= max;
}

type Comparable = Pick<QuestionView, 'id' | 'text' | 'status' | 'upvotes' | 'createdAt'>;

/** The question a group is merged into: a public one before one in review, then the most upvoted, then the oldest. */
const rank = (a: Comparable, b: Comparable): number =>
  Number(a.status === 'review') - Number(b.status === 'review') ||
  b.upvotes - a.upvotes ||
  a.createdAt - b.createdAt;

/**
 * Groups of duplicates among questions that are not dismissed, each with the question to
 * keep first; questions without a duplicate are in no group. Groups are listed in the
 * order their kept question appears in `questions`.
 */
export function duplicateGroups<T extends Comparable>(questions: readonly T[]): T[][] {
  const candidates = questions.filter((question) => question.status !== 'dismissed');
  const entries = candidates.map((question): Entry => {
    const key = questionKey(question.text);
    return { key, words: new Set(key.split(' ').filter(Boolean)) };
  });
  // Union-find over the pairs that are near.
  const parent = candidates.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      if (root(i) !== root(j) && near(entries[i]!, entries[j]!)) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, T[]>();
  candidates.forEach((question, i) => {
    const group = groups.get(root(i));
    if (group) group.push(question);
    else groups.set(root(i), [question]);
  });
  const found = [...groups.values()].filter((group) => group.length > 1).map((group) => group.sort(rank));
  const index = new Map(questions.map((question, i) => [question.id, i]));
  return found.sort((a, b) => index.get(a[0]!.id)! - index.get(b[0]!.id)!);
}
