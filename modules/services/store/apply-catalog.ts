import { sql, type Kysely } from 'kysely';
import { contentHash } from '../../../lib/checksum.ts';
import { sanitizeRichText } from '../../../lib/sanitize.ts';
import { unprocessable } from '../../../core/errors.ts';
import { SERVICE_SECTIONS, type Catalog, type CatalogAuthority, type CatalogCategory, type CatalogService, type Source } from '../model/catalog.ts';
import { replaceLinks } from './replace-links.ts';
import { upsertRows, type RowCounts } from './upsert-rows.ts';

export type ApplyCounts = {
  services: RowCounts;
  categories: RowCounts;
  authorities: RowCounts;
  links: { added: number; removed: number };
  /** What was left out of the catalogue and why (dangling references, duplicates). */
  warnings: string[];
};

export type ApplyOptions = {
  /** Progress lines for the run's log. */
  onProgress?: (message: string) => void | Promise<void>;
  /** An empty catalogue removes everything of the source only when this is set (the manual source). */
  allowEmpty?: boolean;
};

export const BATCH = 500;
const MAX_WARNINGS = 50;

/**
 * Makes the tenant's rows of one source equal to `catalog` (already validated by model/catalog.ts),
 * in one transaction: new rows are inserted, changed rows (by content hash) updated, rows the
 * source no longer has deleted; unchanged rows are not written, so a sync that changes nothing
 * leaves the response cache alone. Editorial columns (hidden, pinned, top_position) are kept.
 * Refuses an empty catalogue where the source has data: an upstream that answers with nothing
 * must not wipe the last good copy.
 */
