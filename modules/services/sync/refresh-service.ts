import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { JobHandler } from '../../../core/jobs/job-queue.ts';
import { AppError } from '../../../core/errors.ts';
import type { Catalog } from '../model/catalog.ts';
import { authorityRow, BATCH, serviceRow } from '../store/apply-catalog.ts';
import { upsertRows } from '../store/upsert-rows.ts';
import { readZufiSettings } from '../settings/zufi-settings.ts';
import { fetchZufiService } from '../zufi/zufi-service-provider.ts';
import type { ZufiClientOptions } from '../zufi/zufi-client.ts';
import { redact } from '../zufi/redact.ts';
import { circuitOpenUntil } from './circuit-breaker.ts';
import { freshUntil, MIN_REVALIDATE_MS } from './freshness.ts';

export type RefreshOutcome = 'changed' | 'unchanged' | 'skipped' | 'gone' | 'failed';
type Log = Pick<FastifyBaseLogger, 'info' | 'warn'>;

/** Not asked again before this: a failed or skipped refresh must not turn every view into an upstream request. */
const postpone = (db: Kysely<any>, id: number) => sql`UPDATE ozg_services SET fresh_until = ${new Date(Date.now() + MIN_REVALIDATE_MS)} WHERE id = ${id}`.execute(db);

/**
 * Refreshes one ZuFi service of the tenant from the upstream (the stale-while-revalidate job):
 * its texts, online services and forms, its authorities and its responsibilities in the area,
 * written in one transaction where they changed. Its life situations stay as the last full sync
 * left them. Nothing is deleted when the upstream fails or no longer has the service — the full
 * sync, with its guards, decides about removals.
 */
export async function refreshZufiService(db: Kysely<any>, serviceId: number, log: Log, opts: ZufiClientOptions = {}): Promise<RefreshOutcome> {
  const row = await db.selectFrom('ozg_services').select(['id', 'source', 'source_id']).where('id', '=', serviceId).executeTakeFirst();
  if (!row || row.source !== 'zufi') return 'skipped';
  const settings = await readZufiSettings(db);
  if (!settings.enabled || circuitOpenUntil(settings)) {
    await postpone(db, row.id);
    return 'skipped';
  }
  let fetched;
  try {
    fetched = await fetchZufiService(settings, row.source_id, opts);
  } catch (err) {
    const message = err instanceof AppError ? err.message : String(err instanceof Error ? err.message : err);
    log.warn({ serviceId }, redact(`ZuFi refresh of one service failed: ${message}`, settings.apiKey));
    await postpone(db, row.id);
    return 'failed';
  }
  if ('gone' in fetched) {
    log.info({ serviceId, sourceId: row.source_id }, 'ZuFi no longer has this service; the next full sync decides');
    await postpone(db, row.id);
    return 'gone';
  }
  const until = freshUntil(fetched.freshness, settings.syncIntervalHours * 3_600_000);
  const changed = await db.transaction().execute((trx) => writeService(trx, row.id, fetched.catalog, until));
  return changed ? 'changed' : 'unchanged';
}

/** Writes the refreshed service, its authorities and its responsibilities; returns whether anything changed. */
async function writeService(trx: Kysely<any>, id: number, catalog: Catalog, until: Date): Promise<boolean> {
  const service = catalog.services[0]!;
  const categories = await trx
    .selectFrom('ozg_service_categories as l')
    .innerJoin('ozg_categories as c', 'c.id', 'l.category_id')
    .select('c.source_id')
    .where('l.service_id', '=', id)
    .execute();
  // Same content hash as the full sync's when nothing changed: it sorts the life situations too.
  service.categorySourceIds = categories.map((c) => c.source_id as string).sort();
  const s = await upsertRows(trx, 'ozg_services', 'zufi', [serviceRow(service)], 1, { keepOthers: true });
  const a = await upsertRows(trx, 'ozg_authorities', 'zufi', catalog.authorities.map(authorityRow), BATCH, { keepOthers: true });

  const wanted = new Map<string, [number, string]>();
  for (const r of catalog.responsibilities) {
    const authorityId = a.ids.get(r.authoritySourceId);
    if (authorityId !== undefined) wanted.set(`${authorityId}|${r.area}`, [authorityId, r.area]);
  }
  const existing = await trx.selectFrom('ozg_responsibilities').select(['authority_id', 'area']).where('service_id', '=', id).execute();
  const have = new Set(existing.map((e) => `${e.authority_id}|${e.area}`));
  const remove = existing.filter((e) => !wanted.has(`${e.authority_id}|${e.area}`));
  const add = [...wanted].filter(([k]) => !have.has(k)).map(([, v]) => v);
  for (const r of remove) await trx.deleteFrom('ozg_responsibilities').where('service_id', '=', id).where('authority_id', '=', r.authority_id).where('area', '=', r.area).execute();
  if (add.length) await trx.insertInto('ozg_responsibilities').values(add.map(([authorityId, area]) => ({ service_id: id, authority_id: authorityId, area }))).execute();

  await sql`UPDATE ozg_services SET fresh_until = ${until} WHERE id = ${id}`.execute(trx);
  return s.counts.changed + a.counts.added + a.counts.changed + remove.length + add.length > 0;
}

/** The REFRESH_JOB handler (payload: revalidate.ts). */
export const refreshServiceJob: JobHandler = async ({ db, tenantId, payload, log }) => {
  const serviceId = Number(payload?.serviceId);
  if (tenantId === null || !Number.isInteger(serviceId)) return;
  await refreshZufiService(db, serviceId, log);
};
