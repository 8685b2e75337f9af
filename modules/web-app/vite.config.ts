import { defineConfig } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds the citizen web app into dist/web: the app entry (screens split into lazy chunks) and the
 * service worker under a fixed name (sw.js), served by modules/web-app/server/asset-routes.ts.
 * Manifest keys are repository paths, which the server looks up in vite-assets.ts.
 */
export default defineConfig({
  root: repo,
  base: '/app/',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: path.join(repo, 'dist/web'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { main: path.join(repo, 'modules/web-app/client/main.tsx'), sw: path.join(repo, 'modules/web-app/client/service-worker.ts') },
      output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
    },
  },
});
