import { fileURLToPath } from 'node:url';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Drops the indentation inside our own `html` and `css` templates (a few KB gzip): the
 * minifier keeps template text verbatim. Lines stay where they are, so source maps hold.
 */
const squishTemplates: Plugin = {
  name: 'plenum-squish-templates',
  apply: 'build',
  transform(code, id) {
    if (!id.startsWith(`${root}src/`) || !id.endsWith('.ts')) return null;
    return { code: squish(code), map: null };
  },
};

/** Rewrites the text parts of tagged `html`/`css` templates, leaving `${…}` code alone. */
function squish(code: string): string {
  let out = '';
  let i = 0;
  const template = (tagged: boolean): void => {
    // at the opening backtick
    out += code[i++];
    let text = '';
    const flush = () => {
      out += tagged ? text.replace(/\n\s+/g, '\n') : text;
      text = '';
    };
    while (i < code.length) {
      const c = code[i]!;
      if (c === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        flush();
        out += code[i++];
        return;
      } else if (c === '$' && code[i + 1] === '{') {
        flush();
        out += '${';
        i += 2;
        expression();
      } else {
        text += c;
        i++;
      }
    }
    flush();
  };
  const expression = (): void => {
    let depth = 0;
    while (i < code.length) {
      const c = code[i]!;
      if (c === '`') template(/(html|css)$/.test(out));
      else if (c === "'" || c === '"') {
        const end = code.indexOf(c, i + 1);
        out += code.slice(i, end + 1);
        i = end + 1;
      } else {
        if (c === '{') depth++;
        if (c === '}' && depth-- === 0) {
          out += code[i++];
          return;
        }
        out += code[i++];
      }
    }
  };
  while (i < code.length) {
    if (code[i] === '`') template(/(html|css)$/.test(out));
    else out += code[i++];
  }
  return out;
}

/** One self-contained ES module per entry: the server serves each file on its own. */
const library = (name: string): InlineConfig['build'] => ({
  // Apart from tsc's per-module output in dist/, so neither overwrites the other.
  outDir: 'dist/bundle',
  emptyOutDir: false,
  target: 'es2022',
  // A script for browsers, not a library for bundlers: minify whitespace too (Vite's lib
  // mode keeps it for ES output by default).
  minify: 'oxc',
  rolldownOptions: { output: { minify: true } },
  sourcemap: true,
  lib: { entry: { [name]: `src/${name}.ts` }, formats: ['es'], fileName: () => `${name}.js` },
});

/** Files for pages or bundles that need only one widget. */
const singles = ['questions', 'poll', 'reactions'];

/**
 * Builds plenum.js (everything in one ES module) and one file per element. Several entries
 * in one build would share chunks, and plenum.js must stand alone: so one build each.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  // plenum.js runs as is in any page: no bundler downstream will replace this for us.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: library('plenum'),
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
