import { describe, expect, it } from 'vitest';
import { answerKey, groupAnswers, percentages, ratingAverage, tidyAnswer } from './results.js';

/** A tiny seeded PRNG (mulberry32): the same "random" tallies on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('percentages', () => {
  it.each([
    { counts: [], expected: [] },
    { counts: [0, 0, 0], expected: [0, 0, 0] },
    { counts: [7], expected: [100] },
    { counts: [1, 1], expected: [50, 50] },
    { counts: [1, 2], expected: [33, 67] },
    { counts: [1, 1, 1], expected: [34, 33, 33] },
    { counts: [2, 0, 1], expected: [67, 0, 33] },
    { counts: [0, 3, 0], expected: [0, 100, 0] },
    { counts: [1, 1, 1, 1, 1, 1], expected: [17, 17, 17, 17, 16, 16] },
  ])('$counts -> $expected', ({ counts, expected }) => {
    expect(percentages(counts)).toEqual(expected);
  });

  it('avoids the 86 % + 11 % + 4 % = 101 % trap', () => {
    const counts = [856, 106, 38]; // exact shares 85.6, 10.6, 3.8
    const naive = counts.map((count) => Math.round((count * 100) / 1000));
    expect(naive).toEqual([86, 11, 4]);
    expect(naive.reduce((a, b) => a + b)).toBe(101);
    // Floors 85, 10, 3; the two points left go to the largest remainders (.8, then .6 at the lower index).
    expect(percentages(counts)).toEqual([86, 10, 4]);
  });

  it('breaks ties in remainders by index, deterministically', () => {
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(percentages([1, 1, 1, 1, 1, 1, 1])).toEqual([15, 15, 14, 14, 14, 14, 14]);
    expect(percentages([2, 1, 1, 2])).toEqual([33, 17, 17, 33]);
  });

  it('sums to exactly 100 with each value the floor or ceiling of its share (1000 random tallies)', () => {
    const random = prng(20211001);
    // Collected rather than asserted one by one: one readable failure list, and fast.
    const wrong: { counts: number[]; result: number[] }[] = [];
    let empty = 0;
    for (let run = 0; run < 1000; run++) {
      const length = 1 + Math.floor(random() * 20);
      const scale = [3, 10, 100, 10_000][run % 4]!;
      const counts = Array.from({ length }, () => (random() < 0.2 ? 0 : Math.floor(random() * scale)));
      const total = counts.reduce((a, b) => a + b, 0);
      const result = percentages(counts);
      const fits =
        result.length === length &&
        (total === 0
          ? (empty++, result.every((value) => value === 0))
          : result.reduce((a, b) => a + b, 0) === 100 &&
            counts.every((count, index) => {
              const share = (count * 100) / total;
              const value = result[index]!;
              return (
                (value === Math.floor(share) || value === Math.ceil(share)) && (count > 0 || value === 0)
              );
            }));
      if (!fits) wrong.push({ counts, result });
    }
    expect(wrong).toEqual([]);
    expect(empty).toBeGreaterThan(0); // the all-zero case was exercised too
  });
});

describe('open answers', () => {
  it('groups case- and whitespace-insensitively, keeping the first-seen spelling', () => {
    expect(groupAnswers(['Kinderreisepass', ' kinderreisepass '])).toEqual([
      { text: 'Kinderreisepass', count: 2 },
    ]);
    expect(answerKey('  Neuer   Pass\t')).toBe('neuer pass');
    expect(tidyAnswer('  Neuer   Pass\t')).toBe('Neuer Pass');
  });

  it('ignores trailing sentence punctuation, but not punctuation inside or alone', () => {
    expect(groupAnswers(['Kinderreisepass.', 'kinderreisepass', 'Kinderreisepass !?'])).toEqual([
      { text: 'Kinderreisepass.', count: 3 },
    ]);
    expect(answerKey('Kinder-Reisepass')).not.toBe(answerKey('Kinderreisepass'));
    expect(answerKey('z.B. Pass')).toBe('z.b. pass');
    expect(answerKey('?')).toBe('?');
    expect(answerKey('?')).not.toBe(answerKey('!'));
  });

  it('treats composed and decomposed accents as one answer', () => {
    expect(answerKey('Caf\u00e9')).toBe(answerKey('Cafe\u0301'));
  });

  it('lists the most frequent first, ties in first-seen order', () => {
    expect(groupAnswers(['b', 'a', 'A', 'c', 'B', 'a', 'c'])).toEqual([
      { text: 'a', count: 3 },
      { text: 'b', count: 2 },
      { text: 'c', count: 2 },
    ]);
  });
});

describe('ratingAverage', () => {
  it.each([
    { distribution: [0, 0, 0, 0, 0], average: 0 },
    { distribution: [0, 0, 0, 0, 3], average: 5 },
    { distribution: [1, 0, 0, 0, 1], average: 3 },
    { distribution: [0, 0, 1, 2, 0], average: 3.7 }, // 11 / 3 = 3.666…
    { distribution: [0, 0, 0, 1, 1], average: 4.5 },
    { distribution: [17, 0, 3, 0, 0], average: 1.3 }, // 26 / 20 = 1.3 exactly, no float drift
  ])('$distribution -> $average', ({ distribution, average }) => {
    expect(ratingAverage(distribution)).toBe(average);
  });
});
