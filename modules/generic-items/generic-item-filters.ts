import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Visibility } from '../../core/auth/principal.ts';
import { validationError } from '../../core/errors.ts';
import { idArg, idList } from '../../lib/list-args.ts';

export type GenericItemListArgs = {
  ids?: unknown[] | null;
  categoryId?: unknown;
  categoryIds?: unknown[] | null;
  dataProvider?: string | null;
  dataProviderId?: unknown;
  externalId?: unknown;
  genericType?: string | null;
  location?: string | null;
  currentMember?: boolean | null;
  memberId?: unknown;
};

/** Published and visible, unless the caller may see more (see core/auth/principal.ts). */
export function visibleGenericItems(eb: ExpressionBuilder<any, any>, visibility: Visibility) {
  const published = eb.and([eb('g.visible', '=', true), eb('g.released', '=', true)]);
  if (visibility.all) return sql<boolean>`true`;
  if (visibility.ownDataProviderId === null) return published;
  return eb.or([published, eb('g.data_provider_id', '=', visibility.ownDataProviderId)]);
}

/** location: matches a location's name or an address's city, ignoring case (as MySQL's collation did). */
export function placeFilter(location: string) {
  return sql<boolean>`g.place_names @> ARRAY[${location.trim().toLowerCase()}]::text[]`;
}

/** Applies the list filters of genericItems to a query over `generic_items as g`. */
export function applyGenericItemFilters<Q extends SelectQueryBuilder<any, any, any>>(q: Q, args: GenericItemListArgs, visibility: Visibility): Q {
  let out = q.where((eb) => visibleGenericItems(eb, visibility)) as Q;
  const ids = idList(args.ids);
  if (ids) out = out.where('g.id', 'in', ids.length ? ids : [0]) as Q;
  if (args.dataProvider) {
    out = out.where('g.data_provider_id', 'in', (eb: ExpressionBuilder<any, any>) =>
      eb.selectFrom('data_providers').select('id').where(sql<boolean>`lower(name) = lower(${args.dataProvider})`),
    ) as Q;
  }
  if (args.dataProviderId !== undefined && args.dataProviderId !== null) out = out.where('g.data_provider_id', '=', idArg(args.dataProviderId) ?? 0) as Q;
  if (args.externalId !== undefined && args.externalId !== null) out = out.where('g.external_id', '=', String(args.externalId)) as Q;
  if (args.genericType) {
    if (args.genericType.length > 100) throw validationError('Invalid input: genericType is longer than 100 characters.');
    out = out.where(sql<boolean>`lower(g.generic_type) = lower(${args.genericType})`) as Q;
  }
  if (args.location) out = out.where(placeFilter(args.location)) as Q;
  // Citizen members (and their own items) arrive with a later feature: for now nobody is a
  // signed-in member, so "my items" are none; memberId selects that member's items.
  if (args.currentMember) out = out.where(sql<boolean>`false`) as Q;
  if (args.memberId !== undefined && args.memberId !== null) out = out.where('g.member_id', '=', idArg(args.memberId) ?? 0) as Q;
  const categoryIds = [...(idList(args.categoryIds) ?? [])];
  if (args.categoryId !== undefined && args.categoryId !== null) categoryIds.push(idArg(args.categoryId) ?? 0);
  if (categoryIds.length || args.categoryIds) {
    // EXISTS instead of the mainserver's join: an item in two of the categories is listed once.
    out = out.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('generic_item_categories as c')
          .select('c.generic_item_id')
          .whereRef('c.generic_item_id', '=', 'g.id')
          .where('c.category_id', 'in', categoryIds.length ? categoryIds : [0]),
      ),
    ) as Q;
  }
  return out;
}
