/**
 * Device credentials.
 *
 * Threats closed:
 * - a forged or altered access token (another station's scope, a later expiry): tokens are
 *   HMAC-SHA256 signed with a 32-byte key (wrapped at rest, services/token-keys.ts) and compared
 *   in constant time, in exactly one spelling (signed-token.ts);
 * - a stolen access token lives at most ACCESS_TOKEN_TTL_MS, and a token claiming a longer life
 *   (forged with a leaked key) is refused on verify;
 * - a database leak hands out no usable refresh token: only SHA-256 hashes are stored (the tokens
 *   are 256 random bits, so a plain hash cannot be reversed);
 * - a copied refresh token: tokens rotate on every use and reuse revokes the device
 *   (see repositories/devices.ts for the rotation and the lost-response grace rule).
 *
 * Access token: `sd1.<kid>.<base64url JSON {deviceId, stationId, iat, exp}>.<base64url HMAC>`, times in ms.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isTokenId, openToken, signToken, tokenLifetime, type KeyLookup, type SigningKey } from './signed-token';

/** Who is calling: read from the device's verified access token, never from a payload. */
export interface DeviceContext {
  deviceId: string;
  stationId: string;
}

export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
export const ACCESS_TOKEN_PREFIX = 'sd1';

export interface AccessClaims extends DeviceContext {
  /** ms since epoch */
  exp: number;
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: 'invalid' | 'expired' };

/** `iat` is the signing time (the lifetime bound on verify is exp − iat ≤ ACCESS_TOKEN_TTL_MS). */
export const signAccessToken = (key: SigningKey, claims: AccessClaims, iat: number): string =>
  signToken(key, ACCESS_TOKEN_PREFIX, { deviceId: claims.deviceId, stationId: claims.stationId, iat, exp: claims.exp });

/** Checks the signature first: only a genuine token can be reported as expired. */
export const verifyAccessToken = (keys: KeyLookup, token: string, now: number): VerifyResult => {
  const opened = openToken(keys, ACCESS_TOKEN_PREFIX, token);
  const exp = opened && tokenLifetime(opened, now, ACCESS_TOKEN_TTL_MS);
  const claims = opened?.claims;
  if (!claims || !isTokenId(claims.deviceId) || !isTokenId(claims.stationId) || exp === null || exp === undefined) return { ok: false, reason: 'invalid' };
  if (exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { deviceId: claims.deviceId, stationId: claims.stationId, exp } };
};

/** 32 random bytes, base64url (43 characters). */
export const newRefreshToken = (): string => randomBytes(32).toString('base64url');

/** How refresh tokens and enrollment codes are stored: SHA-256, hex. */
export const hashSecret = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** Constant-time equality of two strings of any length (compares their SHA-256 digests). */
export const safeEqual = (a: string, b: string): boolean =>
  timingSafeEqual(createHash('sha256').update(a, 'utf8').digest(), createHash('sha256').update(b, 'utf8').digest());
