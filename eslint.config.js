// @ts-check
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
