import { readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../core/errors.ts';
import { WEB_DIST, type WebAssets } from './vite-assets.ts';

/**
 * The built web app under /app/ (file names carry content hashes, so they are cached for a year)
 * and the service worker at /sw.js, whose scope must be the whole site. The worker gets the list
 * of files to precache and the build id prepended, so a new build replaces the old caches.
 */
export async function registerAssetRoutes(app: FastifyInstance, assets: () => WebAssets | null): Promise<void> {
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/app/', decorateReply: false, immutable: true, maxAge: '365d', allowedPath: (p) => !p.startsWith('/.vite') });
  let worker: { id: string; code: string } | null = null;
  app.get('/sw.js', async (_req, reply) => {
    const built = assets();
    if (!built) throw new AppError('UNAVAILABLE', 'The web app has not been built yet: run "npm run build".');
    if (worker?.id !== built.buildId) {
      const code = readFileSync(path.join(WEB_DIST, 'sw.js'), 'utf8');
      worker = { id: built.buildId, code: `self.__DP_BUILD__=${JSON.stringify({ id: built.buildId, precache: built.precache })};\n${code}` };
    }
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').header('service-worker-allowed', '/').send(worker.code);
  });
}
