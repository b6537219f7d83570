import { defineConfig } from 'vite';

/** Builds plenum.js (everything in one ES module) and one file per element. */
export default defineConfig({
  resolve: { conditions: ['source'] },
  // plenum.js runs as is in any page: no bundler downstream will replace this for us.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: 'esbuild',
    sourcemap: true,
    lib: {
      entry: { plenum: 'src/plenum.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
  },
});
