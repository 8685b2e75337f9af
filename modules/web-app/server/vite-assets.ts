import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build` puts the web app (see modules/web-app/vite.config.ts). */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');
export const ENTRY = 'modules/web-app/client/main.tsx';
export const SW_ENTRY = 'modules/web-app/client/service-worker.ts';

type ManifestChunk = { file: string; css?: string[]; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean };

export type WebAssets = {
  script: string;
  styles: string[];
  /** Every built file the service worker precaches, so the app shell starts offline. */
  precache: string[];
  /** Changes with every build: names the service worker's caches. */
  buildId: string;
};

/** Reads Vite's manifest once; null when the web app has not been built yet. */
export function loadWebAssets(dist = WEB_DIST): WebAssets | null {
  const file = path.join(dist, '.vite/manifest.json');
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
  const entry = manifest[ENTRY];
  if (!entry) return null;
  const url = (f: string) => `/app/${f}`;
  const all = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (key === SW_ENTRY) continue;
    all.add(url(chunk.file));
    for (const c of chunk.css ?? []) all.add(url(c));
  }
  return { script: url(entry.file), styles: (entry.css ?? []).map(url), precache: [...all].sort(), buildId: entry.file.replace(/^.*-|\.js$/g, '') };
}

let current: WebAssets | null | undefined;
/** The build's assets, read lazily so a server started before "npm run build" picks the build up on the next request. */
export const currentWebAssets = () => (current ||= loadWebAssets());
