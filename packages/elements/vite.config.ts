import { defineConfig } from 'vite';

/** Builds plenum.js (everything in one ES module) and one file per element. */
export default defineConfig({
  resolve: { conditions: ['source'] },
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
