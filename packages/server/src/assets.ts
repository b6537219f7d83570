/**
 * The built files the server serves (plenum.js, the demo page, the console) come from the
 * packages that build them, found through their `exports` like any other dependency: the
 * same lookup works in this monorepo (workspace links) and in an installed @plenum/server.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export interface Assets {
  /** plenum.js */
  bundle: string;
  /** Folders of the demo page (served at /) and the built console (at /console). */
  demo: string;
  console: string;
}

const require = createRequire(import.meta.url);

/** Where `specifier` points, or a clear error naming the package that is missing or unbuilt. */
function locate(specifier: string): string {
  try {
    return require.resolve(specifier);
  } catch {
    throw new Error(
      `${specifier} is missing: install @plenum/server with its dependencies, or run \`npm run build\` in the Plenum repository.`,
    );
  }
}

/** The assets `overrides` does not name, resolved now (each lookup throws if its package is not built). */
export function resolveAssets(overrides: Partial<Assets> = {}): Assets {
  return {
    bundle: overrides.bundle ?? locate('@plenum/elements/plenum.js'),
    demo: overrides.demo ?? dirname(locate('@plenum/demo/index.html')),
    console: overrides.console ?? dirname(locate('@plenum/console/index.html')),
  };
}
