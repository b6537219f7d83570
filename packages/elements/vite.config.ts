import { fileURLToPath } from 'node:url';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';
import { squish } from './squish.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Our templates' indentation goes (see squish.ts); Lit's and other packages' code is left alone. */
const squishTemplates: Plugin = {
  name: 'plenum-squish-templates',
  apply: 'build',
  transform(code, id) {
    if (!id.startsWith(`${root}src/`) || !id.endsWith('.ts')) return null;
    return { code: squish(code, id), map: null };
  },
};

/** One self-contained ES module per entry: the server serves each file on its own. */
const library = (name: string, empty = false): InlineConfig['build'] => ({
  // Apart from tsc's per-module output in dist/, so neither overwrites the other. The first
  // build empties it: a chunk of an older build (another hash) would linger and be counted.
  outDir: 'dist/bundle',
  emptyOutDir: empty,
  target: 'es2022',
  // A script for browsers, not a library for bundlers: minify whitespace too (Vite's lib
  // mode keeps it for ES output by default).
  minify: 'oxc',
  // A chunk loaded on demand (the word cloud) lies next to the bundle under a name the
  // server serves; the hash lets it be cached as long as the bundle.
  rolldownOptions: { output: { minify: true, chunkFileNames: 'plenum-[name]-[hash].js' } },
  sourcemap: true,
  lib: { entry: { [name]: `src/${name}.ts` }, formats: ['es'], fileName: () => `${name}.js` },
});

/** Files for pages or bundles that need only one widget. */
const singles = ['questions', 'poll', 'reactions', 'quiz', 'survey'];

/**
 * Builds plenum.js (everything in one ES module) and one file per element. Several entries
 * in one build would share chunks, and plenum.js must stand alone: so one build each.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  // plenum.js runs as is in any page: no bundler downstream will replace this for us.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: library('plenum', true),
  plugins: [
    squishTemplates,
    {
      name: 'plenum-single-widgets',
      apply: 'build',
      async closeBundle() {
        for (const name of singles) {
          await build({
            configFile: false,
            root,
            logLevel: 'warn',
            resolve: { conditions: ['source'] },
            define: { 'process.env.NODE_ENV': JSON.stringify('production') },
            plugins: [squishTemplates],
            build: library(name),
          });
        }
      },
    },
  ],
});
