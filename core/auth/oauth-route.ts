import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import { issueToken } from './credentials.ts';

const TokenRequest = z.object({
  grant_type: z.string().optional(),
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(500).optional(),
});

/** OAuth errors keep RFC 6749's shape ({error, error_description}), which clients parse. */
const oauthError = (status: 'BAD_REQUEST' | 'UNAUTHENTICATED', error: string, description: string) =>
  new AppError(status, description, { oauthError: error });

/** Client credentials may also come as HTTP Basic auth (RFC 6749 §2.3.1). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}

/** POST /oauth/token, grant client_credentials (JSON or form body), as the mainserver's Doorkeeper. */
export function registerOAuthRoute(app: FastifyInstance, db: Kysely<any>, tenantOf: (req: FastifyRequest) => Tenant): void {
  app.post('/oauth/token', async (req, reply) => {
    const parsed = TokenRequest.safeParse(req.body ?? {});
    if (!parsed.success) throw oauthError('BAD_REQUEST', 'invalid_request', 'The token request must be an object with grant_type, client_id and client_secret.');
    const body = parsed.data;
    if (body.grant_type !== 'client_credentials') {
      throw oauthError('BAD_REQUEST', 'unsupported_grant_type', 'Only grant_type "client_credentials" is supported.');
    }
    const basic = basicCredentials(req.headers.authorization);
    const clientId = body.client_id ?? basic?.id;
    const clientSecret = body.client_secret ?? basic?.secret;
    if (!clientId || !clientSecret) throw oauthError('BAD_REQUEST', 'invalid_request', 'client_id and client_secret are required.');
    const token = await issueToken(db, clientId, clientSecret, tenantOf(req).id);
    if (!token) throw oauthError('UNAUTHENTICATED', 'invalid_client', 'Unknown client, wrong secret, or a client of another municipality.');
    reply.header('cache-control', 'no-store');
    return token;
  });
}
