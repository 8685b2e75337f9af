import { createPublicKey, verify } from 'node:crypto';

/** Why a push service refuses the VAPID credentials; `status` is its answer (RFC 8292 §4.2). */
export class VapidRefusal extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

export type VapidClaims = { aud: string; exp: number; sub: string };

const MAX_LIFETIME_SECONDS = 24 * 60 * 60;

function decodeJson(part: string): any {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new VapidRefusal(403, 'JWT part is not base64url JSON');
  }
}

/**
 * Checks `Authorization: vapid t=<JWT>, k=<public key>` as a push service does (RFC 8292):
 * an ES256 signature by the key k, `aud` the push service's origin, `exp` in the future but at
 * most 24 hours ahead, `sub` a mailto: or https: contact.
 */
export function verifyVapid(header: string | undefined, audience: string, nowMs = Date.now()): { claims: VapidClaims; publicKey: string } {
  const m = /^vapid\s+(.+)$/i.exec(header ?? '');
  if (!m) throw new VapidRefusal(401, 'no "vapid" Authorization');
  const params = Object.fromEntries(
    m[1]!.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim().toLowerCase(), p.slice(i + 1).trim()];
    }),
  );
  const { t: jwt, k: publicKey } = params;
  if (!jwt || !publicKey) throw new VapidRefusal(401, 'vapid needs t= and k=');

  const point = Buffer.from(publicKey, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new VapidRefusal(403, 'k is not an uncompressed P-256 key');
  let key;
  try {
    key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
  } catch {
    throw new VapidRefusal(403, 'k is not a point on P-256');
  }

  const parts = jwt.split('.');
  if (parts.length !== 3) throw new VapidRefusal(403, 'JWT must have three parts');
  const [h, p, s] = parts as [string, string, string];
  const head = decodeJson(h);
  if (head.alg !== 'ES256') throw new VapidRefusal(403, `JWT alg must be ES256, not ${head.alg}`);
  const signature = Buffer.from(s, 'base64url');
  if (signature.length !== 64 || !verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, signature)) {
    throw new VapidRefusal(403, 'JWT signature does not verify with k');
  }

  const claims = decodeJson(p) as VapidClaims;
  const now = Math.floor(nowMs / 1000);
  if (claims.aud !== audience) throw new VapidRefusal(403, `aud ${claims.aud} is not ${audience}`);
  if (typeof claims.exp !== 'number' || claims.exp <= now) throw new VapidRefusal(403, 'JWT expired');
  if (claims.exp > now + MAX_LIFETIME_SECONDS) throw new VapidRefusal(403, 'exp more than 24 hours ahead');
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) throw new VapidRefusal(403, 'sub must be a mailto: or https: URI');
  return { claims, publicKey };
}
