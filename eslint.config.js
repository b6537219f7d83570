// @ts-check
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The import direction between our packages (DESIGN.md's layers), one rule per package: each
 * may import only the packages below it, and no package imports an app. Tests are exempt, as
 * they may start a real server (e.g. the client's tests import @plenum/server/testing).
 * @param {Record<string, string[]>} below
 */
function layers(below) {
  return Object.entries(below).map(([name, allowed]) => ({
    files: [`packages/${name}/src/**/*.ts`],
    ignores: ['**/*.test.ts', '**/testing.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@plenum/*', ...allowed.map((layer) => `!@plenum/${layer}`)],
              message: `@plenum/${name} may import ${allowed.length ? allowed.map((l) => `@plenum/${l}`).join(' and ') : 'no package of ours'} (the layers in DESIGN.md).`,
            },
            {
              // A relative path out of the package would get around the rule above.
              regex: String.raw`^(\.\./)+(packages|apps|protocol|client|elements|server|console|demo|testing)/`,
              message: 'Import another package by its name, not by a path into it.',
            },
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['**/dist/**', 'storybook-static/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // With noUncheckedIndexedAccess, `!` marks an index we know is present; tsc checks the rest.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true } }],
    },
  },
  ...layers({
    protocol: [],
    client: ['protocol'],
    elements: ['client', 'protocol'],
    server: ['protocol'],
  }),
  {
    files: ['packages/elements/**/*.ts', 'apps/**/*.ts', '.storybook/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/**/*.ts', 'apps/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['packages/elements/**/*.ts', 'apps/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: litA11y.configs.recommended.rules,
  },
  {
    // Storybook's story format is a default export by definition.
    files: ['**/*.stories.ts'],
    rules: { 'no-restricted-exports': 'off' },
  },
  {
    // Config files, the CLI and the benchmarks talk to people on the console by design.
    files: [
      '**/*.config.*',
      '.storybook/**',
      'packages/server/src/cli.ts',
      'bench/**',
      'scripts/**',
      '**/*.test.ts',
    ],
    rules: { 'no-console': 'off', 'no-restricted-exports': 'off' },
  },
);
