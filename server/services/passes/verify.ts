/**
 * A member pass checked on the server, as a desk checks it offline: the exact text, its Ed25519
 * signature under the key it names, revocations, expiry (the shared judgement of
 * docs/domain-rules.md). Used where a pass is the proof of who someone is: the members' sign-in
 * with a pass, which no card lockout touches (docs/security.md "Lockouts and rate limits").
 */
import { createPublicKey, verify } from 'node:crypto';
import type { PassStatus } from '../../../shared/domain/check-in';
import { parsePass, passStatus, type PassPayload } from '../../../shared/passes/index';
import { GLOBAL_STATION_ID, type TrustDoc } from '../../../shared/schemas/index';
import type { Queryable } from '../../db/database';
import { loadDocs, loadDocsWhere } from '../../repositories/sync-store';

export type ServerPassCheck = { ok: true; payload: PassPayload } | { ok: false; status: PassStatus | 'unreadable' };

const trustOf = (docs: Iterable<{ deleted: boolean; data: Record<string, unknown> }>): TrustDoc[] =>
  [...docs].filter((d) => !d.deleted).map((d) => d.data as unknown as TrustDoc);

export const checkPass = async (q: Queryable, text: string, now: number): Promise<ServerPassCheck> => {
  const parsed = parsePass(text);
  if (!parsed.ok) return { ok: false, status: 'unreadable' };
  const { payload } = parsed;
  const trust = [
    ...trustOf((await loadDocs(q, GLOBAL_STATION_ID, 'trust', [`key-${payload.k}`])).values()),
    ...trustOf(await loadDocsWhere(q, GLOBAL_STATION_ID, 'trust', 'memberId', [payload.m])),
    ...trustOf(await loadDocsWhere(q, GLOBAL_STATION_ID, 'trust', 'passId', [payload.p])),
  ];
  const key = trust.find((d) => d.kind === 'key' && d.kid === payload.k && d.publicKey !== '');
  let verified = false;
  if (key) {
    try {
      const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey }, format: 'jwk' });
      verified = verify(null, parsed.signedBytes, publicKey, parsed.signature);
    } catch {
      verified = false;
    }
  }
  const status = passStatus(parsed, trust, now, verified);
  return status === 'valid' ? { ok: true, payload } : { ok: false, status };
};
