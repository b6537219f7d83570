// @ts-check
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

/** Element tests in the system Chromium (Playwright's own browser download does not work here). */
export default {
  files: ['packages/elements/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' })],
  concurrency: 1,
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
