import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A JSON answer of one of the tenant's public REST routes. */
export type ApiAnswer<T = any> = { status: number; body: T };
export type Api = <T = any>(path: string) => Promise<ApiAnswer<T>>;

/**
 * Screens of modules that speak REST rather than GraphQL (e.g. defects) read their public routes in
 * process like inProcessGraphql does: same host headers, never the citizen's cookies.
 */
export function inProcessApi(app: FastifyInstance, req: FastifyRequest): Api {
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const h of ['host', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-for']) {
    const v = req.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  return async (path) => {
    const res = await app.inject({ method: 'GET', url: path, headers });
    let body: any = null;
    try {
      body = res.json();
    } catch {
      body = null;
    }
    return { status: res.statusCode, body };
  };
}
