import { describe, expect, it } from 'vitest';
import { duplicateGroups, questionKey } from './duplicates.js';
import type { QuestionView } from './state.js';

let created = 0;
const q = (text: string, fields: Partial<QuestionView> = {}): QuestionView => ({
  id: `q${++created}`,
  text,
  upvotes: 0,
  status: 'live',
  highlighted: false,
  pinned: false,
  edited: false,
  createdAt: created,
  ...fields,
});
const texts = (groups: QuestionView[][]) => groups.map((group) => group.map((item) => item.text));

describe('duplicateGroups', () => {
  it('finds identical questions up to case, spacing, punctuation and Unicode forms', () => {
    const all = [
      q('Wann kommt der digitale Kinderreisepass?'),
      q('Something else entirely'),
      q('  wann kommt der DIGITALE kinderreisepass  '),
      q('Wann kommt der digitale Kinderreisepass!!'),
    ];
    expect(texts(duplicateGroups(all))).toEqual([
      [
        'Wann kommt der digitale Kinderreisepass?',
        '  wann kommt der DIGITALE kinderreisepass  ',
        'Wann kommt der digitale Kinderreisepass!!',
      ],
    ]);
    expect(questionKey('Ｆｕｌｌ－width？')).toBe(questionKey('full width'));
  });

  it('finds near ones: a typo in a short text, the same words in another order', () => {
    const groups = duplicateGroups([
      q('Wie sicher ist die eID?'),
      q('Wie sicher ist die elD'),
      q('Wird das Onlinezugangsgesetz bis 2026 umgesetzt'),
      q('Bis 2026 wird das Onlinezugangsgesetz umgesetzt?'),
    ]);
    expect(groups).toHaveLength(2);
  });

  it('keeps different short questions apart', () => {
    expect(duplicateGroups([q('Why?'), q('How?'), q('Wann startet es?'), q('Wann endet es?')])).toEqual([]);
  });

  it('keeps a public question before one in review, then the most upvoted, then the oldest', () => {
    const [review, quiet, popular] = [
      q('Same question here', { status: 'review', upvotes: 9 }),
      q('same question here'),
      q('Same question here.', { upvotes: 3 }),
    ];
    expect(duplicateGroups([review, quiet, popular])[0]!.map((item) => item.id)).toEqual([
      popular.id,
      quiet.id,
      review.id,
    ]);
  });

  it('leaves dismissed questions out', () => {
    expect(duplicateGroups([q('Same'), q('same', { status: 'dismissed' })])).toEqual([]);
  });

  it('stays fast for a full room of long distinct questions', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      q(`Frage ${i}: ${'lorem ipsum dolor '.repeat(5)}${i * 7919}`),
    );
    const started = performance.now();
    duplicateGroups(many);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
