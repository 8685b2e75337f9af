import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../../core/registry/manifest.ts';
import { AppError, notFound, tooManyRequests } from '../../core/errors.ts';
import { checked } from './request-body.ts';
import { vapidKeys } from './vapid-keys.ts';
import { ChangeInput, UnsubscribeInput, subscribeInput } from './web-push-input.ts';
import { changeSubscription, checkCategoryIds, subscribe, unsubscribe, type WebPushSubscription } from './web-push-subscriptions.ts';
import { FixedWindowLimiter } from './rate-limit.ts';

/** A subscription with 200 category ids fits in well under this. */
const SUBSCRIPTION_BODY_LIMIT = 8 * 1024;
/** Writes per client address and minute: a person changes settings a few times, not thirty. */
export const SUBSCRIPTION_WRITES_PER_MINUTE = 30;

const json = (s: WebPushSubscription) => ({ subscription: { endpoint: s.endpoint, categoryIds: s.category_ids, language: s.language } });
const noSuchSubscription = () => notFound('No subscription with this endpoint and auth secret.');

/**
 * Web Push for the citizen web app (RFC 8030/8291/8292). No token: the browser holding the
 * subscription is its owner, proven by the endpoint and its auth secret; writes are limited
 * per client address. Asking for permission is the settings screen's job, never the first visit's.
 */
export const webPushRoutes: RoutePlugin = (app, scopeOf) => {
  // The local push service of the tests is plain http on 127.0.0.1; production needs https.
  const Subscribe = subscribeInput(process.env.NODE_ENV === 'production');
  const limiter = new FixedWindowLimiter(SUBSCRIPTION_WRITES_PER_MINUTE, 60_000);
  const opts = { bodyLimit: SUBSCRIPTION_BODY_LIMIT };

  const limited = (req: FastifyRequest, reply: FastifyReply) => {
    const wait = limiter.take(`${req.tenant.id}:${req.ip}`);
    if (!wait) return;
    reply.header('retry-after', String(wait));
    throw tooManyRequests(`Too many changes to push subscriptions; please try again in ${wait} seconds.`);
  };

  // What the browser passes to pushManager.subscribe({applicationServerKey}); one key per deployment.
  app.get('/push/vapid-public-key', async (req, reply) => {
    const { db } = await scopeOf(req);
    const { publicKey } = await vapidKeys(db);
    return reply.header('cache-control', 'public, max-age=3600').send({ publicKey });
  });

  app.post('/push/subscriptions', opts, async (req, reply) => {
    limited(req, reply);
    const input = checked(Subscribe, req.body ?? {});
    const { db } = await scopeOf(req);
    await checkCategoryIds(db, input.categoryIds);
    const { row, created } = await subscribe(db, input);
    if (!row) throw new AppError('CONFLICT', 'This endpoint is subscribed with other keys; unsubscribe it first.');
    return reply.code(created ? 201 : 200).send(json(row));
  });

  app.put('/push/subscriptions', opts, async (req, reply) => {
    limited(req, reply);
    const input = checked(ChangeInput, req.body ?? {});
    const { db } = await scopeOf(req);
    await checkCategoryIds(db, input.categoryIds);
    const row = await changeSubscription(db, input);
    if (!row) throw noSuchSubscription();
    return json(row);
  });

  app.delete('/push/subscriptions', opts, async (req, reply) => {
    limited(req, reply);
    const input = checked(UnsubscribeInput, req.body ?? {});
    const { db } = await scopeOf(req);
    if (!(await unsubscribe(db, input))) throw noSuchSubscription();
    return reply.code(204).send();
  });
};
