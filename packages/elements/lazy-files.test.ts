/**
 * The files plenum.js loads on demand import nothing at run time: what they need of Lit and
 * the shared helpers comes in the kit (src/kit.ts). One value import would make the bundler
 * move Lit and the catalogues into a chunk of their own, which plenum.js would then load on
 * every page, outside its size budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('src/', import.meta.url));
const lazy = ['passcode-prompt.ts', 'quiz/quiz-view.ts', 'survey/survey-view.ts', 'poll/ranking.ts'];

describe('files loaded on demand', () => {
  for (const file of lazy) {
    it(`${file} imports types only`, () => {
      const code = readFileSync(join(src, file), 'utf8');
      const imports = [...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
      expect(imports).toEqual([]);
    });
  }
});
