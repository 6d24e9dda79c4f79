/**
 * Desk enrollment and token refresh (docs/sync-protocol.md "Auth tokens"); the desk-side client is
 * src-main/device.ts. Both routes require the protocol header and are rate limited per address
 * before their body is read, which may be a few KB (docs/security.md "Cheap checks first"):
 * enrollment strictly, since it is the one place an outsider can guess a secret (the code).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  deviceHeadersSchema,
  deviceTokensSchema,
  enrollRequestSchema,
  refreshRequestSchema,
  type DeviceTokens,
  type EnrollRequest,
  type RefreshRequest,
} from '../../shared/protocol/messages';
import { SMALL_BODY_LIMIT_BYTES } from '../plugins/body-parsing';
import { requireProtocolVersion } from '../plugins/protocol-check';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie, wantsCookieDelivery } from '../plugins/refresh-cookie';
import { ApiError, unauthenticated } from '../errors';
import { enrollDevice, rotateRefreshToken } from '../repositories/devices';
import { errorResponses } from '../schemas/responses';

/** Enrollment attempts per address per minute: with 2^40 codes, guessing stays hopeless. */
export const ENROLL_RATE_PER_MINUTE = 10;
export const REFRESH_RATE_PER_MINUTE = 30;

const perAddress = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => request.ip } });

const deliver = (request: FastifyRequest, reply: FastifyReply, tokens: DeviceTokens): DeviceTokens => {
  if (!wantsCookieDelivery(request)) return tokens;
  setRefreshCookie(request, reply, tokens.refreshToken);
  return { ...tokens, refreshToken: '' };
};

export const deviceRoutes = async (app: FastifyInstance) => {
  app.post<{ Body: EnrollRequest }>(
    '/enroll',
    {
      onRequest: requireProtocolVersion,
      bodyLimit: SMALL_BODY_LIMIT_BYTES,
      config: perAddress(ENROLL_RATE_PER_MINUTE),
      schema: {
        summary: 'Enroll a desk with a one-time enrollment code',
        tags: ['devices'],
        headers: deviceHeadersSchema,
        body: enrollRequestSchema,
        response: { 201: deviceTokensSchema, ...errorResponses(400, 410, 426, 429) },
      },
    },
    async (request, reply) => {
      const deskName = request.body.deskName.trim();
      if (!deskName) throw new ApiError(400, 'SCHEMA_VIOLATION', 'deskName must not be blank');
      await app.deviceTokens.ready();
      const result = await enrollDevice(app.db, { code: request.body.code, deskName, now: app.now(), ip: request.ip });
      if (!result.ok) {
        request.log.warn({ ip: request.ip, reason: result.code }, 'enrollment refused');
        throw new ApiError(result.code === 'ENROLLMENT_CODE_EXPIRED' ? 410 : 400, result.code, result.message);
      }
      request.log.info({ deviceId: result.deviceId, stationId: result.stationId }, 'desk enrolled');
      const tokens = await app.deviceTokens.issue(result.deviceId, result.stationId, result.refreshToken);
      return reply.status(201).send(deliver(request, reply, tokens));
    },
  );

  app.post<{ Body: RefreshRequest }>(
    '/refresh',
    {
      onRequest: requireProtocolVersion,
      bodyLimit: SMALL_BODY_LIMIT_BYTES,
      config: perAddress(REFRESH_RATE_PER_MINUTE),
      schema: {
        summary: 'Exchange a refresh token for a new access token and a rotated refresh token',
        description: 'Each refresh token works once. Presenting a spent one again revokes the desk (REFRESH_TOKEN_REUSED).',
        tags: ['devices'],
        headers: deviceHeadersSchema,
        body: refreshRequestSchema,
        response: { 200: deviceTokensSchema, ...errorResponses(400, 401, 426, 429) },
      },
    },
    async (request, reply) => {
      const { deviceId } = request.body;
      const cookieMode = wantsCookieDelivery(request);
      const presented = request.body.refreshToken || readRefreshCookie(request);
      if (!presented) throw unauthenticated('UNAUTHENTICATED', 'No refresh token: send it in the body or the sd_refresh cookie');
      await app.deviceTokens.ready();
      const result = await rotateRefreshToken(app.db, { deviceId, refreshToken: presented, now: app.now() });
      if (!result.ok) {
        if (result.revokedNow) request.log.warn({ deviceId }, 'refresh token reused: device revoked');
        if (cookieMode) clearRefreshCookie(request, reply);
        throw unauthenticated(result.code, result.message);
      }
      const tokens = await app.deviceTokens.issue(deviceId, result.stationId, result.refreshToken);
      return reply.send(deliver(request, reply, tokens));
    },
  );
};