export async function applyCatalog(db: Kysely<any>, source: Source, catalog: Catalog, opts: ApplyOptions = {}): Promise<ApplyCounts> {
  const warnings: string[] = [];
  const warn = (w: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(w);
  };
  const services = lastById(catalog.services, (s) => warn(`Leistung ${s.sourceId} doppelt geliefert; die letzte gilt.`));
  const categories = lastById(catalog.categories, (c) => warn(`Lebenslage ${c.sourceId} doppelt geliefert; die letzte gilt.`));
  const authorities = lastById(catalog.authorities, (a) => warn(`Behörde ${a.sourceId} doppelt geliefert; die letzte gilt.`));

  const run = async (trx: Kysely<any>): Promise<ApplyCounts> => {
    if (services.size === 0 && !opts.allowEmpty) {
      const existing = await trx.selectFrom('ozg_services').select(sql<number>`count(*)::int`.as('n')).where('source', '=', source).executeTakeFirstOrThrow();
      if (existing.n > 0) throw unprocessable('Die Quelle lieferte keine Leistungen; der bisherige Bestand bleibt erhalten.');
    }
    await opts.onProgress?.(`Speichere ${services.size} Leistungen, ${categories.size} Lebenslagen, ${authorities.size} Behörden …`);

    const categoryResult = await upsertRows(trx, 'ozg_categories', source, [...categories.values()].map(categoryRow), BATCH);
    await linkCategoryParents(trx, source, [...categories.values()], categoryResult.ids, warn);
    const serviceResult = await upsertRows(trx, 'ozg_services', source, [...services.values()].map(serviceRow), BATCH);
    await opts.onProgress?.(`Leistungen: ${describe(serviceResult.counts)}`);
    const authorityResult = await upsertRows(trx, 'ozg_authorities', source, [...authorities.values()].map(authorityRow), BATCH);
    await opts.onProgress?.(`Behörden: ${describe(authorityResult.counts)}`);

    const serviceCategoryPairs: [number, number][] = [];
    for (const s of services.values()) {
      for (const c of new Set(s.categorySourceIds)) {
        const categoryId = categoryResult.ids.get(c);
        if (categoryId === undefined) warn(`Leistung ${s.sourceId}: unbekannte Lebenslage ${c} ausgelassen.`);
        else serviceCategoryPairs.push([serviceResult.ids.get(s.sourceId)!, categoryId]);
      }
    }
    const responsibilities: [number, number, string][] = [];
    for (const r of catalog.responsibilities) {
      const serviceId = serviceResult.ids.get(r.serviceSourceId);
      const authorityId = authorityResult.ids.get(r.authoritySourceId);
      if (serviceId === undefined || authorityId === undefined) {
        warn(`Zuständigkeit ${r.serviceSourceId} → ${r.authoritySourceId} verweist auf Unbekanntes; ausgelassen.`);
        continue;
      }
      responsibilities.push([serviceId, authorityId, r.area]);
    }
    const links1 = await replaceLinks(trx, source, 'categories', serviceCategoryPairs);
    const links2 = await replaceLinks(trx, source, 'responsibilities', responsibilities);
    const links = { added: links1.added + links2.added, removed: links1.removed + links2.removed };
    await opts.onProgress?.(`Zuordnungen: ${links.added} neu, ${links.removed} entfernt`);
    return { services: serviceResult.counts, categories: categoryResult.counts, authorities: authorityResult.counts, links, warnings };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

const describe = (c: RowCounts) => `${c.added} neu, ${c.changed} geändert, ${c.removed} entfernt, ${c.unchanged} unverändert`;

function lastById<T extends { sourceId: string }>(rows: T[], onDuplicate: (row: T) => void): Map<string, T> {
  const out = new Map<string, T>();
  for (const row of rows) {
    if (out.has(row.sourceId)) onDuplicate(row);
    out.set(row.sourceId, row);
  }
  return out;
}

/** The columns a source owns, with the hash of its data (model values, before sanitising). */
function withHash(sourceId: string, data: unknown, columns: Record<string, unknown>) {
  return { sourceId, hash: contentHash(data), columns };
}

/** A service's columns as stored (texts sanitised) with its hash; also what a manual service is written as (studio/manual-services.ts). */
export function serviceRow(s: CatalogService) {
  const texts: Record<string, string> = {};
  for (const section of SERVICE_SECTIONS) {
    const html = s.texts[section];
    if (html && html.trim()) texts[section] = sanitizeRichText(html);
  }
  return withHash(s.sourceId, s, {
    leika_key: s.leikaKey,
    name: s.name,
    synonyms: s.synonyms,
    summary: s.summary,
    texts: JSON.stringify(texts),
    valid_from: s.validFrom,
    valid_until: s.validUntil,
    online_services: JSON.stringify(s.onlineServices),
    forms: JSON.stringify(s.forms),
  });
}

function categoryRow(c: CatalogCategory) {
  return withHash(c.sourceId, c, { name: c.name, description: c.description, position: c.position });
}

export function authorityRow(a: CatalogAuthority) {
  return withHash(a.sourceId, a, {
    name: a.name,
    description: a.description ? sanitizeRichText(a.description) : null,
    addresses: JSON.stringify(a.addresses),
    opening_hours: JSON.stringify(a.openingHours),
    opening_hours_note: a.openingHoursNote,
    contacts: JSON.stringify(a.contacts),
    payment_methods: a.paymentMethods,
  });
}

/** Sets each category's parent (after all exist); an unknown or cyclic parent makes it a root. */
async function linkCategoryParents(trx: Kysely<any>, source: Source, categories: CatalogCategory[], ids: Map<string, number>, warn: (w: string) => void) {
  const parentOf = new Map(categories.map((c) => [c.sourceId, c.parentSourceId]));
  const childIds: number[] = [];
  const parentIds: (number | null)[] = [];
  for (const c of categories) {
    let parent = c.parentSourceId;
    if (parent !== null && !ids.has(parent)) {
      warn(`Lebenslage ${c.sourceId}: unbekannte Oberkategorie ${parent}; als oberste Ebene übernommen.`);
      parent = null;
    }
    // Walk up: a cycle would make the tree endless.
    for (let p = parent, steps = 0; p !== null && p !== undefined; p = parentOf.get(p) ?? null, steps++) {
      if (p === c.sourceId || steps > categories.length) {
        warn(`Lebenslage ${c.sourceId}: Kreis in den Oberkategorien; als oberste Ebene übernommen.`);
        parent = null;
        break;
      }
    }
    childIds.push(ids.get(c.sourceId)!);
    parentIds.push(parent === null ? null : ids.get(parent)!);
  }
  if (!childIds.length) return;
  await sql`UPDATE ozg_categories c SET parent_id = v.parent_id
    FROM unnest(${childIds}::int[], ${parentIds}::int[]) AS v(id, parent_id)
    WHERE c.id = v.id AND c.source = ${source} AND c.parent_id IS DISTINCT FROM v.parent_id`.execute(trx);
}
