/**
 * Issues and verifies device tokens with the signing secret from the database (loaded once per
 * process, created on first use). The clock is injected so tests can expire tokens.
 */
import type { DeviceTokens } from '../../shared/protocol/messages';
import type { Queryable } from '../db/database';
import { ACCESS_TOKEN_SECRET, getOrCreateSecret } from '../repositories/secrets';
import { ACCESS_TOKEN_TTL_MS, signAccessToken, verifyAccessToken, type VerifyResult } from '../crypto/tokens';

export interface DeviceTokenService {
  /** Loads the signing secret; call before spending a code or token, so issuing cannot fail after. */
  ready(): Promise<void>;
  /** A fresh access token for the device, packaged with its (already stored) refresh token. */
  issue(deviceId: string, stationId: string, refreshToken: string): Promise<DeviceTokens>;
  verify(accessToken: string): Promise<VerifyResult>;
}

export const createDeviceTokenService = (db: Queryable, now: () => number): DeviceTokenService => {
  let secret: Promise<Buffer> | null = null;
  const key = (): Promise<Buffer> =>
    (secret ??= getOrCreateSecret(db, ACCESS_TOKEN_SECRET).catch((error: unknown) => {
      secret = null; // a database hiccup must not poison the cache
      throw error;
    }));
  return {
    async ready() {
      await key();
    },
    async issue(deviceId, stationId, refreshToken) {
      const accessExpiresAt = now() + ACCESS_TOKEN_TTL_MS;
      const accessToken = signAccessToken(await key(), { deviceId, stationId, exp: accessExpiresAt });
      return { deviceId, stationId, accessToken, accessExpiresAt, refreshToken };
    },
    async verify(accessToken) {
      return verifyAccessToken(await key(), accessToken, now());
    },
  };
};
