import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { requireContentWriter, visibilityOf } from '../../core/auth/principal.ts';
import { rubyTimestamp } from '../../lib/berlin-time.ts';
import { idArg, pagination } from '../../lib/list-args.ts';
import { loadDataProvider } from '../data-providers/data-provider-loader.ts';
import type { CategoryRow } from '../categories/category-store.ts';
import type { CreateEventRecordArgs } from './event-input.ts';
import { upsertEventRecord } from './event-upsert.ts';
import {
  type EventListArgs,
  type EventRow,
  categoriesOf,
  countInCategory,
  eventById,
  eventFilterFrom,
  eventsInCategory,
  listEvents,
  listOccurrences,
  nextDateOf,
  regionOf,
  upcomingAddresses,
  upcomingDatesOf,
} from './event-queries.ts';
import { selectsField } from './selection.ts';

type ListArgs = EventListArgs & { limit?: number | null; skip?: number | null; take?: number | null; order?: string | null };
type LocationArg = { location?: string | null };

export const eventResolvers = {
  Query: {
    eventRecords: (_: unknown, args: ListArgs, ctx: GraphQLContext, info: GraphQLResolveInfo) => {
      const { limit, offset } = pagination(args);
      const filter = eventFilterFrom(args, visibilityOf(ctx.principal));
      // As the mainserver: selecting `date` lists every upcoming date of an event as its own entry.
      const perDate = !args.onlyUniqEvents && selectsField(info, 'date');
      return (perDate ? listOccurrences : listEvents)(ctx, filter, args.order, limit, offset);
    },
    eventRecord: async (_: unknown, args: { id: unknown }, ctx: GraphQLContext) => {
      const id = idArg(args.id);
      return id === null ? null : ((await eventById(ctx, id, visibilityOf(ctx.principal))) ?? null);
    },
    eventRecordsAddresses: (_: unknown, _a: unknown, ctx: GraphQLContext) => upcomingAddresses(ctx, visibilityOf(ctx.principal)),
  },
  Mutation: {
    createEventRecord: async (_: unknown, args: CreateEventRecordArgs, ctx: GraphQLContext) => {
      const caller = requireContentWriter(ctx.principal);
      const { id } = await upsertEventRecord(ctx.db, caller, ctx.tenant.id, args);
      // Read back in the transaction: the caller sees its own record, visible or not.
      return (await eventById(ctx, id, { all: true }))!;
    },
  },
  Category: {
    eventRecordsCount: (c: CategoryRow, a: LocationArg, ctx: GraphQLContext) => countInCategory(ctx, c.id, a.location, false),
    eventRecords: (c: CategoryRow, a: LocationArg, ctx: GraphQLContext) => eventsInCategory(ctx, c.id, a.location, false),
    upcomingEventRecordsCount: (c: CategoryRow, a: LocationArg, ctx: GraphQLContext) => countInCategory(ctx, c.id, a.location, true),
    upcomingEventRecords: (c: CategoryRow, a: LocationArg, ctx: GraphQLContext) => eventsInCategory(ctx, c.id, a.location, true),
  },
  EventRecord: {
    settings: () => null,
    externalId: (e: EventRow) => e.external_id,
    parentId: (e: EventRow) => e.parent_id,
    dates: (e: EventRow, _a: unknown, ctx: GraphQLContext) => upcomingDatesOf(ctx, e.id),
    date: async (e: EventRow, _a: unknown, ctx: GraphQLContext) => (e.occurrence !== undefined ? e.occurrence : ((await nextDateOf(ctx, e.id))?.date ?? null)),
    listDate: async (e: EventRow, _a: unknown, ctx: GraphQLContext) => (e.list_date !== undefined ? e.list_date : ((await nextDateOf(ctx, e.id))?.listDate ?? null)),
    repeatDuration: (e: EventRow) => e.repeat_duration,
    category: async (e: EventRow, _a: unknown, ctx: GraphQLContext) => (await categoriesOf(ctx, e.id))[0] ?? null,
    categories: (e: EventRow, _a: unknown, ctx: GraphQLContext) => categoriesOf(ctx, e.id),
    addresses: (e: EventRow) => e.addresses ?? [],
    regionId: (e: EventRow) => (e.region_id === null ? null : String(e.region_id)),
    region: (e: EventRow, _a: unknown, ctx: GraphQLContext) => regionOf(ctx, e.region_id),
    dataProvider: (e: EventRow, _a: unknown, ctx: GraphQLContext) => loadDataProvider(ctx, e.data_provider_id),
    contacts: (e: EventRow) => e.contacts ?? [],
    urls: (e: EventRow) => e.urls ?? [],
    mediaContents: (e: EventRow) => e.media_contents ?? [],
    priceInformations: (e: EventRow) => e.price_informations ?? [],
    accessibilityInformation: (e: EventRow) => e.accessibility_information,
    tagList: (e: EventRow) => e.tag_list ?? [],
    recurringWeekdays: (e: EventRow) => (e.recurring_weekdays ?? []).map(Number),
    recurringType: (e: EventRow) => e.recurring_type,
    recurringInterval: (e: EventRow) => e.recurring_interval,
    updatedAt: (e: EventRow) => rubyTimestamp(e.updated_at),
    createdAt: (e: EventRow) => rubyTimestamp(e.created_at),
  },
};
