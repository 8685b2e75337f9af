import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where `npm run build` puts the studio's scripts (modules/studio/vite.config.ts). */
export const STUDIO_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/studio');

/** The studio's per-screen scripts by entry name ("rich-text") → URL; empty before a build. */
export function loadStudioScripts(dist = STUDIO_DIST): Record<string, string> {
  const file = path.join(dist, '.vite/manifest.json');
  if (!existsSync(file)) return {};
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { file: string; name?: string; isEntry?: boolean }>;
  return Object.fromEntries(Object.values(manifest).filter((c) => c.isEntry && c.name).map((c) => [c.name!, `/studio/assets/${c.file}`]));
}

/** One screen's script as the list a page sends (empty before a build: the screen works without it). */
export function studioScript(name: string): string[] {
  const src = loadStudioScripts()[name];
  return src ? [src] : [];
}

/** Serves the built scripts; their names carry a hash, so they are cached for good. */
export async function registerStudioAssets(app: FastifyInstance, dist = STUDIO_DIST): Promise<void> {
  if (!existsSync(dist)) return;
  await app.register(fastifyStatic, { root: dist, prefix: '/studio/assets/', decorateReply: false, immutable: true, maxAge: '365d', allowedPath: (p) => !p.startsWith('/.vite') });
}
