/** Liveness (`/health`: the process answers) and readiness (`/ready`: the database answers). */
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../errors';

export const healthRoutes = async (app: FastifyInstance) => {
  app.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await app.db.query('SELECT 1');
      return { ok: true, database: app.db.kind };
    } catch {
      return reply.status(503).send(errorBody('UNAVAILABLE', 'Database not reachable'));
    }
  });
};
