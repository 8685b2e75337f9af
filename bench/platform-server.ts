import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPlatform, type Platform } from '../core/app.ts';
import { loadConfig } from '../core/config.ts';
import { allModules } from '../server/modules.ts';
import { seedDemoIfEmpty } from '../server/demo/seed-demo.ts';
import { httpRequest } from './http.ts';

export type RunningPlatform = {
  platform: Platform;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Bearer token for a client-credentials application of a municipality. */
  token(host: string, clientId: string, clientSecret: string): Promise<string>;
  close(): Promise<void>;
};

/**
 * The real server, as `npm start` builds it, on a fresh temporary data dir seeded with the demo
 * municipalities: PGlite there, or the PostgreSQL at DATABASE_URL when set. Listens on a free
 * loopback port. Jobs off, logging silent. `keepDataDir`: use (and keep) that directory instead.
 */
export async function startPlatform(keepDataDir?: string): Promise<RunningPlatform> {
  const dataDir = keepDataDir ?? mkdtempSync(path.join(tmpdir(), 'dorfplatz-bench-'));
  const removeDataDir = () => keepDataDir || rmSync(dataDir, { recursive: true, force: true });
  let platform: Platform | undefined;
  try {
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL, JOBS: 'off', LOG_LEVEL: 'silent' });
    platform = await createPlatform(config, allModules);
    await seedDemoIfEmpty(platform);
    await platform.http.listen({ host: '127.0.0.1', port: 0 });
  } catch (err) {
    await platform?.close().catch(() => {});
    removeDataDir();
    throw err;
  }
  const running = platform;
  const port = (running.http.server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    platform: running,
    url,
    async token(host, clientId, clientSecret) {
      const res = await httpRequest(`${url}/oauth/token`, {
        method: 'POST',
        headers: { host, 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
      });
      if (res.status !== 200) throw new Error(`POST /oauth/token for ${clientId}: ${res.status} ${res.body}`);
      const token = (JSON.parse(res.body) as { access_token?: unknown }).access_token;
      if (typeof token !== 'string') throw new Error(`POST /oauth/token for ${clientId}: no access_token in ${res.body}`);
      return token;
    },
    async close() {
      try {
        await running.close();
      } finally {
        removeDataDir();
      }
    },
  };
}
