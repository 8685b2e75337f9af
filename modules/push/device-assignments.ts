import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { RoutePlugin } from '../../core/registry/manifest.ts';
import type { Tenant } from '../../core/tenancy/tenant.ts';
import { requireAccount } from '../../core/auth/principal.ts';
import { notFound } from '../../core/errors.ts';
import { recordType } from '../content-parts/record-types.ts';
import { IdInput, wrappedBody } from './request-body.ts';
import { TokenInput } from './device-input.ts';
import { findDevice } from './device-store.ts';
import { DEVICE_BODY_LIMIT } from './device-routes.ts';

/** The record types a device can follow: the app's capitalised query names. */
export const PUSHABLE_TYPES = ['NewsItem', 'EventRecord', 'PointOfInterest', 'Tour', 'GenericItem'] as const;

const AssignmentInput = z.object({
  token: TokenInput,
  notification_pushable_type: z.enum(PUSHABLE_TYPES, { error: `must be one of ${PUSHABLE_TYPES.join(', ')}` }),
  notification_pushable_id: IdInput,
});
type Assignment = z.infer<typeof AssignmentInput>;

const WRAPPER = 'notification_push_device_assignment';

async function recordExists(db: Kysely<any>, tenant: Tenant, type: string, id: number): Promise<boolean> {
  const t = recordType(type);
  if (!t || !tenant.enabledModules.includes(t.module)) return false;
  return !!(await db.selectFrom(t.table).select('id').where('id', '=', id).executeTakeFirst());
}

const answer = (a: Assignment, assigned: boolean) => ({
  notification_push_device_assignment: { notification_pushable_type: a.notification_pushable_type, notification_pushable_id: a.notification_pushable_id, assigned },
});

/**
 * "Follow this item" (a bookmark in the app): the device then receives the record's scheduled
 * pushes. Both routes answer 200 (the app checks for it; the mainserver says 204) and may be
 * repeated: adding twice keeps one assignment, removing what is not there is no error.
 */
export const deviceAssignmentRoutes: RoutePlugin = (app, scopeOf) => {
  const opts = { bodyLimit: DEVICE_BODY_LIMIT };

  const add = async (req: FastifyRequest) => {
    const scope = await scopeOf(req);
    requireAccount(scope.principal);
    const a = wrappedBody(req.body, WRAPPER, AssignmentInput);
    const device = await findDevice(scope.db, a.token);
    if (!device) throw notFound('No device with this push token is registered.');
    if (!(await recordExists(scope.db, scope.tenant, a.notification_pushable_type, a.notification_pushable_id))) {
      throw notFound(`No ${a.notification_pushable_type} with id ${a.notification_pushable_id}.`);
    }
    await scope.db
      .insertInto('push_device_assignments')
      .values({ device_id: device.id, pushable_type: a.notification_pushable_type, pushable_id: a.notification_pushable_id })
      .onConflict((oc) => oc.columns(['device_id', 'pushable_type', 'pushable_id']).doNothing())
      .execute();
    return answer(a, true);
  };
  app.post('/notification/push_device_assignments/add', opts, add);
  app.post('/notification/push_device_assignments/add.json', opts, add);

  // An unknown device follows nothing: removing succeeds (what the caller wants holds).
  const remove = async (req: FastifyRequest) => {
    const scope = await scopeOf(req);
    requireAccount(scope.principal);
    const a = wrappedBody(req.body, WRAPPER, AssignmentInput);
    const device = await findDevice(scope.db, a.token);
    if (device) {
      await scope.db
        .deleteFrom('push_device_assignments')
        .where('device_id', '=', device.id)
        .where('pushable_type', '=', a.notification_pushable_type)
        .where('pushable_id', '=', a.notification_pushable_id)
        .execute();
    }
    return answer(a, false);
  };
  app.delete('/notification/push_device_assignments/remove', opts, remove);
  app.delete('/notification/push_device_assignments/remove.json', opts, remove);
};
