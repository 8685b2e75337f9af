import { sql, type RawBuilder } from 'kysely';
import { berlinDate, railsJsonTimestamp } from '../../../lib/berlin-time.ts';
import { SERVICE_SECTIONS, type ServiceSection } from '../model/catalog.ts';
import { offeredAt, type CoveringAreas } from './area-key.ts';

/**
 * A service as the public reads return it (GraphQL's AdministrativeService fields, the REST
 * JSON): the same object for both, so they cannot drift apart.
 */
export type ServiceView = {
  id: string;
  leikaKey: string | null;
  name: string;
  synonyms: string[];
  summary: string | null;
  sections: { key: ServiceSection; html: string }[];
  validFrom: string | null;
  validUntil: string | null;
  onlineServices: { name: string; url: string; trustLevel: string | null; description: string | null }[];
  forms: { name: string; url: string }[];
  pinned: boolean;
  source: string;
  /** ISO 8601 in Europe/Berlin. */
  updatedAt: string | null;
};

export type ServiceRow = {
  id: number;
  source: string;
  leika_key: string | null;
  name: string;
  synonyms: string[];
  summary: string | null;
  texts: Partial<Record<ServiceSection, string>>;
  valid_from: string | null;
  valid_until: string | null;
  online_services: { name: string; url: string; trustLevel: string | null; description: string | null; areas?: string[] }[];
  forms: { name: string; url: string }[];
  pinned: boolean;
  updated_at: Date | string;
};

/** The columns of ServiceRow from `ozg_services` as `alias` (dates as text: no time-zone shifts). */
export function serviceColumns(alias = 's'): RawBuilder<unknown> {
  const c = (name: string) => sql.ref(`${alias}.${name}`);
  return sql`${c('id')}, ${c('source')}, ${c('leika_key')}, ${c('name')}, ${c('synonyms')}, ${c('summary')}, ${c('texts')},
    ${c('valid_from')}::text AS valid_from, ${c('valid_until')}::text AS valid_until, ${c('online_services')}, ${c('forms')}, ${c('pinned')}, ${c('updated_at')}`;
}

/** Today in Berlin, the day the validity dates are compared with. */
export const berlinToday = (): string => berlinDate(new Date());

/**
 * What the public sees of `ozg_services as <alias>`: not hidden by the editors and valid today
 * (Europe/Berlin). The date is a parameter, so cached plans stay valid across midnight; cached
 * responses do not (see README, "API": at most the response cache's 5 minutes late).
 */
export function visibleService(alias = 's', today = berlinToday()): RawBuilder<boolean> {
  const c = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`(NOT ${c('hidden')} AND (${c('valid_from')} IS NULL OR ${c('valid_from')} <= ${today}::date) AND (${c('valid_until')} IS NULL OR ${c('valid_until')} >= ${today}::date))`;
}

/** Online services offered where `covering` lies (all when the municipality has no official key). */
export function serviceView(row: ServiceRow, covering: CoveringAreas | null): ServiceView {
  return {
    id: String(row.id),
    leikaKey: row.leika_key,
    name: row.name,
    synonyms: row.synonyms ?? [],
    summary: row.summary,
    sections: SERVICE_SECTIONS.filter((key) => row.texts?.[key]).map((key) => ({ key, html: row.texts[key]! })),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    onlineServices: (row.online_services ?? [])
      .filter((o) => offeredAt(o.areas ?? [], covering))
      .map((o) => ({ name: o.name, url: o.url, trustLevel: o.trustLevel ?? null, description: o.description ?? null })),
    forms: (row.forms ?? []).map((f) => ({ name: f.name, url: f.url })),
    pinned: row.pinned,
    source: row.source,
    updatedAt: railsJsonTimestamp(row.updated_at),
  };
}
