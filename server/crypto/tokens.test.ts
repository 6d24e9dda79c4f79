import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { canonicalEnrollmentCode, newEnrollmentCode } from './enrollment-code';
import { ACCESS_TOKEN_TTL_MS, hashSecret, newRefreshToken, safeEqual, signAccessToken, verifyAccessToken } from './tokens';

const secret = randomBytes(32);
const now = 1_800_000_000_000;
const claims = { deviceId: 'DEV1', stationId: 'ST-A', exp: now + ACCESS_TOKEN_TTL_MS };
const token = signAccessToken(secret, claims);
const [prefix, payload, signature] = token.split('.') as [string, string, string];
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens', () => {
  test('a token verifies until it expires, then reports expired', () => {
    expect(verifyAccessToken(secret, token, now)).toEqual({ ok: true, claims });
    expect(verifyAccessToken(secret, token, claims.exp - 1).ok).toBe(true);
    expect(verifyAccessToken(secret, token, claims.exp)).toEqual({ ok: false, reason: 'expired' });
  });

  test.each([
    ['another station with the old signature', `${prefix}.${b64({ ...claims, stationId: 'ST-B' })}.${signature}`],
    ['a later expiry with the old signature', `${prefix}.${b64({ ...claims, exp: claims.exp + 1 })}.${signature}`],
    ['no signature', `${prefix}.${payload}.`],
    ['a truncated signature', `${prefix}.${payload}.${signature.slice(0, 20)}`],
    ['another prefix', `sd2.${payload}.${signature}`],
    ['four parts', `${token}.x`],
    ['a token signed with another secret', signAccessToken(randomBytes(32), claims)],
    ['garbage', 'not-a-token'],
    ['empty', ''],
    ['huge', `${prefix}.${'A'.repeat(5000)}.${signature}`],
  ])('refuses %s as invalid', (_name, forged) => {
    expect(verifyAccessToken(secret, forged, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  test('an expired forgery is reported invalid, not expired', () => {
    const forged = `${prefix}.${b64({ ...claims, exp: now - 1 })}.${signature}`;
    expect(verifyAccessToken(secret, forged, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  test('well-signed payloads of the wrong shape are refused', () => {
    for (const bad of [{ deviceId: '', stationId: 'S', exp: now + 1 }, { deviceId: 'D', stationId: 'S', exp: 'soon' }, { deviceId: 'D'.repeat(65), stationId: 'S', exp: now + 1 }]) {
      expect(verifyAccessToken(secret, signAccessToken(secret, bad as never), now).ok).toBe(false);
    }
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
