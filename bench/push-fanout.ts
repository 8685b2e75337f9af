import { fork, type ChildProcess } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { createPlatform, type Platform } from '../core/app.ts';
import { loadConfig } from '../core/config.ts';
import { allModules } from '../server/modules.ts';
import { createMessage, everyone, type Platform as Target } from '../modules/push/messages/message.ts';
import { expoContext, sendExpoBatch } from '../modules/push/expo/expo-client.ts';
import { createWebPushSender } from '../modules/push/web/web-push-sender.ts';
import { webPushPayload } from '../modules/push/web/web-push-payload.ts';
import { vapidKeys } from '../modules/push/vapid-keys.ts';
import { table } from './report.ts';
import { JobQueue } from '../core/jobs/job-queue.ts';
import { pushModule } from '../modules/push/manifest.ts';

/**
 * Issue 6: fan-out of one message to many devices, end to end (message → fan-out job → delivery
 * rows → send jobs → HTTP to the receivers → results recorded), half Expo, half Web Push with
 * real encryption, receivers in a child process. Baseline, same run: the same senders driven
 * directly, without queue or database. Peak RSS at two device counts shows whether memory grows
 * with them. BENCH_PUSH_DEVICES (100,000).
 */

export const PUSH_TARGETS = { webPerSecond: 5_000, expoPerSecond: 20_000 };
const KEY_POOL = 256;

type Receiver = { child: ChildProcess; expoUrl: string; webUrl: string; counts(reset?: boolean): Promise<{ expo: number; web: number }> };

async function startReceiver(): Promise<Receiver> {
  const child = fork(path.join(import.meta.dirname, 'push-receiver.ts'), { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ expoUrl: string; webUrl: string }>((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`push receiver exited with ${code}`)));
  });
  const counts = (reset = false) =>
    new Promise<{ expo: number; web: number }>((resolve) => {
      child.once('message', (m: any) => resolve(m.counts));
      child.send({ counts: true, reset });
    });
  return { child, ...ready, counts };
}

/** Devices straight into the tables: Expo tokens, and browser subscriptions with real P-256 keys (a pool, cycled). */
async function seedDevices(db: Kysely<any>, n: number, webUrl: string): Promise<void> {
  const half = Math.floor(n / 2);
  await sql`INSERT INTO push_expo_devices (token) SELECT 'ExponentPushToken[bench' || g || ']' FROM generate_series(1, ${half}) g`.execute(db);
  const keys = Array.from({ length: KEY_POOL }, () => {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    return ecdh.getPublicKey().toString('base64url');
  });
  const auths = Array.from({ length: KEY_POOL }, () => randomBytes(16).toString('base64url'));
  await sql`INSERT INTO push_web_subscriptions (endpoint, p256dh, auth)
    SELECT ${webUrl} || '/p/' || g, (${keys}::text[])[1 + g % ${KEY_POOL}], (${auths}::text[])[1 + g % ${KEY_POOL}] FROM generate_series(1, ${n - half}) g`.execute(db);
}

