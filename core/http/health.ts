import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * /health: the process is alive. /ready: the database answers (for load balancers).
 * /generate_204 and /health-check: the mobile app's and the mainserver's reachability checks.
 */
export function registerHealth(app: FastifyInstance, database: Database): void {
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/health-check', async (_req, reply) => reply.type('text/plain').send('OK'));
  app.get('/generate_204', async (_req, reply) => reply.code(204).send());
  app.get('/ready', async (req, reply) => {
    try {
      await sql`SELECT 1`.execute(database.system);
      return { status: 'ready', database: database.kind };
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable', database: database.kind });
    }
  });
}
