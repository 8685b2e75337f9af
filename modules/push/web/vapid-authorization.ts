import webpush from 'web-push';
import type { PushConfig } from '../../../core/config.ts';
import { localHostOf, type Tenant } from '../../../core/tenancy/tenant.ts';
import type { VapidKeys } from '../vapid-keys.ts';

/** What signs the VAPID JWT (RFC 8292): the deployment's key pair and a contact for the push services. */
export type VapidCredentials = { keys: VapidKeys; subject: string };

/**
 * The contact in every JWT: VAPID_SUBJECT, else push@ the municipality's first domain (the host its
 * web app, and so its subscriptions, live on), else its local host name (development).
 */
export function vapidSubject(push: PushConfig, tenant: Pick<Tenant, 'slug' | 'domains'>): string {
  return push.vapidSubject ?? `mailto:push@${tenant.domains[0] ?? localHostOf(tenant.slug)}`;
}

/** A signed JWT is valid this long (RFC 8292 allows up to 24 h) … */
const LIFETIME_SECONDS = 12 * 60 * 60;
/** … and reused while at least this much of it is left, so clock skew never makes it look expired. */
const MIN_REMAINING_SECONDS = 6 * 60 * 60;
/** Push services are few (FCM, Mozilla, Apple, Microsoft); this only bounds odd endpoints. */
const MAX_CACHED = 1000;

const cache = new Map<string, { header: string; exp: number }>();

/**
 * `Authorization: vapid t=<JWT>, k=<public key>` for a push service's origin. Signing costs
 * about half a millisecond, more than encrypting a message; one header per origin, reused for
 * hours, takes it out of every delivery.
 */
export function vapidAuthorization(credentials: VapidCredentials, audience: string, nowMs = Date.now()): string {
  const key = `${credentials.keys.publicKey} ${credentials.subject} ${audience}`;
  const now = Math.floor(nowMs / 1000);
  const cached = cache.get(key);
  if (cached && cached.exp - now >= MIN_REMAINING_SECONDS) return cached.header;
  const exp = now + LIFETIME_SECONDS;
  const { keys, subject } = credentials;
  const header = webpush.getVapidHeaders(audience, subject, keys.publicKey, keys.privateKey, 'aes128gcm', exp).Authorization;
  cache.delete(key);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, { header, exp });
  return header;
}
