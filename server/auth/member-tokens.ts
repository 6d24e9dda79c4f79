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
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MEMBER_TOKEN_TTL_MS = 2 * 60 * 60_000;
export const MEMBER_TOKEN_SECRET = 'member-token-hmac';
const PREFIX = 'sm1';
const AUDIENCE = 'member';
const TOKEN_MAX = 1024;
const ID_MAX = 64;

export interface MemberClaims {
  memberId: string;
  stationId: string;
  /** ms since epoch */
  exp: number;
}

export type MemberVerifyResult = { ok: true; claims: MemberClaims } | { ok: false; reason: 'invalid' | 'expired' };

const mac = (secret: Buffer, signed: string): Buffer => createHmac('sha256', secret).update(signed).digest();

export const signMemberToken = (secret: Buffer, claims: MemberClaims): string => {
  const body = { aud: AUDIENCE, memberId: claims.memberId, stationId: claims.stationId, exp: claims.exp };
  const signed = `${PREFIX}.${Buffer.from(JSON.stringify(body)).toString('base64url')}`;
  return `${signed}.${mac(secret, signed).toString('base64url')}`;
};

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= ID_MAX;

/** Checks the signature first: only a genuine token can be reported as expired. */
export const verifyMemberToken = (secret: Buffer, token: string, now: number): MemberVerifyResult => {
  const invalid: MemberVerifyResult = { ok: false, reason: 'invalid' };
  if (token.length > TOKEN_MAX) return invalid;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return invalid;
  const [, payload = '', signature = ''] = parts;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, `${PREFIX}.${payload}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
  let claims: Partial<MemberClaims> & { aud?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<MemberClaims> & { aud?: unknown };
  } catch {
    return invalid;
  }
  if (typeof claims !== 'object' || claims === null || claims.aud !== AUDIENCE) return invalid;
  if (!isId(claims.memberId) || !isId(claims.stationId)) return invalid;
  if (typeof claims.exp !== 'number' || !Number.isSafeInteger(claims.exp)) return invalid;
  if (claims.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { memberId: claims.memberId, stationId: claims.stationId, exp: claims.exp } };
};
