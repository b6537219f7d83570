import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The console as the server serves it: `/console` is dist/index.html and `/console/<name>`
 * a plain file next to it, so one script with a fixed name and no chunks.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    modulePreload: false,
    rolldownOptions: {
      output: {
        entryFileNames: 'console.js',
        assetFileNames: (asset) => (asset.names[0]?.endsWith('.css') ? 'console.css' : '[name][extname]'),
        // One file: the server serves plain names only, no chunk folders.
        codeSplitting: false,
      },
    },
  },
});
