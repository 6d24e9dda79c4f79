/**
 * The signed-token format both kinds of token use (device access tokens, tokens.ts; member
 * tokens, member-tokens.ts): `<prefix>.<base64url JSON>.<base64url HMAC-SHA256 of prefix.payload>`.
 * The signature is compared in constant time and checked before the payload is parsed, so nothing
 * in a forged token is ever believed; callers then validate the claims they expect.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOKEN_MAX = 1024;
const ID_MAX = 64;

const mac = (secret: Buffer, signed: string): Buffer => createHmac('sha256', secret).update(signed).digest();

export const signToken = (secret: Buffer, prefix: string, body: object): string => {
  const signed = `${prefix}.${Buffer.from(JSON.stringify(body)).toString('base64url')}`;
  return `${signed}.${mac(secret, signed).toString('base64url')}`;
};

/** The payload of a genuine token with this prefix, or null (too long, malformed, forged, not an object). */
export const openToken = (secret: Buffer, prefix: string, token: string): Record<string, unknown> | null => {
  if (token.length > TOKEN_MAX) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== prefix) return null;
  const [, payload = '', signature = ''] = parts;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, `${prefix}.${payload}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

export const isTokenId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= ID_MAX;

/** The expiry claim: a whole number of ms since epoch, or null. */
export const tokenExpiry = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);
