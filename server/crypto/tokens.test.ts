import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { canonicalEnrollmentCode, newEnrollmentCode } from './enrollment-code';
import { LEGACY_KID, TOKEN_CLOCK_SKEW_MS, type KeyLookup, type SigningKey } from './signed-token';
import { ACCESS_TOKEN_TTL_MS, hashSecret, newRefreshToken, safeEqual, signAccessToken, verifyAccessToken } from './tokens';

const key: SigningKey = { kid: 'TKEY1', secret: randomBytes(32) };
const keys: KeyLookup = (kid) => (kid === key.kid ? key.secret : null);
const now = 1_800_000_000_000;
const claims = { deviceId: 'DEV1', stationId: 'ST-A', exp: now + ACCESS_TOKEN_TTL_MS };
const token = signAccessToken(key, claims, now);
const [prefix, kid, payload, signature] = token.split('.') as [string, string, string, string];
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const body = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
/** What someone holding the key could sign: any claims, in the current or the pre-key-id format. */
const forge = (claims: Record<string, unknown>, legacy = false) => {
  const signed = legacy ? `${prefix}.${b64(claims)}` : `${prefix}.${kid}.${b64(claims)}`;
  return `${signed}.${createHmac('sha256', key.secret).update(signed).digest('base64url')}`;
};

