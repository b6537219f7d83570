import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Vitest projects for the Node-side packages and the end-to-end tests, and the dev server
 * for the apps (`npm run dev`, proxying rooms and the API to `npm start` on port 1999).
 * Workspace packages resolve to their TypeScript sources through the `source` condition.
 */
const elementsEntry = fileURLToPath(new URL('packages/elements/src/plenum.ts', import.meta.url));

export default defineConfig({
  plugins: [
    {
      // `npm run dev` serves apps/demo; its <script src="/plenum.js"> runs the elements' sources.
      name: 'plenum-dev-bundle',
      apply: 'serve',
      resolveId: (id) => (id === '/plenum.js' ? elementsEntry : undefined),
    },
  ],
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: ['source', 'node', 'import', 'development|production'] } },
  root: '.',
  server: {
    fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] },
    proxy: {
      '/api': 'http://127.0.0.1:1999',
      '/parties': { target: 'ws://127.0.0.1:1999', ws: true },
    },
  },
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'node_modules/.cache/plenum/vitest.json' },
    projects: [
      { extends: true, test: { name: 'protocol', include: ['packages/protocol/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'client', include: ['packages/client/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['packages/server/src/**/*.test.ts'] } },
      // The elements' own tests run in Chromium (web-test-runner); this one reads their docs.
      { extends: true, test: { name: 'elements', include: ['packages/elements/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['apps/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
