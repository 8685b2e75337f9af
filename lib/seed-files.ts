import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SeedContext } from '../core/registry/manifest.ts';
import { berlinDate, fromBerlinWallClock } from './berlin-time.ts';

/** A module's seed data for the tenant being seeded (`<seedDir>/<slug>.json`), if it has any. */
export function readSeedJson<T>(ctx: SeedContext): T | undefined {
  const file = path.join(ctx.seedDir, `${ctx.tenant.slug}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

/** Copies a seed file from `<seedDir>/media/` into the served media folder; returns its URL path. */
export function publishSeedMedia(ctx: SeedContext, fileName: string): string {
  const source = path.join(ctx.seedDir, 'media', fileName);
  if (!existsSync(source)) throw new Error(`Seed media file missing: ${source}`);
  mkdirSync(ctx.mediaDir, { recursive: true });
  copyFileSync(source, path.join(ctx.mediaDir, fileName));
  return `${ctx.mediaUrl}/${fileName}`;
}

/**
 * The given Berlin wall-clock time `days` days from today (negative: ago), so demo data stays
 * recent. Today's time or earlier (days ≤ 0) is never later than now: seeded at 01:00, "today
 * at 09:00" would otherwise be a publication in the future.
 */
export function daysFromNow(days: number, time = '09:00'): Date {
  const [h, m] = time.split(':').map(Number);
  const now = Date.now();
  const [y, mo, d] = berlinDate(new Date(now + days * 86_400_000)).split('-').map(Number);
  const at = fromBerlinWallClock(y, mo, d, h, m);
  return days <= 0 && at.getTime() > now ? new Date(now - 60_000) : at;
}
