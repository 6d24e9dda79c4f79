/**
 * Authentication for the two kinds of callers.
 *
 * Threats closed:
 * - a desk reading or writing another station's data: the station scope comes only from the
 *   verified access token (`request.device`), never from a payload or URL;
 * - a revoked desk carrying on with a still-valid access token: every request re-reads the device
 *   row, so revocation takes effect on the next request, in every server process;
 * - guessing the admin token by timing: compared in constant time; an empty token disables the
 *   admin API entirely rather than accepting an empty bearer.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findDevice, touchDevice } from '../repositories/devices';
import { ApiError, unauthenticated } from '../errors';
import { createDeviceTokenService, type DeviceTokenService } from '../services/device-tokens';
import { safeEqual, type DeviceContext } from '../crypto/tokens';

export interface AuthOptions {
  /** Bearer token of /api/admin; '' disables the admin API (403). */
  adminToken: string;
  /** Wraps the token-signing keys at rest (PASS_KEY_SECRET); absent: the database-held secret. */
  keyWrapSecret?: string | undefined;
}

type Guard = (request: FastifyRequest) => Promise<void>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated desk; set by `app.authenticateDevice` (routes that require it). */
    device: DeviceContext | null;
  }
  interface FastifyInstance {
    /** preHandler: requires a valid device access token; sets `request.device`. */
    authenticateDevice: Guard;
    /** preHandler: requires the admin token. */
    authenticateAdmin: Guard;
    deviceTokens: DeviceTokenService;
  }
}

const LAST_SEEN_EVERY_MS = 60_000;

const bearer = (request: FastifyRequest): string => {
  const header = request.headers.authorization;
  if (!header) throw unauthenticated('UNAUTHENTICATED', 'Sign in first: send "Authorization: Bearer <token>"');
  const match = /^Bearer +(\S+)$/i.exec(header);
  if (!match) throw unauthenticated('TOKEN_INVALID', 'The Authorization header must be "Bearer <token>"');
  return match[1]!;
};

export const authPlugin = fp(
  async (app: FastifyInstance, options: AuthOptions) => {
    const tokens = createDeviceTokenService(app.db, () => app.now(), options.keyWrapSecret);
    app.decorate('deviceTokens', tokens);
    app.decorateRequest('device', null);

    app.decorate('authenticateDevice', async (request: FastifyRequest) => {
      const verified = await tokens.verify(bearer(request));
      if (!verified.ok) {
        throw verified.reason === 'expired'
          ? unauthenticated('TOKEN_EXPIRED', 'The access token has expired; refresh it')
          : unauthenticated('TOKEN_INVALID', 'The access token is not valid');
      }
      const { deviceId, stationId } = verified.claims;
      const device = await findDevice(app.db, deviceId);
      if (!device || device.stationId !== stationId) throw unauthenticated('TOKEN_INVALID', 'The access token names an unknown device');
      if (device.revokedAt !== null) throw unauthenticated('DEVICE_REVOKED', 'This desk has been revoked; enroll it again');
      const now = app.now();
      if (device.lastSeenAt === null || now - Date.parse(device.lastSeenAt) >= LAST_SEEN_EVERY_MS) {
        await touchDevice(app.db, deviceId, now).catch((error: unknown) => request.log.warn({ err: error }, 'could not record last_seen_at'));
      }
      const context: DeviceContext = { deviceId, stationId };
      request.device = context;
    });

    app.decorate('authenticateAdmin', async (request: FastifyRequest) => {
      if (!options.adminToken) throw new ApiError(403, 'FORBIDDEN', 'The admin API is disabled on this server (no admin token configured)');
      if (!safeEqual(bearer(request), options.adminToken)) throw unauthenticated('TOKEN_INVALID', 'Wrong admin token');
    });
  },
  { name: 'station-desk-auth' },
);
