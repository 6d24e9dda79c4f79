/** OpenAPI description of the HTTP API (from the route schemas) at /api/docs/json, with a UI at /api/docs. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version';

export const openapiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Station Desk central server',
        version: String(PROTOCOL_VERSION),
        description: `Sync protocol v${PROTOCOL_VERSION}: send \`${PROTOCOL_HEADER}: ${PROTOCOL_VERSION}\` on every request.`,
      },
      components: {
        securitySchemes: {
          device: { type: 'http', scheme: 'bearer', description: 'Device access token from /api/devices/enroll or /refresh' },
          admin: { type: 'http', scheme: 'bearer', description: 'Admin token (admin CLI)' },
          member: { type: 'http', scheme: 'bearer', description: 'Member access token from /api/members/session (phone app)' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
});
