import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../../core/registry/manifest.ts';
import type { RequestScope } from '../../core/http/request-scope.ts';
import { requireAccount } from '../../core/auth/principal.ts';
import { badRequest, notFound, unprocessable } from '../../core/errors.ts';
import { railsJsonTimestamp } from '../../lib/berlin-time.ts';
import { wrappedBody } from './request-body.ts';
import { DeviceTokenInput, ExclusionConfigInput, RegisterDeviceInput, UpdateDeviceInput } from './device-input.ts';
import { findDevice, mergeExclusionConfig, registerDevice, removeDevice, updateDevice, type ExpoDevice } from './device-store.ts';

/** Device bodies are small; exclusion configurations list at most some thousand categories. */
export const DEVICE_BODY_LIMIT = 64 * 1024;

const WRAPPER = 'notification_device';

/** The device as the mainserver's JSON view writes it (device_type "undefined" when not known). */
export function deviceJson(d: ExpoDevice, origin: string) {
  return {
    id: d.id,
    token: d.token,
    device_type: d.device_type ?? 'undefined',
    member_id: d.member_id,
    created_at: railsJsonTimestamp(d.created_at),
    updated_at: railsJsonTimestamp(d.updated_at),
    exclude_data_provider_ids: d.exclude_data_provider_ids,
    exclude_mowas_regional_keys: d.exclude_mowas_regional_keys,
    exclude_notification_configuration: d.exclude_notification_configuration,
    url: `${origin}/notification/devices/${d.id}.json`,
  };
}

const unknownDevice = () => notFound('No device with this push token is registered.');

/**
 * The mainserver's device registry (mainserver-api.md §6.1, app-client.md §2.N), for any token
 * of the tenant (the app's own included). A device is always found by the token in the body:
 * the id in the path is ignored, as the app sends 0 — and ids, unlike tokens, can be guessed.
 */
export const deviceRoutes: RoutePlugin = (app, scopeOf) => {
  const callerScope = async (req: FastifyRequest): Promise<RequestScope> => {
    const scope = await scopeOf(req);
    requireAccount(scope.principal);
    return scope;
  };
  const opts = { bodyLimit: DEVICE_BODY_LIMIT };

  app.post('/notification/devices', opts, register);
  app.post('/notification/devices.json', opts, register);
  async function register(req: FastifyRequest, reply: FastifyReply) {
    const scope = await callerScope(req);
    const input = wrappedBody(req.body, WRAPPER, RegisterDeviceInput);
    const device = await registerDevice(scope.db, input);
    // The mainserver's answer to a second registration; the app then keeps the token it has.
    if (!device) throw unprocessable('This push token is registered already.', { field: 'token' });
    return reply.code(201).header('location', `${scope.origin}/notification/devices/${device.id}.json`).send(deviceJson(device, scope.origin));
  }

  // `:id` also matches "0.json", "remove" and "remove.json": all are found by token.
  const update = async (req: FastifyRequest) => {
    const scope = await callerScope(req);
    const device = await updateDevice(scope.db, wrappedBody(req.body, WRAPPER, UpdateDeviceInput));
    if (!device) throw unknownDevice();
    return deviceJson(device, scope.origin);
  };
  app.put('/notification/devices/:id', opts, update);
  app.patch('/notification/devices/:id', opts, update);

  app.delete('/notification/devices/:id', opts, async (req, reply) => {
    const scope = await callerScope(req);
    const { token } = wrappedBody(req.body, WRAPPER, DeviceTokenInput);
    if (!(await removeDevice(scope.db, token))) throw unknownDevice();
    return reply.code(204).send();
  });

  registerExclusionConfig(app, callerScope);
};

/**
 * Personalised push categories. The mainserver's route is spelt "exlusion_filter_config"; the
 * app's documentation "exclusion_filter_config": both answer. Reading is a POST with
 * X-HTTP-Method-Override: GET (the body carries the token), as the app does it.
 */
function registerExclusionConfig(app: FastifyInstance, callerScope: (req: FastifyRequest) => Promise<RequestScope>): void {
  const read = async (req: FastifyRequest) => {
    const scope = await callerScope(req);
    const device = await findDevice(scope.db, wrappedBody(req.body, WRAPPER, DeviceTokenInput).token);
    if (!device) throw unknownDevice();
    return deviceJson(device, scope.origin);
  };
  const write = async (req: FastifyRequest) => {
    const scope = await callerScope(req);
    const input = wrappedBody(req.body, WRAPPER, ExclusionConfigInput);
    const device = await mergeExclusionConfig(scope.db, input.token, input.exclude_notification_configuration);
    if (!device) throw unknownDevice();
    return deviceJson(device, scope.origin);
  };
  const overridden = async (req: FastifyRequest) => {
    const method = String(req.headers['x-http-method-override'] ?? '').toUpperCase();
    if (method === 'GET') return read(req);
    if (method === 'PUT' || method === 'PATCH') return write(req);
    throw badRequest('POST here reads the configuration with the header X-HTTP-Method-Override: GET, or changes it with PUT.');
  };
  const opts = { bodyLimit: DEVICE_BODY_LIMIT };
  for (const name of ['exclusion_filter_config', 'exlusion_filter_config']) {
    for (const path of [`/notification/devices/:id/${name}`, `/notification/devices/:id/${name}.json`]) {
      app.put(path, opts, write);
      app.patch(path, opts, write);
      app.post(path, opts, overridden);
    }
  }
}
