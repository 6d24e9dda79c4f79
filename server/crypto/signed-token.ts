/**
 * The signed-token format both kinds of token use (device access tokens, tokens.ts; member
 * tokens, member-tokens.ts): `<prefix>.<kid>.<base64url JSON>.<base64url HMAC-SHA256 of
 * prefix.kid.payload>`. The key id names which of the purpose's keys signed it (a rotation keeps
 * the previous key verifying, docs/security.md "Tokens and credentials").
 *
 * Threats closed:
 * - a forged or altered token: the signature is compared in constant time and checked before the
 *   payload is parsed, so nothing in a forged token is ever believed; callers then validate the
 *   claims they expect;
 * - one token in several spellings (padding, `+`/`/`, non-zero trailing bits, stray characters):
 *   every part must be canonical base64url without padding, so exactly one text is accepted;
 * - a token that lives for ever (signed by someone holding a key, e.g. from an old backup): the
 *   issue time `iat` is required, and a token whose lifetime (exp − iat) exceeds the purpose's
 *   maximum, or that was issued or expires too far in the future, is refused (`tokenLifetime`).
 *
 * Tokens from before key ids (`<prefix>.<payload>.<sig>`, no iat) are read as signed by the key
 * `LEGACY_KID`, which exists only while the plain key they were signed with is being retired
 * (services/token-keys.ts), and only their expiry bound is checked.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeBase64url } from '../../shared/passes/base64url';

export const TOKEN_MAX = 1024;
const ID_MAX = 64;
const SIGNATURE_BYTES = 32;
/** Key ids: what services/token-keys.ts makes, and the legacy key's. */
export const KID_PATTERN = /^[0-9A-Za-z]{1,16}$/;
export const LEGACY_KID = 'legacy';
/** Clock difference allowed between the server process that signs and the one that verifies. */
export const TOKEN_CLOCK_SKEW_MS = 60_000;

export interface SigningKey {
  kid: string;
  secret: Buffer;
}

/** The verification key with this id, or null (unknown or retired). */
export type KeyLookup = (kid: string) => Buffer | null;

const mac = (secret: Buffer, signed: string): Buffer => createHmac('sha256', secret).update(signed).digest();

export const signToken = (key: SigningKey, prefix: string, body: object): string => {
  const signed = `${prefix}.${key.kid}.${Buffer.from(JSON.stringify(body)).toString('base64url')}`;
  return `${signed}.${mac(key.secret, signed).toString('base64url')}`;
};

interface TokenParts {
  kid: string;
  /** The text the signature covers. */
  signed: string;
  payload: string;
  signature: string;
  legacy: boolean;
}

const split = (prefix: string, token: string): TokenParts | null => {
  if (token.length > TOKEN_MAX) return null;
  const parts = token.split('.');
  if (parts[0] !== prefix) return null;
  if (parts.length === 4) {
    const [, kid = '', payload = '', signature = ''] = parts;
    return { kid, signed: `${prefix}.${kid}.${payload}`, payload, signature, legacy: false };
  }
  if (parts.length === 3) {
    const [, payload = '', signature = ''] = parts;
    return { kid: LEGACY_KID, signed: `${prefix}.${payload}`, payload, signature, legacy: true };
  }
  return null;
};

/** The key id a token names (no crypto, nothing believed): lets the caller load a key it lacks. */
export const tokenKeyId = (prefix: string, token: string): string | null => {
  const parts = split(prefix, token);
  return parts && KID_PATTERN.test(parts.kid) ? parts.kid : null;
};

export interface OpenedToken {
  claims: Record<string, unknown>;
  /** Signed before key ids (no `iat` claim to bound its lifetime by). */
  legacy: boolean;
}

/** The payload of a genuine token with this prefix, or null (too long, malformed, not canonical, unknown key, forged, not an object). */
export const openToken = (keys: KeyLookup, prefix: string, token: string): OpenedToken | null => {
  const parts = split(prefix, token);
  if (!parts || !KID_PATTERN.test(parts.kid)) return null;
  const secret = keys(parts.kid);
  const given = decodeBase64url(parts.signature);
  if (!secret || !given || given.length !== SIGNATURE_BYTES) return null;
  if (!timingSafeEqual(given, mac(secret, parts.signed))) return null;
  const payload = decodeBase64url(parts.payload);
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload).toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? { claims: claims as Record<string, unknown>, legacy: parts.legacy } : null;
  } catch {
    return null;
  }
};

export const isTokenId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= ID_MAX;

/** A time claim: a whole number of ms since epoch, or null. */
export const tokenTime = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);

/**
 * The expiry of a genuine token whose lifetime is within `maxLifetimeMs`, or null: issued (iat)
 * no later than now + skew, expiring no later than iat + maxLifetimeMs and now + maxLifetimeMs +
 * skew. A legacy token carries no iat; only the last bound applies to it.
 */
export const tokenLifetime = (opened: OpenedToken, now: number, maxLifetimeMs: number): number | null => {
  const exp = tokenTime(opened.claims.exp);
  if (exp === null || exp > now + maxLifetimeMs + TOKEN_CLOCK_SKEW_MS) return null;
  if (opened.legacy) return exp;
  const iat = tokenTime(opened.claims.iat);
  if (iat === null || iat > now + TOKEN_CLOCK_SKEW_MS || exp < iat || exp - iat > maxLifetimeMs) return null;
  return exp;
};
