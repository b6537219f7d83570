// Prints one closing line over every test runner in `npm test`, from their JSON reports.
import { readFileSync } from 'node:fs';

const read = (file) =>
  JSON.parse(readFileSync(new URL(`../node_modules/.cache/plenum/${file}`, import.meta.url)));
const vitest = read('vitest.json');
const browser = read('browser.json');
const passed = vitest.numPassedTests + browser.passed;
const failed = vitest.numFailedTests + browser.failed;
console.log(`unit and e2e (vitest): ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
console.log(`elements (Chromium): ${browser.passed} passed, ${browser.failed} failed`);
console.log(`total: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
