/**
 * What a parsed member pass is worth, judged offline against the desk's `trust` documents
 * (public keys and revocations). The signature check needs crypto and is done by the caller,
 * who passes its outcome in `verified`; this stays pure and runs the same on desk and server.
 *
 * Order (first match wins), matching the check-in decision's precedence:
 *  1. unknown-key    no key with this id, or the key is not active yet: nothing can be verified;
 *  2. bad-signature  the signature does not verify;
 *     unknown-key    the key's lifetime is over but the pass claims to be valid beyond it: the key
 *                    was retired early (a compromise) and what it signed is no longer trusted.
 *                    (A pass never outlives its key when issued honestly, so a pass of a key
 *                    that simply ran out is expired, and says so.)
 *  3. revoked        a revocation names this pass id, or this member for passes issued before it;
 *  4. expired        now is past valid-until;
 *  5. not-yet-valid  issued in the future (more than the allowed clock skew);
 *  6. valid.
 * Desk clocks drift: key activation and issue times get CLOCK_SKEW_S of slack; expiry gets none.
 * The issue time is not checked against the key's lifetime: whoever holds a key can write any
 * issue time, so such a check would only break honest back-dated passes.
 */
import type { PassStatus } from '../domain/check-in';
import type { TrustDoc } from '../schemas/trust';
import type { ParsedPass, PassPayload } from './format';

export const CLOCK_SKEW_S = 300;

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** The live key document this pass names, if any. */
export const findPassKey = (kid: string, trust: readonly TrustDoc[]): TrustDoc | null =>
  trust.find((d) => d.kind === 'key' && d.kid === kid && d.publicKey !== '') ?? null;

/** Whether a revocation covers this pass: by its id, or by its member for passes issued before the revocation. */
export const isRevoked = (payload: Pick<PassPayload, 'p' | 'm' | 'i'>, trust: readonly TrustDoc[]): boolean =>
  trust.some(
    (d) =>
      d.kind === 'revocation' &&
      (d.passId !== '' ? d.passId === payload.p : d.memberId === payload.m && payload.i * 1000 < Date.parse(d.validFrom)),
  );

export const passStatus = (parsed: ParsedPass, trust: readonly TrustDoc[], now: number, verified: boolean): PassStatus => {
  const { payload } = parsed;
  const t = Math.floor(now / 1000);
  const key = findPassKey(payload.k, trust);
  if (!key) return 'unknown-key';
  const from = seconds(key.validFrom);
  const until = seconds(key.validUntil);
  if (!(t >= from - CLOCK_SKEW_S)) return 'unknown-key';
  if (!verified) return 'bad-signature';
  if (!(t <= until || payload.v <= until)) return 'unknown-key';
  if (isRevoked(payload, trust)) return 'revoked';
  if (t > payload.v) return 'expired';
  if (payload.i > t + CLOCK_SKEW_S) return 'not-yet-valid';
  return 'valid';
};
