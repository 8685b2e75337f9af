import type { FastifyInstance, FastifyRequest } from 'fastify';

export type Gql = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export class GraphQLLoadError extends Error {}

/**
 * Screens load their data through the same public GraphQL API the native app uses, in process
 * (fastify.inject): the same validation, visibility rules and response cache, no network hop.
 * Forwarded-proto/host headers pass through so media URLs come out as the citizen's browser sees them.
 * The citizen's own cookies never do: the app reads as the public. Only `credentials` (the studio's
 * preview passes an editor's session) make the API read as someone, within that account's rights.
 */
export function inProcessGraphql(app: FastifyInstance, req: FastifyRequest, credentials: Record<string, string> = {}): Gql {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const h of ['host', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-for']) {
    const v = req.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  Object.assign(headers, credentials);
  return async (query, variables) => {
    const res = await app.inject({ method: 'POST', url: '/graphql', headers, payload: JSON.stringify({ query, variables }) });
    const body = res.json() as { data?: any; errors?: { message: string }[] };
    if (body.errors?.length) throw new GraphQLLoadError(body.errors.map((e) => e.message).join('; '));
    return body.data;
  };
}