describe('access tokens', () => {
  test('a token verifies until it expires, then reports expired', () => {
    expect(token.split('.')).toHaveLength(4);
    expect(kid).toBe(key.kid);
    expect(verifyAccessToken(keys, token, now)).toEqual({ ok: true, claims });
    expect(verifyAccessToken(keys, token, claims.exp - 1).ok).toBe(true);
    expect(verifyAccessToken(keys, token, claims.exp)).toEqual({ ok: false, reason: 'expired' });
  });

  test.each([
    ['another station with the old signature', `${prefix}.${kid}.${b64({ ...body, stationId: 'ST-B' })}.${signature}`],
    ['a later expiry with the old signature', `${prefix}.${kid}.${b64({ ...body, exp: claims.exp + 1 })}.${signature}`],
    ['no signature', `${prefix}.${kid}.${payload}.`],
    ['a truncated signature', `${prefix}.${kid}.${payload}.${signature.slice(0, 20)}`],
    ['another prefix', `sd2.${kid}.${payload}.${signature}`],
    ['an unknown key id', `${prefix}.TOTHER.${payload}.${signature}`],
    ['a key id of the wrong shape', `${prefix}.${kid}!.${payload}.${signature}`],
    ['no key id (read as the legacy key, which this keyring lacks)', `${prefix}.${payload}.${signature}`],
    ['five parts', `${token}.x`],
    ['a token signed with another secret', signAccessToken({ kid: key.kid, secret: randomBytes(32) }, claims, now)],
    ['garbage', 'not-a-token'],
    ['empty', ''],
    ['huge', `${prefix}.${kid}.${'A'.repeat(5000)}.${signature}`],
  ])('refuses %s as invalid', (_name, forged) => {
    expect(verifyAccessToken(keys, forged, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  test('an expired forgery is reported invalid, not expired', () => {
    const forged = `${prefix}.${kid}.${b64({ ...body, exp: now - 1 })}.${signature}`;
    expect(verifyAccessToken(keys, forged, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  test('well-signed payloads of the wrong shape are refused', () => {
    for (const bad of [{ deviceId: '', stationId: 'S', exp: now + 1 }, { deviceId: 'D', stationId: 'S', exp: 'soon' }, { deviceId: 'D'.repeat(65), stationId: 'S', exp: now + 1 }]) {
      expect(verifyAccessToken(keys, signAccessToken(key, bad as never, now), now).ok).toBe(false);
    }
  });

  // Issue 10, finding 5: with the key (read from a database that held it plain) a desk token
  // valid until 2100 was forged and used. The lifetime is bounded on verify, whoever signed.
  const DESK = { deviceId: 'DEV1', stationId: 'ST-A' };
  const YEAR_2100 = Date.UTC(2100, 0, 1);
  test.each([
    ['valid until 2100, issued now', { ...DESK, iat: now, exp: YEAR_2100 }, false],
    ['valid until 2100, issued in 2100', { ...DESK, iat: YEAR_2100 - ACCESS_TOKEN_TTL_MS, exp: YEAR_2100 }, false],
    ['one ms longer than the lifetime', { ...DESK, iat: now, exp: now + ACCESS_TOKEN_TTL_MS + 1 }, false],
    ['issued two minutes in the future', { ...DESK, iat: now + 120_000, exp: now + 120_000 + 60_000 }, false],
    ['expiring before it was issued', { ...DESK, iat: now, exp: now - 1 }, false],
    ['without an issue time', { ...DESK, exp: now + 60_000 }, false],
    ['with an issue time that is not a number', { ...DESK, iat: String(now), exp: now + 60_000 }, false],
    ['legacy format valid until 2100', { ...DESK, exp: YEAR_2100 }, true],
    ['legacy format one lifetime and a skew ahead', { ...DESK, exp: now + ACCESS_TOKEN_TTL_MS + TOKEN_CLOCK_SKEW_MS + 1 }, true],
  ])('refuses a well-signed token %s', (_name, forgedClaims, legacy) => {
    const lookup: KeyLookup = (id) => (id === key.kid || id === LEGACY_KID ? key.secret : null);
    expect(verifyAccessToken(lookup, forge(forgedClaims, legacy), now)).toEqual({ ok: false, reason: 'invalid' });
  });

  test.each([
    ['the full lifetime', { ...DESK, iat: now, exp: now + ACCESS_TOKEN_TTL_MS }, false],
    ['issued on a server clock a little ahead', { ...DESK, iat: now + 30_000, exp: now + 30_000 + ACCESS_TOKEN_TTL_MS }, false],
    ['a legacy token (before key ids) still within its lifetime', { ...DESK, exp: now + 60_000 }, true],
  ])('accepts a well-signed token with %s', (_name, honest, legacy) => {
    const lookup: KeyLookup = (id) => (id === key.kid || id === LEGACY_KID ? key.secret : null);
    expect(verifyAccessToken(lookup, forge(honest, legacy), now).ok).toBe(true);
  });

  // Issue 10, finding 8: a token's signature was accepted in several spellings. Every part is
  // canonical base64url without padding; each other spelling of the same bytes is refused.
  const withDash = (() => {
    for (let iat = now; ; iat++) {
      const t = signAccessToken(key, { ...claims, exp: iat + 60_000 }, iat);
      if (/[-_]/.test(t.split('.')[3]!)) return t;
    }
  })();
  const [, , dashPayload, dashSig] = withDash.split('.') as [string, string, string, string];
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const lastBitsSet = (sig: string) => sig.slice(0, -1) + ALPHABET[ALPHABET.indexOf(sig.at(-1)!) | 1]!;
  const spell = (sig: string, pay = dashPayload) => `${prefix}.${kid}.${pay}.${sig}`;
  test.each([
    ['padded with =', spell(`${dashSig}=`)],
    ['padded with ==', spell(`${dashSig}==`)],
    ['in the standard alphabet (+ and /)', spell(dashSig.replaceAll('-', '+').replaceAll('_', '/'))],
    ['standard base64 with padding', spell(Buffer.from(dashSig, 'base64url').toString('base64'))],
    ['with non-zero trailing bits', spell(lastBitsSet(dashSig))],
    ['with a stray character', spell(`${dashSig.slice(0, 10)}*${dashSig.slice(10)}`)],
    ['with a percent-encoded character', spell(dashSig.replace(/[-_]/, (c) => (c === '-' ? '%2D' : '%5F')))],
    ['payload padded', spell(dashSig, `${dashPayload}=`)],
  ])('refuses the signature %s', (_name, respelled) => {
    expect(verifyAccessToken(keys, withDash, now).ok).toBe(true);
    expect(respelled).not.toBe(withDash);
    expect(verifyAccessToken(keys, respelled, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  test('a token of the previous key verifies as long as the keyring holds that key', () => {
    const previous: SigningKey = { kid: 'TKEY0', secret: randomBytes(32) };
    const old = signAccessToken(previous, claims, now);
    const both: KeyLookup = (id) => (id === key.kid ? key.secret : id === previous.kid ? previous.secret : null);
    expect(verifyAccessToken(both, old, now).ok).toBe(true);
    expect(verifyAccessToken(both, token, now).ok).toBe(true);
    expect(verifyAccessToken(keys, old, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('refresh tokens and secrets', () => {
  test('refresh tokens are 256 random bits, hashed for storage', () => {
    const a = newRefreshToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(newRefreshToken());
    expect(hashSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(a)).not.toContain(a);
  });

  test('safeEqual compares strings of any length', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', 'x')).toBe(false);
  });
});

describe('enrollment codes', () => {
  test('codes are XXXX-XXXX in Crockford base32 and canonicalize to themselves', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const code = newEnrollmentCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(canonicalEnrollmentCode(code)).toBe(code.replace('-', ''));
      seen.add(code);
    }
    expect(seen.size).toBe(200);
  });

  test.each([
    ['k7qf-92xd', 'K7QF92XD'],
    [' K7QF 92XD ', 'K7QF92XD'],
    ['K7QF92XD', 'K7QF92XD'],
    ['k7qf--92xd', 'K7QF92XD'],
    ['O0IL-1111', '00111111'],
  ])('what staff type (%s) is read as %s', (typed, canonical) => {
    expect(canonicalEnrollmentCode(typed)).toBe(canonical);
  });

  test.each(['', 'ABC', 'K7QF-92XDX', 'UUUU-UUUU', 'K7QF-92X!', '水水水水-水水水水'])('%s cannot be a code', (typed) => {
    expect(canonicalEnrollmentCode(typed)).toBeNull();
  });
});
