/**
 * Authentication of members (the phone app), separate from desks'.
 *
 * Threats closed:
 * - a member reading or booking as another member, or at another station: the member and the
 *   station come only from the verified member token (`request.member`), never from the payload;
 * - a token outliving its member (removed from the roster): the member record is re-read on
 *   every request; a removed or provisional record ends the session;
 * - token confusion with desks: see member-tokens.ts (own prefix, audience and key).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { MemberDoc } from '../../shared/schemas/index';
import type { Database } from '../db/database';
import { unauthenticated } from '../errors';
import { loadDocs } from '../repositories/sync-store';
import { createTokenKeyring, type KeyRotation } from '../services/token-keys';
import { MEMBER_TOKEN_PREFIX, MEMBER_TOKEN_SECRET, MEMBER_TOKEN_TTL_MS, signMemberToken, verifyMemberToken, type MemberVerifyResult } from '../crypto/member-tokens';

export interface MemberContext {
  memberId: string;
  stationId: string;
  member: MemberDoc;
}

export interface MemberTokenService {
  /** Loads the signing key (wrapping a plain key an older server left); the server calls it on start. */
  ready(): Promise<void>;
  issue(memberId: string, stationId: string): Promise<{ accessToken: string; expiresAt: number }>;
  verify(token: string): Promise<MemberVerifyResult>;
  /** A new signing key; the old one verifies until its tokens have expired (or now, with retireOld). */
  rotate(options?: { retireOld?: boolean }): Promise<KeyRotation>;
}

export interface MemberAuthOptions {
  /** Wraps the token-signing keys at rest (PASS_KEY_SECRET); absent: the database-held secret. */
  keyWrapSecret?: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler: requires a valid member token; sets `request.member`. */
    authenticateMember: (request: FastifyRequest) => Promise<void>;
    memberTokens: MemberTokenService;
  }
  interface FastifyRequest {
    member: MemberContext | null;
  }
}

const createMemberTokenService = (db: Database, now: () => number, wrapSecret?: string): MemberTokenService => {
  const keys = createTokenKeyring(db, { purpose: 'member', maxLifetimeMs: MEMBER_TOKEN_TTL_MS, legacySecretName: MEMBER_TOKEN_SECRET, wrapSecret, now });
  return {
    async ready() {
      await keys.signingKey();
    },
    async issue(memberId, stationId) {
      const iat = now();
      const expiresAt = iat + MEMBER_TOKEN_TTL_MS;
      return { accessToken: signMemberToken(await keys.signingKey(), { memberId, stationId, exp: expiresAt }, iat), expiresAt };
    },
    verify: (token) => keys.verify(MEMBER_TOKEN_PREFIX, token, (lookup) => verifyMemberToken(lookup, token, now())),
    rotate: (options) => keys.rotate(options),
  };
};

const bearer = (request: FastifyRequest): string => {
  const header = request.headers.authorization;
  if (!header) throw unauthenticated('UNAUTHENTICATED', 'Sign in first: POST /api/members/session, then send "Authorization: Bearer <token>"');
  const match = /^Bearer +(\S+)$/i.exec(header);
  if (!match) throw unauthenticated('TOKEN_INVALID', 'The Authorization header must be "Bearer <token>"');
  return match[1]!;
};

export const memberAuthPlugin = fp(
  async (app: FastifyInstance, options: MemberAuthOptions) => {
    const tokens = createMemberTokenService(app.db, () => app.now(), options.keyWrapSecret);
    app.decorate('memberTokens', tokens);
    app.decorateRequest('member', null);
    app.decorate('authenticateMember', async (request: FastifyRequest) => {
      const verified = await tokens.verify(bearer(request));
      if (!verified.ok) {
        throw verified.reason === 'expired'
          ? unauthenticated('TOKEN_EXPIRED', 'The member session has expired; sign in again')
          : unauthenticated('TOKEN_INVALID', 'The member token is not valid');
      }
      const { memberId, stationId } = verified.claims;
      const row = (await loadDocs(app.db, stationId, 'members', [memberId])).get(memberId);
      const member = row && !row.deleted ? ({ ...row.data, serverRev: row.seq } as unknown as MemberDoc) : null;
      if (!member || member.source === 'provisional') throw unauthenticated('TOKEN_INVALID', 'The member token names an unknown member');
      request.member = { memberId, stationId, member };
    });
  },
  { name: 'station-desk-member-auth' },
);
