import { BlockList, isIP } from 'node:net';
import { ECDH } from 'node:crypto';
import { z } from 'zod';
import { idListInput } from './request-body.ts';

/**
 * What the citizen web app sends for Web Push: the browser's PushSubscription JSON
 * ({endpoint, keys: {p256dh, auth}}) plus the chosen categories and language.
 */

const MAX_ENDPOINT_LENGTH = 1024;
export const LANGUAGES = ['de', 'en'] as const;

/** Addresses a push service never has: refused in production, so the sender cannot be aimed inward. */
const internal = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['100.64.0.0', 10]] as const) {
  internal.addSubnet(net, prefix, 'ipv4');
}
// No ::ffff:0:0/96 rule: BlockList checks IPv4-mapped addresses against the IPv4 rules, and such a
// rule would match every IPv4 address.
for (const [net, prefix] of [['::1', 128], ['::', 128], ['fc00::', 7], ['fe80::', 10]] as const) internal.addSubnet(net, prefix, 'ipv6');
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** What an IP address (no brackets) is to the sender: this machine, another internal one, or public. */
export function addressKind(ip: string): 'loopback' | 'internal' | 'public' {
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (loopback.check(ip, family)) return 'loopback';
  return internal.check(ip, family) ? 'internal' : 'public';
}

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why this endpoint is refused, or null. Push services are reached over https. Outside
 * production, http to this machine is allowed too: tests run a local push service.
 */
export function endpointProblem(raw: string, production: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.username || url.password) return 'must not contain credentials';
  const host = url.hostname.toLowerCase();
  const literal = host.replace(/^\[|\]$/g, '');
  const isInternal = host === 'localhost' || host.endsWith('.localhost') || (isIP(literal) !== 0 && addressKind(literal) !== 'public');
  if (!production && loopbackNames.has(host) && (url.protocol === 'http:' || url.protocol === 'https:')) return null;
  if (url.protocol !== 'https:') return 'must be an https URL';
  if (production && isInternal) return 'must be the address of a public push service';
  return null;
}

/** base64url (padding tolerated) of exactly `bytes` bytes. */
const base64urlBytes = (bytes: number) =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/=+$/, ''))
    .refine((s) => /^[A-Za-z0-9_-]+$/.test(s) && Buffer.from(s, 'base64url').length === bytes, `must be ${bytes} bytes in base64url`);

/** The browser's ECDH public key: an uncompressed point on P-256 (RFC 8291 §3.1). */
const P256dhInput = base64urlBytes(65).refine((s) => {
  const point = Buffer.from(s, 'base64url');
  if (point[0] !== 0x04) return false;
  try {
    ECDH.convertKey(point, 'prime256v1');
    return true;
  } catch {
    return false;
  }
}, 'must be an uncompressed P-256 public key');

/** Identifies a subscription: the endpoint, with the auth secret as proof of holding it. */
const SubscriptionRef = {
  endpoint: z.string().trim().min(1, 'is required').max(MAX_ENDPOINT_LENGTH, `has more than ${MAX_ENDPOINT_LENGTH} characters`),
  keys: z.object({ auth: base64urlBytes(16) }),
};

const Choices = {
  categoryIds: idListInput(200),
  language: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }),
};

export function subscribeInput(production: boolean) {
  return z.object({
    endpoint: SubscriptionRef.endpoint.superRefine((v, ctx) => {
      const problem = endpointProblem(v, production);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    keys: z.object({ p256dh: P256dhInput, auth: SubscriptionRef.keys.shape.auth }),
    categoryIds: Choices.categoryIds.default([]),
    language: Choices.language.default('de'),
  });
}
export type Subscribe = z.infer<ReturnType<typeof subscribeInput>>;

export const ChangeInput = z.object({ ...SubscriptionRef, categoryIds: Choices.categoryIds.optional(), language: Choices.language.optional() });
export type Change = z.infer<typeof ChangeInput>;

export const UnsubscribeInput = z.object(SubscriptionRef);
export type SubscriptionKey = z.infer<typeof UnsubscribeInput>;
