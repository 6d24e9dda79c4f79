/**
 * Member access tokens for the members' phone app (the booking API under /api/members).
 *
 * Threats closed:
 * - a member token acting as a desk (pushing any document of the station) or a desk token acting
 *   as a member: the two kinds are told apart three ways — another prefix (`sm1` vs `sd1`), an
 *   audience claim, and another HMAC key (`member-token-hmac`), so neither verifier can ever
 *   accept the other's token, even if one check were lost in a refactoring;
 * - a forged or altered token (another member, another station, a later expiry): HMAC-SHA256,
 *   compared in constant time, signature checked before anything in the payload is believed;
 * - a stolen token lives at most MEMBER_TOKEN_TTL_MS; there is no refresh token (the app signs in
 *   again), and the member record is re-read on every request (see member-auth.ts).
 *
 * Token: `sm1.<base64url JSON {aud:'member', memberId, stationId, exp}>.<base64url HMAC>`, exp in ms.
 */
import { isTokenId, openToken, signToken, tokenExpiry } from './signed-token';

export const MEMBER_TOKEN_TTL_MS = 2 * 60 * 60_000;
export const MEMBER_TOKEN_SECRET = 'member-token-hmac';
const PREFIX = 'sm1';
const AUDIENCE = 'member';
export interface MemberClaims {
  memberId: string;
  stationId: string;
  /** ms since epoch */
  exp: number;
}

export type MemberVerifyResult = { ok: true; claims: MemberClaims } | { ok: false; reason: 'invalid' | 'expired' };

export const signMemberToken = (secret: Buffer, claims: MemberClaims): string =>
  signToken(secret, PREFIX, { aud: AUDIENCE, memberId: claims.memberId, stationId: claims.stationId, exp: claims.exp });

/** Checks the signature first: only a genuine token can be reported as expired. */
export const verifyMemberToken = (secret: Buffer, token: string, now: number): MemberVerifyResult => {
  const claims = openToken(secret, PREFIX, token);
  const exp = tokenExpiry(claims?.exp);
  if (!claims || claims.aud !== AUDIENCE || !isTokenId(claims.memberId) || !isTokenId(claims.stationId) || exp === null) {
    return { ok: false, reason: 'invalid' };
  }
  if (exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { memberId: claims.memberId, stationId: claims.stationId, exp } };
};
