/**
 * GET /api/sync/stream — one Server-Sent Events stream per desk for all collections. Events are
 * hints (`event: hint`, `{collection, seq}`): the desk pulls on each. A hint may be lost (a
 * restart, a dropped connection): desks resync on reconnect and poll slowly, so the stream only
 * makes changes arrive sooner. A revoked device gets `event: revoked` and the stream closes.
 *
 * Threats closed (docs/security.md "Streams"): one desk holding thousands of streams until the
 * process ran out of file descriptors and /health and other stations' pulls failed. Opens are
 * rate limited per address; a desk holds at most `perDesk` streams (a newer one ends its oldest:
 * a desk that reconnects after a dropped network must not be locked out by its own dead
 * stream), a station `perStation` (429 RATE_LIMITED), the process `total` (503 UNAVAILABLE),
 * kept below its descriptor limit. And a stream outliving its credential: each stream ends when
 * its access token expires, and the desk reconnects with a fresh one.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { STREAM_EVENTS, type StreamHint, type StreamRevoked } from '../../shared/protocol/messages';
import type { StreamLimits } from '../config';
import type { DeviceContext } from '../crypto/tokens';
import { requireProtocolVersion } from '../plugins/protocol-check';
import { ApiError, unauthenticated } from '../errors';
import { errorResponses } from '../schemas/responses';

/** setTimeout's largest delay; a later expiry is checked again when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface LiveStream {
  device: DeviceContext;
  end(reason: string): void;
}

/** The access token's expiry: verified again here (the auth hook keeps only who is calling). */
const tokenExpiry = async (app: FastifyInstance, request: FastifyRequest): Promise<number> => {
  const token = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const verified = await app.deviceTokens.verify(token);
  if (!verified.ok) throw unauthenticated('TOKEN_EXPIRED', 'The access token has expired; refresh it');
  return verified.claims.exp;
};

export const streamRoutes = async (app: FastifyInstance, limits: StreamLimits) => {
  const live: LiveStream[] = [];
  app.addHook('onClose', async () => {
    for (const stream of [...live]) stream.end('server closing');
  });

  /** Refuses a stream over the station's or the process's budget; ends the desk's oldest over its own. */
  const makeRoom = (device: DeviceContext) => {
    const mine = live.filter((s) => s.device.deviceId === device.deviceId);
    if (mine.length >= limits.perDesk) {
      for (const old of mine.slice(0, mine.length - limits.perDesk + 1)) old.end('replaced by a newer stream of this desk');
      return;
    }
    if (live.length >= limits.total) {
      throw new ApiError(503, 'UNAVAILABLE', 'This server holds as many live streams as it can; the desk retries, and syncs by polling meanwhile');
    }
    if (live.filter((s) => s.device.stationId === device.stationId).length >= limits.perStation) {
      throw new ApiError(429, 'RATE_LIMITED', `Station ${device.stationId} already holds ${limits.perStation} live streams; close some desks' streams or retry later`);
    }
  };

  app.get(
    '/stream',
    {
      preParsing: [requireProtocolVersion, app.authenticateDevice],
      config: { rateLimit: { max: limits.opensPerMinute, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => request.ip } },
      schema: {
        tags: ['sync'],
        summary: 'Live hints for all collections (text/event-stream); ends when the access token expires',
        security: [{ device: [] }],
        response: errorResponses(401, 426, 429, 503),
      },
    },
    async (request, reply) => {
      const device = request.device;
      if (!device) throw new ApiError(401, 'UNAUTHENTICATED', 'A device access token is required');
      const expiresAt = await tokenExpiry(app, request);
      makeRoom(device);
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
      let expiryTimer: NodeJS.Timeout | undefined;
      const stream: LiveStream = { device, end: (reason) => end(reason) };
      const unsubscribe = app.hints.subscribe(device.stationId, (hint) => send('hint', { collection: hint.collection, seq: hint.seq }));
      const stopRevocations = app.hints.onRevocation((deviceId) => {
        if (deviceId !== device.deviceId) return;
        send('revoked', { code: 'DEVICE_REVOKED' });
        end('');
      });
      /** Ends the stream once the token has expired on the server's clock; true when it did. */
      const expired = () => {
        if (app.now() < expiresAt) return false;
        end('access token expired; reconnect with a fresh one');
        return true;
      };
      const watchExpiry = () => {
        if (!expired()) expiryTimer = setTimeout(watchExpiry, Math.min(MAX_TIMER_MS, Math.max(1, expiresAt - app.now())));
      };
      const heartbeat = setInterval(() => {
        if (!expired()) raw.write(': ping\n\n');
      }, limits.heartbeatMs);
      const end = (reason: string) => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearTimeout(expiryTimer);
        unsubscribe();
        stopRevocations();
        live.splice(live.indexOf(stream), 1);
        if (reason) raw.write(`: ${reason}\n\n`);
        raw.end();
      };
      live.push(stream);
      watchExpiry();
      raw.on('close', () => end(''));
    },
  );
};
