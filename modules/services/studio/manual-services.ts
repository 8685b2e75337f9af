import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { CatalogService } from '../model/catalog.ts';
import { serviceRow } from '../store/apply-catalog.ts';

/**
 * Local services entered in the studio (source 'manual'): one row each with its life situations
 * and its responsible authority in an area. Written here one service at a time, in the caller's
 * transaction; the catalogue's diffing (applyCatalog) is for whole sources and not needed.
 */
export type ManualLinks = { categoryIds: number[]; authorityId: number | null; area: string | null };

/** What the form offers to choose from: the tenant's life situations (tree order, with depth) and authorities. */
export type ManualChoices = { categories: { id: number; name: string; level: number }[]; authorities: { id: number; name: string }[] };

export type ManualService = { service: CatalogService; links: ManualLinks };

/** The service's columns from the model (sanitised, hashed); its source id is the row's own. */
function columnsOf(sourceId: string, service: CatalogService) {
  const row = serviceRow({ ...service, sourceId });
  return { content_hash: row.hash, ...row.columns };
}

async function writeLinks(trx: Kysely<any>, id: number, links: ManualLinks): Promise<void> {
  await trx.deleteFrom('ozg_service_categories').where('service_id', '=', id).execute();
  await trx.deleteFrom('ozg_responsibilities').where('service_id', '=', id).execute();
  if (links.categoryIds.length) await trx.insertInto('ozg_service_categories').values(links.categoryIds.map((category_id) => ({ service_id: id, category_id }))).execute();
  if (links.authorityId !== null && links.area) await trx.insertInto('ozg_responsibilities').values({ service_id: id, authority_id: links.authorityId, area: links.area }).execute();
}

export async function createManualService(trx: Kysely<any>, m: ManualService): Promise<number> {
  const sourceId = `manual-${randomUUID()}`;
  const row = await trx
    .insertInto('ozg_services')
    .values({ source: 'manual', source_id: sourceId, ...columnsOf(sourceId, m.service) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeLinks(trx, row.id, m.links);
  return row.id;
}

/** False when there is no manual service `id` (another source's services are not edited here). */
export async function updateManualService(trx: Kysely<any>, id: number, m: ManualService): Promise<boolean> {
  const current = await trx.selectFrom('ozg_services').select('source_id').where('id', '=', id).where('source', '=', 'manual').executeTakeFirst();
  if (!current) return false;
  await trx
    .updateTable('ozg_services')
    .set({ ...columnsOf(current.source_id, m.service), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  await writeLinks(trx, id, m.links);
  return true;
}

/** Deletes a manual service with its links; the name when it was there. */
export async function deleteManualService(trx: Kysely<any>, id: number): Promise<string | null> {
  const row = await trx.deleteFrom('ozg_services').where('id', '=', id).where('source', '=', 'manual').returning('name').executeTakeFirst();
  return row?.name ?? null;
}

/** A service as the form edits it, with its first responsibility; null when there is none such. */
export async function loadService(db: Kysely<any>, id: number) {
  const row = await db.selectFrom('ozg_services').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [categories, responsibility] = await Promise.all([
    db.selectFrom('ozg_service_categories').select('category_id').where('service_id', '=', id).execute(),
    db.selectFrom('ozg_responsibilities').select(['authority_id', 'area']).where('service_id', '=', id).orderBy('area').orderBy('authority_id').executeTakeFirst(),
  ]);
  return {
    row,
    links: { categoryIds: categories.map((c) => c.category_id as number), authorityId: (responsibility?.authority_id as number | undefined) ?? null, area: (responsibility?.area as string | undefined) ?? null } satisfies ManualLinks,
  };
}

/** The life situations in tree order (with their depth) and the authorities by name, for the form. */
export async function manualChoices(db: Kysely<any>): Promise<ManualChoices> {
  const [categories, authorities] = await Promise.all([
    db.selectFrom('ozg_categories').select(['id', 'parent_id', 'name']).orderBy('position').orderBy(sql`lower(name)`).orderBy('id').execute(),
    db.selectFrom('ozg_authorities').select(['id', 'name']).orderBy(sql`lower(name)`).orderBy('id').execute(),
  ]);
  const children = new Map<number | null, typeof categories>();
  for (const c of categories) {
    const siblings = children.get(c.parent_id);
    if (siblings) siblings.push(c);
    else children.set(c.parent_id, [c]);
  }
  const out: ManualChoices['categories'] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, level: number) => {
    for (const c of children.get(parent) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({ id: c.id, name: c.name, level });
      visit(c.id, level + 1);
    }
  };
  visit(null, 0);
  return { categories: out, authorities };
}
