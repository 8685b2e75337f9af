import { sql, type Kysely } from 'kysely';
import { germanSortKey } from '../../../lib/german-sort.ts';
import { tsquery } from '../../search/search-query.ts';
import type { CatalogAddress, CatalogContact, CatalogOpeningSpan } from '../model/catalog.ts';
import type { z } from 'zod';
import type { Page } from './read-input.ts';

/** An authority as GraphQL's Authority and the REST JSON show it. */
export type AuthorityView = {
  id: string;
  name: string;
  description: string | null;
  addresses: z.infer<typeof CatalogAddress>[];
  openingHours: z.infer<typeof CatalogOpeningSpan>[];
  openingHoursNote: string | null;
  contacts: z.infer<typeof CatalogContact>[];
  paymentMethods: string[];
};

export type AuthorityRow = {
  id: number;
  name: string;
  description: string | null;
  addresses: AuthorityView['addresses'];
  opening_hours: AuthorityView['openingHours'];
  opening_hours_note: string | null;
  contacts: AuthorityView['contacts'];
  payment_methods: string[];
};

export const AUTHORITY_COLUMNS = sql`a.id, a.name, a.description, a.addresses, a.opening_hours, a.opening_hours_note, a.contacts, a.payment_methods`;

export function authorityView(r: AuthorityRow): AuthorityView {
  return {
    id: String(r.id),
    name: r.name,
    description: r.description,
    addresses: r.addresses ?? [],
    openingHours: r.opening_hours ?? [],
    openingHoursNote: r.opening_hours_note,
    contacts: r.contacts ?? [],
    paymentMethods: r.payment_methods ?? [],
  };
}

/**
 * Authorities by name, or found by the words of a search (German full text on the name, through
 * search_matches like the services), best first; one page and the number of all.
 */
export async function findAuthorities(db: Kysely<any>, words: string[], page: Page): Promise<{ items: AuthorityView[]; total: number }> {
  const text = words.length > 0;
  const from = text ? sql`search_matches('ozg_authorities'::regclass, ${tsquery(words)}) AS m JOIN ozg_authorities a ON a.id = m.search_match_id` : sql`ozg_authorities a`;
  const byRank = text ? sql`m.search_match_rank DESC, ` : sql``;
  const result = await sql<AuthorityRow & { total: string | number }>`SELECT ${AUTHORITY_COLUMNS}, count(*) OVER () AS total
    FROM ${from} ORDER BY ${byRank}${germanSortKey('a.name')}, a.id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  let total = result.rows.length ? Number(result.rows[0]!.total) : 0;
  if (!result.rows.length && (page.offset > 0 || page.limit === 0)) {
    total = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${from}`.execute(db)).rows[0]?.n ?? 0;
  }
  return { items: result.rows.map(authorityView), total };
}

export async function authorityById(db: Kysely<any>, id: number): Promise<AuthorityView | undefined> {
  const result = await sql<AuthorityRow>`SELECT ${AUTHORITY_COLUMNS} FROM ozg_authorities a WHERE a.id = ${id}`.execute(db);
  return result.rows[0] && authorityView(result.rows[0]);
}
