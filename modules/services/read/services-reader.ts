import type { Kysely } from 'kysely';
import type { Tenant } from '../../../core/tenancy/tenant.ts';
import { coveringAreas, type CoveringAreas } from './area-key.ts';
import type { Page } from './read-input.ts';
import type { ServiceFilter } from './ranked-page.ts';
import { countServices, findService, findServices, servicesByLink, topServices } from './service-list.ts';
import { serviceView, type ServiceRow, type ServiceView } from './service-view.ts';

/**
 * The public reads of services for one request of one municipality, as GraphQL and REST share
 * them: rows become ServiceViews with the online services offered where the municipality lies
 * (its official key, resolved once per request).
 */
export type ServicesReader = ReturnType<typeof servicesReader>;

export function servicesReader(db: Kysely<any>, tenant: Tenant) {
  const areas = new Map<string, Promise<CoveringAreas>>();
  /** The areas covering `key` (an area argument, else the municipality's official key); null without either. */
  const covering = (key: string | null = null): Promise<CoveringAreas | null> => {
    const k = key ?? (tenant.officialKey || null);
    if (!k) return Promise.resolve(null);
    let p = areas.get(k);
    if (!p) areas.set(k, (p = coveringAreas(db, k)));
    return p;
  };
  const views = async (rows: ServiceRow[]): Promise<ServiceView[]> => {
    const home = await covering();
    return rows.map((r) => serviceView(r, home));
  };
  return {
    db,
    covering,
    async list(filter: ServiceFilter, page: Page): Promise<{ items: ServiceView[]; total: number }> {
      const { rows, total } = await findServices(db, filter, page);
      return { items: await views(rows), total };
    },
    count: (filter: ServiceFilter): Promise<number> => countServices(db, filter),
    async one(by: { id: number } | { leikaKey: string }): Promise<ServiceView | null> {
      const row = await findService(db, by);
      return row ? (await views([row]))[0]! : null;
    },
    async top(): Promise<ServiceView[]> {
      return views(await topServices(db));
    },
    async byLink(link: 'lifeSituation' | 'authority', ownerIds: number[], page: Page): Promise<Map<number, ServiceView[]>> {
      const found = await servicesByLink(db, link, ownerIds, page);
      return new Map(await Promise.all([...found].map(async ([id, rows]) => [id, await views(rows)] as const)));
    },
  };
}
