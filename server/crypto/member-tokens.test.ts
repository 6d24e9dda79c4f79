import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { MEMBER_TOKEN_TTL_MS, signMemberToken, verifyMemberToken } from './member-tokens';
import type { KeyLookup, SigningKey } from './signed-token';
import { signAccessToken, verifyAccessToken } from './tokens';

const key: SigningKey = { kid: 'TKEY1', secret: randomBytes(32) };
const secret: KeyLookup = (kid) => (kid === key.kid ? key.secret : null);
const now = 1_800_000_000_000;
const claims = { memberId: 'M-1', stationId: 'ST-A', exp: now + MEMBER_TOKEN_TTL_MS };
const token = signMemberToken(key, claims, now);
const [prefix, kid, payload, signature] = token.split('.') as [string, string, string, string];
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const body = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;

describe('member tokens', () => {
  test('verify until they expire, then report expired', () => {
    expect(verifyMemberToken(secret, token, now)).toEqual({ ok: true, claims });
    expect(verifyMemberToken(secret, token, claims.exp)).toEqual({ ok: false, reason: 'expired' });
  });

  test.each([
    ['another member with the old signature', `${prefix}.${kid}.${b64({ ...body, memberId: 'M-2' })}.${signature}`],
    ['another station with the old signature', `${prefix}.${kid}.${b64({ ...body, stationId: 'ST-B' })}.${signature}`],
    ['a later expiry with the old signature', `${prefix}.${kid}.${b64({ ...body, exp: claims.exp + 1 })}.${signature}`],
    ['the desk prefix', `sd1.${kid}.${payload}.${signature}`],
    ['signed with another key', signMemberToken({ kid: key.kid, secret: randomBytes(32) }, claims, now)],
    ['a desk token signed with the same key', signAccessToken(key, { deviceId: 'M-1', stationId: 'ST-A', exp: claims.exp }, now)],
    ['no signature', `${prefix}.${kid}.${payload}.`],
    ['a padded signature', `${token}=`],
    ['longer than a member session', signMemberToken(key, { ...claims, exp: now + MEMBER_TOKEN_TTL_MS + 1 }, now)],
    ['garbage', 'sm1.x.y'],
    ['huge', `${prefix}.${kid}.${'A'.repeat(5000)}.${signature}`],
  ])('refuse %s', (_name, forged) => {
    expect(verifyMemberToken(secret, forged, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  test('a well-signed payload without the member audience is refused', () => {
    const signed = `sm1.${kid}.${b64({ ...body, aud: 'device' })}`;
    const forged = `${signed}.${createHmac('sha256', key.secret).update(signed).digest('base64url')}`;
    expect(verifyMemberToken(secret, forged, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  test('a member token never passes as a desk token, even with the same key', () => {
    expect(verifyAccessToken(secret, token, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});
