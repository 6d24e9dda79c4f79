/**
 * Desk enrollment and token refresh (docs/sync-protocol.md "Auth tokens"); the desk-side client is
 * src-main/device.ts. Both routes require the protocol header and are rate limited per address:
 * enrollment strictly, since it is the one place an outsider can guess a secret (the code).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DeviceTokens, EnrollRequest, RefreshRequest } from '../../shared/protocol/messages';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version';
import { requireProtocolVersion } from '../plugins/protocol-check';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie, wantsCookieDelivery } from '../plugins/refresh-cookie';
import { ApiError, unauthenticated } from '../errors';
import { enrollDevice, rotateRefreshToken } from '../repositories/devices';
import { errorResponses, singleLine } from './schemas';

/** Enrollment attempts per address per minute: with 2^40 codes, guessing stays hopeless. */
export const ENROLL_RATE_PER_MINUTE = 10;
export const REFRESH_RATE_PER_MINUTE = 30;

const tokensSchema = {
  type: 'object',
  properties: {
    deviceId: { type: 'string' },
    stationId: { type: 'string' },
    accessToken: { type: 'string' },
    accessExpiresAt: { type: 'integer', description: 'ms since epoch' },
    refreshToken: { type: 'string', description: "'' when delivered as the sd_refresh cookie" },
  },
  required: ['deviceId', 'stationId', 'accessToken', 'accessExpiresAt', 'refreshToken'],
} as const;

const headers = {
  type: 'object',
  properties: {
    [PROTOCOL_HEADER]: { type: 'string', description: `Sync protocol version (${PROTOCOL_VERSION})` },
    'x-token-delivery': { type: 'string', enum: ['cookie', 'body'], description: 'Web build: `cookie` delivers the refresh token as an HttpOnly cookie' },
  },
  required: [PROTOCOL_HEADER],
} as const;

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
      config: perAddress(ENROLL_RATE_PER_MINUTE),
      schema: {
        summary: 'Enroll a desk with a one-time enrollment code',
        tags: ['devices'],
        headers,
        body: {
          type: 'object',
          properties: {
            code: { type: 'string', minLength: 1, maxLength: 32, description: 'XXXX-XXXX (case, spaces and hyphens are ignored)' },
            deskName: singleLine(1, 40),
          },
          required: ['code', 'deskName'],
          additionalProperties: false,
        },
        response: { 201: tokensSchema, ...errorResponses(400, 410, 426, 429) },
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
      config: perAddress(REFRESH_RATE_PER_MINUTE),
      schema: {
        summary: 'Exchange a refresh token for a new access token and a rotated refresh token',
        description: 'Each refresh token works once. Presenting a spent one again revokes the desk (REFRESH_TOKEN_REUSED).',
        tags: ['devices'],
        headers,
        body: {
          type: 'object',
          properties: {
            deviceId: { type: 'string', minLength: 1, maxLength: 64 },
            refreshToken: { type: 'string', maxLength: 100, description: "'' to use the sd_refresh cookie" },
          },
          required: ['deviceId', 'refreshToken'],
          additionalProperties: false,
        },
        response: { 200: tokensSchema, ...errorResponses(400, 401, 426, 429) },
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
        if (result.revokedNow) {
          request.log.warn({ deviceId }, 'refresh token reused: device revoked');
          await app.hints.publishRevocation(deviceId);
        }
        if (cookieMode) clearRefreshCookie(request, reply);
        throw unauthenticated(result.code, result.message);
      }
      const tokens = await app.deviceTokens.issue(deviceId, result.stationId, result.refreshToken);
      return reply.send(deliver(request, reply, tokens));
    },
  );
};
