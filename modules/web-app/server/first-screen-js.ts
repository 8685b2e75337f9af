import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ENTRY, WEB_DIST } from './vite-assets.ts';

type Chunk = { file: string; imports?: string[] };

/**
 * The JavaScript a browser must load for a first screen: the app entry and the screen's view with
 * everything they import statically (not the lazily loaded chunks). Used by the budget test and
 * the benchmark.
 */
export function firstScreenJs(viewSource: string, dist = WEB_DIST): { files: string[]; gzipBytes: number } {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  visit(ENTRY);
  visit(viewSource);
  const gzipBytes = [...files].reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
  return { files: [...files].sort(), gzipBytes };
}
