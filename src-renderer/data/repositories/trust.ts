/**
 * Member-pass trust data on the desk (read-only: the server writes `trust`): the documents that
 * can judge one pass — its key, revocations of that pass or of its member — found by index, and
 * how fresh the whole set is (sync/trust-freshness.ts).
 */
import type { RxCollection } from 'rxdb';
import type { TrustDoc } from '../../../shared/schemas/index';
import type { LocalDocs } from '../sync/local-docs';
import { readTrustPulledAt, watchTrustPulledAt } from '../sync/trust-freshness';
import { findJson, type Listener, type Unsubscribe } from './base';

export interface TrustRepository {
  /** The key with this id, and the revocations naming this pass or this member. */
  forPass(pass: { kid: string; passId: string; memberId: string }): Promise<TrustDoc[]>;
  /** When keys and revocations last came fully from the server (ms since epoch); null = never. */
  updatedAt(): Promise<number | null>;
  subscribeUpdatedAt(listener: Listener<number | null>): Unsubscribe;
}

export const trustRepository = (trust: RxCollection<TrustDoc>, local: LocalDocs): TrustRepository => ({
  async forPass({ kid, passId, memberId }) {
    const found = await Promise.all([
      findJson(trust, { selector: { kid, kind: 'key' } }),
      findJson(trust, { selector: { passId, kind: 'revocation' } }),
      findJson(trust, { selector: { memberId, kind: 'revocation' } }),
    ]);
    return [...new Map(found.flat().map((d) => [d.id, d])).values()];
  },
  updatedAt: () => readTrustPulledAt(local),
  subscribeUpdatedAt: (listener) => watchTrustPulledAt(local, listener),
});
