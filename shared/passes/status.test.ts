import { describe, expect, test } from 'vitest';
import type { TrustDoc } from '../schemas/trust';
import { encodeBase64url } from './base64url';
import { passSigningInput, type ParsedPass, type PassPayload } from './format';
import { CLOCK_SKEW_S, passStatus } from './status';

const NOW = Date.UTC(2026, 10, 30, 2, 0, 0);
const S = Math.floor(NOW / 1000);
const DAY = 86_400;
const iso = (s: number) => new Date(s * 1000).toISOString();

const key = (kid: string, from: number, until: number): TrustDoc => ({
  id: `key-${kid}`, stationId: 'global', serverRev: 1, updatedAt: iso(from),
  kind: 'key', kid, publicKey: encodeBase64url(new Uint8Array(32).fill(7)), passId: '', memberId: '', validFrom: iso(from), validUntil: iso(until),
});
const revocation = (fields: Partial<TrustDoc>): TrustDoc => ({
  id: `rev-${Math.random()}`, stationId: 'global', serverRev: 2, updatedAt: iso(S), kind: 'revocation',
  kid: '', publicKey: '', passId: '', memberId: '', validFrom: iso(S), validUntil: iso(S + 365 * DAY), ...fields,
});
const pass = (fields: Partial<PassPayload> = {}): ParsedPass => {
  const payload: PassPayload = { p: 'P1', m: 'M1', c: 'U', v: S + 30 * DAY, k: 'K1', i: S - DAY, ...fields };
  return { ok: true, payload, signedBytes: new Uint8Array(Buffer.from(passSigningInput(payload))), signature: new Uint8Array(64) };
};
const KEY = key('K1', S - 100 * DAY, S + 700 * DAY);

describe('passStatus (the signature outcome is given)', () => {
  test.each<[string, ParsedPass, TrustDoc[], boolean, number, string]>([
    ['a good pass', pass(), [KEY], true, NOW, 'valid'],
    ['a bad signature', pass(), [KEY], false, NOW, 'bad-signature'],
    ['an unknown key id', pass({ k: 'K2' }), [KEY], true, NOW, 'unknown-key'],
    ['no trust data at all', pass(), [], true, NOW, 'unknown-key'],
    ['a revocation document is not a key', pass(), [revocation({ kid: 'K1' })], true, NOW, 'unknown-key'],
    ['a key not active yet', pass({ i: S + 10 * DAY }), [key('K1', S + 5 * DAY, S + 700 * DAY)], true, NOW, 'unknown-key'],
    ['a key activated a minute ago on a slow desk clock', pass({ i: S + 60 }), [key('K1', S + 60, S + 700 * DAY)], true, NOW, 'valid'],
    ['a key retired early (compromise) while the pass claims validity', pass(), [key('K1', S - 100 * DAY, S - 10)], true, NOW, 'unknown-key'],
    ['a key that ran out with its passes', pass({ i: S - 40 * DAY, v: S - 20 * DAY }), [key('K1', S - 100 * DAY, S - 20 * DAY)], true, NOW, 'expired'],
    ['revoked by pass id', pass(), [KEY, revocation({ passId: 'P1', memberId: 'M1', kid: 'K1' })], true, NOW, 'revoked'],
    ['another pass revoked', pass(), [KEY, revocation({ passId: 'P2', memberId: 'M1', kid: 'K1' })], true, NOW, 'valid'],
    ['revoked by member, issued before', pass(), [KEY, revocation({ memberId: 'M1', validFrom: iso(S - 10) })], true, NOW, 'revoked'],
    ['revoked by member, issued after (a new pass)', pass({ i: S - 5 }), [KEY, revocation({ memberId: 'M1', validFrom: iso(S - 10) })], true, NOW, 'valid'],
    ['another member revoked', pass(), [KEY, revocation({ memberId: 'M2' })], true, NOW, 'valid'],
    ['revoked and expired: revoked first', pass({ v: S - 1 }), [KEY, revocation({ passId: 'P1' })], true, NOW, 'revoked'],
    ['expired a second ago', pass({ v: S - 1 }), [KEY], true, NOW, 'expired'],
    ['valid until this very second', pass({ v: S }), [KEY], true, NOW, 'valid'],
    ['issued in the future beyond the skew', pass({ i: S + CLOCK_SKEW_S + 1 }), [KEY], true, NOW, 'not-yet-valid'],
    ['issued a little in the future (clock skew)', pass({ i: S + CLOCK_SKEW_S }), [KEY], true, NOW, 'valid'],
    ['a bad signature on a revoked pass', pass(), [KEY, revocation({ passId: 'P1' })], false, NOW, 'bad-signature'],
  ])('%s → %s', (_name, parsed, trust, verified, now, expected) => {
    expect(passStatus(parsed, trust, now, verified)).toBe(expected);
  });
});
