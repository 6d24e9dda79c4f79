/**
 * GET /api/sync/stream — one Server-Sent Events stream per desk for all collections. Events are
 * hints (`event: hint`, `{collection, seq}`): the desk pulls on each. A hint may be lost (a
 * restart, a dropped connection): desks resync on reconnect and poll slowly, so the stream only
 * makes changes arrive sooner. A revoked device gets `event: revoked` and the stream closes.
 */
import type { FastifyInstance } from 'fastify';
import { STREAM_EVENTS, type StreamHint, type StreamRevoked } from '../../shared/protocol/messages';
import { requireProtocolVersion } from '../plugins/protocol-check';
import { ApiError } from '../errors';
import { errorResponses } from '../schemas/responses';

const HEARTBEAT_MS = 20_000;

export const streamRoutes = async (app: FastifyInstance) => {
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const close of [...open]) close();
  });

  app.get(
    '/stream',
    {
      preHandler: [requireProtocolVersion, app.authenticateDevice],
      config: { rateLimit: false },
      schema: { tags: ['sync'], summary: 'Live hints for all collections (text/event-stream)', security: [{ device: [] }], response: errorResponses(401, 426) },
    },
    async (request, reply) => {
      const device = request.device;
      if (!device) throw new ApiError(401, 'UNAUTHENTICATED', 'A device access token is required');
      // keep the headers plugins already set (CORS for app://desk, helmet), then take the socket
      const headers = Object.fromEntries(Object.entries(reply.getHeaders()).filter(([, v]) => v !== undefined)) as Record<string, string | number | string[]>;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(': connected\n\n');
      // the payloads are the protocol's messages (shared/protocol/messages.ts)
      const send = <E extends keyof typeof STREAM_EVENTS>(event: E, data: E extends 'hint' ? StreamHint : StreamRevoked) =>
        raw.write(`event: ${STREAM_EVENTS[event]}\ndata: ${JSON.stringify(data)}\n\n`);

      let closed = false;
      const unsubscribe = app.hints.subscribe(device.stationId, (hint) => send('hint', { collection: hint.collection, seq: hint.seq }));
      const stopRevocations = app.hints.onRevocation((deviceId) => {
        if (deviceId !== device.deviceId) return;
        send('revoked', { code: 'DEVICE_REVOKED' });
        close();
      });
      const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        stopRevocations();
        open.delete(close);
        raw.end();
      };
      open.add(close);
      request.raw.on('close', close);
    },
  );
};
