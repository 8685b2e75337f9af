import { z } from 'zod';
import type { GraphQLContext } from '../../../core/graphql/context.ts';
import { requireContentWriter, type AccountPrincipal } from '../../../core/auth/principal.ts';
import { forbidden } from '../../../core/errors.ts';
import { recordType } from '../../content-parts/record-types.ts';
import { checked } from '../request-body.ts';
import { createMessage, everyone } from '../messages/message.ts';
import { ScheduleInput } from '../schedules/schedule-input.ts';
import { createSchedule } from '../schedules/schedule-store.ts';
import { nativeQueryType } from '../messages/native-query-type.ts';

const DataInput = z
  .object({
    id: z.union([z.string(), z.number()]).nullish(),
    queryType: z.string().max(100).nullish(),
    dataProviderId: z.coerce.number().int().positive().nullish(),
    mowasRegionalKeys: z.array(z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,12}$/, 'must be a regional key (digits)'))).max(500).nullish(),
  })
  .nullish();

const SendInput = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(200),
  body: z.string().max(1000).nullish().transform((b) => b ?? ''),
  data: DataInput,
});

/** The mainserver's rule: pushes need `role_push_notification` on the caller's data provider; admins and editors may always. */
async function requirePushSender(ctx: GraphQLContext): Promise<AccountPrincipal> {
  const caller = requireContentWriter(ctx.principal);
  if (caller.platformAdmin || caller.role !== 'data_provider') return caller;
  const provider = caller.dataProviderId === null ? undefined : await ctx.db.selectFrom('data_providers').select('roles').where('id', '=', caller.dataProviderId).executeTakeFirst();
  if ((provider?.roles as Record<string, unknown> | undefined)?.role_push_notification !== true) throw forbidden('Access not permitted: the data provider has no role_push_notification.');
  return caller;
}

/** The native app's data: the record to open (id, query_type) and what devices filter on. */
function dataOf(d: z.infer<typeof DataInput>): Record<string, unknown> {
  if (!d) return {};
  return Object.fromEntries(
    Object.entries({ id: d.id, query_type: d.queryType, data_provider_id: d.dataProviderId, mowas_regional_keys: d.mowasRegionalKeys?.length ? d.mowasRegionalKeys : undefined }).filter(([, v]) => v !== undefined && v !== null),
  );
}

export const pushResolvers = {
  Mutation: {
    sendPushNotification: async (_: unknown, args: unknown, ctx: GraphQLContext) => {
      const caller = await requirePushSender(ctx);
      const input = checked(SendInput, args);
      const id = await createMessage(ctx.db, {
        title: input.title,
        body: input.body,
        url: null,
        data: dataOf(input.data),
        target: { ...everyone, dataProviderId: input.data?.dataProviderId ?? null, mowasRegionalKeys: input.data?.mowasRegionalKeys ?? [] },
        source: 'api',
        createdBy: caller.actor,
      });
      return { id, status: 'Push notification queued', statusCode: 200 };
    },
    schedulePushNotification: async (_: unknown, args: Record<string, unknown>, ctx: GraphQLContext) => {
      const caller = await requirePushSender(ctx);
      const input = checked(ScheduleInput, args);
      const data = checked(DataInput, args.data, 'data');
      const type = recordType(input.notificationPushableType);
      const record = type && ctx.tenant.enabledModules.includes(type.module) && (await ctx.db.selectFrom(type.table).select('id').where('id', '=', input.notificationPushableId).executeTakeFirst());
      if (!record) return { id: null, status: `${input.notificationPushableType} ${input.notificationPushableId} not found`, statusCode: 404 };
      const { id, firstAt } = await createSchedule(ctx.db, input, { query_type: nativeQueryType(input.notificationPushableType), ...dataOf(data) }, caller.actor);
      return { id, status: `Push notification scheduled for ${firstAt?.toISOString()}`, statusCode: 200 };
    },
  },
};
