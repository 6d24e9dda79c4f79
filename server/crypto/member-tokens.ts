/**
 * Member access tokens for the members' phone app (the booking API under /api/members).
 *
 * Threats closed:
 * - a member token acting as a desk (pushing any document of the station) or a desk token acting
 *   as a member: the two kinds are told apart three ways — another prefix (`sm1` vs `sd1`), an
 *   audience claim, and another HMAC key (`member-token-hmac`), so neither verifier can ever
 *   accept the other's token, even if one check were lost in a refactoring;
 * - a forged or altered token (another member, another station, a later expiry): HMAC-SHA256,
 *   compared in constant time, signature checked before anything in the payload is believed,
 *   one spelling only (signed-token.ts);
 * - a stolen token lives at most MEMBER_TOKEN_TTL_MS, and one claiming a longer life is refused; there is no refresh token (the app signs in
 *   again), and the member record is re-read on every request (see member-auth.ts).
 *
 * Token: `sm1.<kid>.<base64url JSON {aud:'member', memberId, stationId, iat, exp}>.<base64url HMAC>`, times in ms.
 */
import { isTokenId, openToken, signToken, tokenLifetime, type KeyLookup, type SigningKey } from './signed-token';

export const MEMBER_TOKEN_TTL_MS = 2 * 60 * 60_000;
export const MEMBER_TOKEN_SECRET = 'member-token-hmac';
export const MEMBER_TOKEN_PREFIX = 'sm1';
const AUDIENCE = 'member';
export interface MemberClaims {
  memberId: string;
  stationId: string;
  /** ms since epoch */
  exp: number;
}

export type MemberVerifyResult = { ok: true; claims: MemberClaims } | { ok: false; reason: 'invalid' | 'expired' };

/** `iat` is the signing time (the lifetime bound on verify is exp − iat ≤ MEMBER_TOKEN_TTL_MS). */
export const signMemberToken = (key: SigningKey, claims: MemberClaims, iat: number): string =>
  signToken(key, MEMBER_TOKEN_PREFIX, { aud: AUDIENCE, memberId: claims.memberId, stationId: claims.stationId, iat, exp: claims.exp });

/** Checks the signature first: only a genuine token can be reported as expired. */
export const verifyMemberToken = (keys: KeyLookup, token: string, now: number): MemberVerifyResult => {
  const opened = openToken(keys, MEMBER_TOKEN_PREFIX, token);
  const exp = opened && tokenLifetime(opened, now, MEMBER_TOKEN_TTL_MS);
  const claims = opened?.claims;
  if (!claims || claims.aud !== AUDIENCE || !isTokenId(claims.memberId) || !isTokenId(claims.stationId) || exp === null || exp === undefined) {
    return { ok: false, reason: 'invalid' };
  }
  if (exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { memberId: claims.memberId, stationId: claims.stationId, exp } };
};