type Peak = { stop(): number };
function watchRss(): Peak {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/** Direct sending, no queue or database: what the senders and receivers can do on this machine. */
async function baseline(platform: Platform, db: Kysely<any>, n: number, receiver: Receiver): Promise<{ expo: number; web: number }> {
  const half = Math.floor(n / 2);
  const expo = expoContext(platform.config.push, db);
  let start = process.hrtime.bigint();
  const tokens = Array.from({ length: half }, (_, i) => `ExponentPushToken[bench${i + 1}]`);
  for (let i = 0; i < tokens.length; i += 500) {
    await Promise.all(Array.from({ length: 5 }, (_, k) => tokens.slice(i + k * 100, i + (k + 1) * 100)).filter((c) => c.length).map((c) => sendExpoBatch(expo, c.map((to) => ({ to, title: 'Basis', body: 'Direkt' })))));
  }
  const expoRate = half / seconds(start);
  const subs = await db.selectFrom('push_web_subscriptions').select(['endpoint', 'p256dh', 'auth']).execute();
  const sender = createWebPushSender({ vapid: { keys: await vapidKeys(db), subject: 'mailto:bench@localhost' } });
  const payload = webPushPayload({ title: 'Basis', body: 'Direkt', url: '/' });
  start = process.hrtime.bigint();
  for (let i = 0; i < subs.length; i += 500) await sender.sendAll(subs.slice(i, i + 500), () => payload, { ttl: 60, urgency: 'normal' }, 50);
  const webRate = subs.length / seconds(start);
  await receiver.counts(true);
  return { expo: expoRate, web: webRate };
}

/** The platform's job worker and a second one on the same database, with the push module's jobs. */
function workers(platform: Platform): JobQueue[] {
  const second = new JobQueue(platform.database, platform.http.log, { config: platform.config });
  for (const [name, handler] of Object.entries(pushModule.jobs ?? {})) second.register(name, handler);
  return [platform.jobs, second];
}

/** One message to one channel, end to end; deliveries per second and the process's peak RSS. */
async function pipeline(platform: Platform, db: Kysely<any>, target: Target, expected: number, receiver: Receiver): Promise<{ rate: number; peakMb: number }> {
  const rss = watchRss();
  const start = process.hrtime.bigint();
  const id = await createMessage(db, { title: 'Unwetterwarnung', body: 'Sturmböen ab 18 Uhr', url: '/', data: {}, target: { ...everyone, platform: target }, source: 'api' });
  const done = async () => (await db.selectFrom('push_messages').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status === 'done';
  // Two workers share the queue, as two server processes would: sending overlaps the fan-out.
  await Promise.all(
    workers(platform).map(async (queue) => {
      while (!(await done())) {
        await queue.runDue();
        await new Promise((r) => setTimeout(r, 5));
      }
    }),
  );
  const rate = expected / seconds(start);
  const peakMb = rss.stop() / 1024 / 1024;
  const got = await receiver.counts(true);
  const received = target === 'web' ? got.web : got.expo;
  if (received !== expected) throw new Error(`${target}: ${received} deliveries received, ${expected} expected (each device exactly once)`);
  return { rate, peakMb };
}

async function runAt(n: number, receiver: Receiver, log: (l: string) => void) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dorfplatz-push-bench-'));
  const platform = await createPlatform(
    loadConfig({ DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL, JOBS: 'off', LOG_LEVEL: 'silent', SEED_DEMO: 'off', EXPO_PUSH_URL: receiver.expoUrl, EXPO_PUSH_RATE: '1000000' }),
    allModules,
  );
  try {
    const tenant = await platform.tenants.create({ slug: `push-bench-${n}`, name: `Push-Benchmark (${n})`, enabledModules: allModules.map((m) => m.name) });
    const db = platform.database.forTenant(tenant.id);
    log(`push fan-out: ${n} devices …`);
    await seedDevices(db, n, receiver.webUrl);
    const base = await baseline(platform, db, n, receiver);
    const expo = await pipeline(platform, db, 'native', Math.floor(n / 2), receiver);
    const web = await pipeline(platform, db, 'web', n - Math.floor(n / 2), receiver);
    return { base, expo, web };
  } finally {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runPushFanOutBench(devices: number, log: (l: string) => void): Promise<string> {
  const receiver = await startReceiver();
  try {
    const small = await runAt(Math.round(devices / 5), receiver, log);
    const full = await runAt(devices, receiver, log);
    const f = (v: number) => v.toFixed(0);
    const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
    return [
      '',
      `Push fan-out (issue 6): ${devices} devices, half Expo, half Web Push (real aes128gcm + VAPID), receivers in a child process, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, two job workers`,
      table(
        ['', 'baseline: direct (/s)', 'Dorfplatz end to end (/s)', 'ratio', 'target', ''],
        [
          ['Expo', f(full.base.expo), f(full.expo.rate), (full.expo.rate / full.base.expo).toFixed(2), `≥ ${PUSH_TARGETS.expoPerSecond}/s`, mark(full.expo.rate >= PUSH_TARGETS.expoPerSecond)],
          ['Web Push', f(full.base.web), f(full.web.rate), (full.web.rate / full.base.web).toFixed(2), `≥ ${PUSH_TARGETS.webPerSecond}/s`, mark(full.web.rate >= PUSH_TARGETS.webPerSecond)],
        ],
      ),
      `Peak RSS of the sending process: ${f(Math.max(small.expo.peakMb, small.web.peakMb))} MB at ${Math.round(devices / 5)} devices, ${f(Math.max(full.expo.peakMb, full.web.peakMb))} MB at ${devices} (flat: no per-device state in memory)`,
      '',
    ].join('\n');
  } finally {
    receiver.child.kill();
  }
}
