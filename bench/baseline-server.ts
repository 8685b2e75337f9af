import Fastify from 'fastify';

export type BaselineServer = { url: string; close(): Promise<void> };

/**
 * The yardstick: a plain Fastify server that answers every request with precomputed bodies in
 * rotation (the real responses of a scenario, so the same sizes and content type). Whatever the
 * real server costs on top of this is Dorfplatz's own work. Accepts any method and path, and
 * parses JSON request bodies as Fastify would for the real server.
 */
export async function startBaseline(bodies: string[], contentType: string): Promise<BaselineServer> {
  if (!bodies.length) throw new Error('the baseline needs at least one body');
  const app = Fastify({ logger: false });
  let next = 0;
  app.all('/*', (_req, reply) => {
    const body = bodies[next];
    next = (next + 1) % bodies.length;
    reply.type(contentType).send(body);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
