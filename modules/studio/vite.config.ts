import { defineConfig } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds the studio's scripts into dist/studio, one entry per screen that needs one (its pages
 * work without them). Served at /studio/assets/ by modules/studio/server/studio-assets.ts.
 */
export default defineConfig({
  root: repo,
  base: '/studio/assets/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.join(repo, 'dist/studio'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        'rich-text': path.join(repo, 'modules/studio/client/rich-text.ts'),
        'category-order': path.join(repo, 'modules/studio/client/category-order.ts'),
        'track-map': path.join(repo, 'modules/studio/client/track-map.ts'),
      },
      output: { entryFileNames: '[name]-[hash].js', chunkFileNames: '[name]-[hash].js', assetFileNames: '[name]-[hash][extname]' },
    },
  },
});
