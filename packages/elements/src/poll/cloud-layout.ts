/**
 * How a word cloud lays out open answers: sizes by mentions and the order around the middle.
 * Pure, so the lazily loaded `<plenum-word-cloud>` and the console's big screen share it.
 */
export interface CloudWord {
  text: string;
  count: number;
}

/** At most this many words: beyond it, a cloud is noise. */
const maxWords = 50;
/** Font sizes in em, from the least to the most mentioned. */
const [smallest, largest] = [1, 3.2];

/**
 * The words in cloud order with their sizes: the most mentioned first in the middle, the
 * others alternating to either side; a square-root scale, so one runaway answer does not
 * shrink all others to nothing. Equal counts keep their given order (deterministic).
 */
export function cloudLayout(words: readonly CloudWord[]): { text: string; size: number; top: boolean }[] {
  const chosen = [...words].sort((a, b) => b.count - a.count).slice(0, maxWords);
  const high = Math.sqrt(chosen[0]?.count ?? 1);
  const low = Math.sqrt(chosen.at(-1)?.count ?? 1);
  const sized = chosen.map((word) => {
    const share = high === low ? 1 : (Math.sqrt(word.count) - low) / (high - low);
    return {
      text: word.text,
      size: Math.round((smallest + share * (largest - smallest)) * 100) / 100,
      top: word.count === chosen[0]!.count,
    };
  });
  const ordered: typeof sized = [];
  sized.forEach((word, i) => (i % 2 ? ordered.unshift(word) : ordered.push(word)));
  return ordered;
}
