#!/usr/bin/env node
// The `plenum` command. Committed, unlike dist/: npm links a package's bin when it installs,
// which in a fresh clone of the repository comes before the build that makes dist/cli.js.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  console.error('plenum: the server is not built yet: run `npm run build` in the Plenum repository first.');
  process.exitCode = 1;
}
