/**
 * Issues and verifies device tokens with the access-token keyring (services/token-keys.ts: wrapped
 * keys in the database, loaded per process, created on first use, rotated without signing desks
 * out). The clock is injected so tests can expire tokens.
 */
import type { DeviceTokens } from '../../shared/protocol/messages';
import type { Database } from '../db/database';
import { ACCESS_TOKEN_SECRET } from '../repositories/secrets';
import { ACCESS_TOKEN_PREFIX, ACCESS_TOKEN_TTL_MS, signAccessToken, verifyAccessToken, type VerifyResult } from '../crypto/tokens';
import { createTokenKeyring, type KeyRotation } from './token-keys';

export interface DeviceTokenService {
  /** Loads the signing key; call before spending a code or token, so issuing cannot fail after. */
  ready(): Promise<void>;
  /** A fresh access token for the device, packaged with its (already stored) refresh token. */
  issue(deviceId: string, stationId: string, refreshToken: string): Promise<DeviceTokens>;
  verify(accessToken: string): Promise<VerifyResult>;
  /** A new signing key; the old one verifies until its tokens have expired (or now, with retireOld). */
  rotate(options?: { retireOld?: boolean }): Promise<KeyRotation>;
}

export const createDeviceTokenService = (db: Database, now: () => number, wrapSecret?: string): DeviceTokenService => {
  const keys = createTokenKeyring(db, { purpose: 'access', maxLifetimeMs: ACCESS_TOKEN_TTL_MS, legacySecretName: ACCESS_TOKEN_SECRET, wrapSecret, now });
  return {
    async ready() {
      await keys.signingKey();
    },
    async issue(deviceId, stationId, refreshToken) {
      const iat = now();
      const accessExpiresAt = iat + ACCESS_TOKEN_TTL_MS;
      const accessToken = signAccessToken(await keys.signingKey(), { deviceId, stationId, exp: accessExpiresAt }, iat);
      return { deviceId, stationId, accessToken, accessExpiresAt, refreshToken };
    },
    verify: (accessToken) => keys.verify(ACCESS_TOKEN_PREFIX, accessToken, (lookup) => verifyAccessToken(lookup, accessToken, now())),
    rotate: (options) => keys.rotate(options),
  };
};
