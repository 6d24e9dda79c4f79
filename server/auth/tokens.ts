/**
 * Device credentials.
 *
 * Threats closed:
 * - a forged or altered access token (another station's scope, a later expiry): tokens are
 *   HMAC-SHA256 signed with a 32-byte server secret and compared in constant time;
 * - a stolen access token lives at most ACCESS_TOKEN_TTL_MS;
 * - a database leak hands out no usable refresh token: only SHA-256 hashes are stored (the tokens
 *   are 256 random bits, so a plain hash cannot be reversed);
 * - a copied refresh token: tokens rotate on every use and reuse revokes the device
 *   (see repositories/devices.ts for the rotation and the lost-response grace rule).
 *
 * Access token: `sd1.<base64url JSON {deviceId, stationId, exp}>.<base64url HMAC>`, exp in ms.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DeviceContext } from './device-context';

export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
const PREFIX = 'sd1';
const TOKEN_MAX = 1024;
const ID_MAX = 64;

export interface AccessClaims extends DeviceContext {
  /** ms since epoch */
  exp: number;
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: 'invalid' | 'expired' };

const mac = (secret: Buffer, signed: string): Buffer => createHmac('sha256', secret).update(signed).digest();

export const signAccessToken = (secret: Buffer, claims: AccessClaims): string => {
  const payload = Buffer.from(JSON.stringify({ deviceId: claims.deviceId, stationId: claims.stationId, exp: claims.exp })).toString('base64url');
  const signed = `${PREFIX}.${payload}`;
  return `${signed}.${mac(secret, signed).toString('base64url')}`;
};

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= ID_MAX;

/** Checks the signature first: only a genuine token can be reported as expired. */
export const verifyAccessToken = (secret: Buffer, token: string, now: number): VerifyResult => {
  const invalid: VerifyResult = { ok: false, reason: 'invalid' };
  if (token.length > TOKEN_MAX) return invalid;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return invalid;
  const [, payload = '', signature = ''] = parts;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, `${PREFIX}.${payload}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
  let claims: Partial<AccessClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<AccessClaims>;
  } catch {
    return invalid;
  }
  if (typeof claims !== 'object' || claims === null || !isId(claims.deviceId) || !isId(claims.stationId)) return invalid;
  if (typeof claims.exp !== 'number' || !Number.isSafeInteger(claims.exp)) return invalid;
  if (claims.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { deviceId: claims.deviceId, stationId: claims.stationId, exp: claims.exp } };
};

/** 32 random bytes, base64url (43 characters). */
export const newRefreshToken = (): string => randomBytes(32).toString('base64url');

/** How refresh tokens and enrollment codes are stored: SHA-256, hex. */
export const hashSecret = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** Constant-time equality of two strings of any length (compares their SHA-256 digests). */
export const safeEqual = (a: string, b: string): boolean =>
  timingSafeEqual(createHash('sha256').update(a, 'utf8').digest(), createHash('sha256').update(b, 'utf8').digest());
