import dns from 'node:dns/promises';
import { isIP } from 'node:net';
import { addressKind } from '../web-push-input.ts';

export type ResolvedAddress = { address: string; family: 4 | 6 };

/** Where an endpoint may be sent, or why not; `temporary` problems are worth trying again. */
export type Resolution = { addresses: ResolvedAddress[] } | { problem: string; temporary: boolean };

/** Push services' addresses change rarely; a minute spares a lookup (and a check) per delivery. */
const CACHE_MS = 60_000;
const MAX_CACHED = 1000;
const cache = new Map<string, { at: number; resolution: Resolution }>();

/**
 * The addresses to connect to for an endpoint's host, checked: in production none of them may be
 * internal (private, loopback, link-local, unique local), outside it only this machine's loopback
 * is allowed besides public addresses (the tests' local push service). The subscription check
 * could not see what a host name resolves to; this sees it just before the connection is made,
 * and the connection then goes to exactly these addresses (no second lookup to rebind).
 */
export async function resolveEndpoint(hostname: string, production: boolean, nowMs = Date.now()): Promise<Resolution> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const key = `${production} ${host}`;
  const cached = cache.get(key);
  if (cached && nowMs - cached.at < CACHE_MS) return cached.resolution;
  const resolution = await resolveAndCheck(host, production);
  if ('problem' in resolution && resolution.temporary) return resolution;
  cache.delete(key);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, { at: nowMs, resolution });
  return resolution;
}

async function resolveAndCheck(host: string, production: boolean): Promise<Resolution> {
  const family = isIP(host);
  let addresses: ResolvedAddress[];
  if (family) addresses = [{ address: host, family: family as 4 | 6 }];
  else {
    try {
      addresses = (await dns.lookup(host, { all: true })) as ResolvedAddress[];
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { problem: `the push service's host ${host} could not be resolved (${code})`, temporary: code !== 'ENOTFOUND' };
    }
  }
  const refused = addresses.find(({ address }) => {
    const kind = addressKind(address);
    return kind === 'internal' || (kind === 'loopback' && production);
  });
  if (refused) return { problem: `the push service's host ${host} has the internal address ${refused.address}; only public push services are sent to`, temporary: false };
  return { addresses };
}
