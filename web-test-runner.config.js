// @ts-check
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';

/** Writes the counts for scripts/test-summary.js, which prints the closing line CI reads. */
function countsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const count = (suite) => {
        for (const test of suite.tests) {
          if (test.passed) passed++;
          else if (!test.skipped) failed++;
        }
        suite.suites.forEach(count);
      };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        if (!session.passed && !session.testResults?.tests.length) failed++;
      }
      mkdirSync('node_modules/.cache/plenum', { recursive: true });
      writeFileSync('node_modules/.cache/plenum/browser.json', JSON.stringify({ passed, failed }));
    },
  };
}

/** Element tests in the system Chromium (Playwright's own browser download does not work here). */
export default {
  files: ['packages/elements/src/**/*.test.ts', 'apps/console/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' })],
  concurrency: 1,
  reporters: [defaultReporter(), countsReporter()],
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  // nanostores reads process.env.NODE_ENV in its development build.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html><body>
      <script>window.process = { env: { NODE_ENV: 'development' } };</script>
      <script type="module" src="${testFramework}"></script>
    </body></html>`,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      },
    }),
  ],
};
