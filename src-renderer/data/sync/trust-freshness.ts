/**
 * How fresh the desk's member-pass trust data (keys and revocations) is: the time the `trust`
 * collection last pulled to the end without error, kept in an RxDB local document (never
 * replicated; shared by every tab). The check-in rule warns TRUST_DATA_STALE past the station's
 * limit (24 h by default): a desk that cannot reach the server still verifies passes, but it
 * may miss a revocation, and staff should know.
 *
 * The time is taken when the pull page arrives (its documents are stored right after); writes
 * are throttled, since the safety poll catches up every minute while online.
 */
import type { LocalDocs } from './local-docs';

export const TRUST_FRESHNESS_DOC = 'trust-freshness';
const WRITE_EVERY_MS = 60_000;

interface Saved {
  pulledAt: number;
}

const pulledAtOf = (data: unknown): number | null => {
  const value = (data as Partial<Saved> | undefined)?.pulledAt;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

export interface TrustFreshnessRecorder {
  /** The trust collection caught up with the server now. */
  caughtUp(): void;
  /** Waits for the last write. */
  flush(): Promise<void>;
}

export const createTrustFreshnessRecorder = (db: LocalDocs, now: () => number = Date.now): TrustFreshnessRecorder => {
  let lastWrite = -Infinity;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    caughtUp() {
      const at = now();
      if (at - lastWrite < WRITE_EVERY_MS) return;
      lastWrite = at;
      queue = queue
        .then(() => (db.closed ? undefined : db.upsertLocal(TRUST_FRESHNESS_DOC, { pulledAt: at } satisfies Saved)))
        .catch((error: unknown) => console.error('Station Desk: trust freshness not stored', error));
    },
    flush: () => queue.then(() => undefined),
  };
};

export const readTrustPulledAt = async (db: LocalDocs): Promise<number | null> => pulledAtOf((await db.getLocal(TRUST_FRESHNESS_DOC))?.toJSON().data);

export const watchTrustPulledAt = (db: LocalDocs, listener: (pulledAt: number | null) => void): (() => void) => {
  const sub = db.getLocal$(TRUST_FRESHNESS_DOC).subscribe((doc) => listener(pulledAtOf(doc?.toJSON().data)));
  return () => sub.unsubscribe();
};
