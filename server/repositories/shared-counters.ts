/**
 * Counters every server process shares (`shared_counters`, migration 031): fixed windows, one row
 * per key. A hit is one atomic upsert, so two processes counting the same key never both see
 * room for a last try (docs/security.md "Lockouts and rate limits").
 */
import type { Queryable } from '../db/database';

export interface CounterHit {
  /** Hits in the current window, this one included. */
  count: number;
  /** When the window ends (ms). */
  endsAt: number;
}

/** Counts one hit in `key`'s window (a window that has ended starts again at 1). */
export const hitCounter = async (q: Queryable, key: string, windowMs: number, now: number): Promise<CounterHit> => {
  const { rows } = await q.query<{ count: number; expires_at: string | number }>(
    `INSERT INTO shared_counters AS c (key, count, window_start, expires_at) VALUES ($1, 1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN c.expires_at <= $2 THEN 1 ELSE c.count + 1 END,
       window_start = CASE WHEN c.expires_at <= $2 THEN $2 ELSE c.window_start END,
       expires_at = CASE WHEN c.expires_at <= $2 THEN $3 ELSE c.expires_at END
     RETURNING count, expires_at`,
    [key, now, now + windowMs],
  );
  const row = rows[0]!;
  return { count: Number(row.count), endsAt: Number(row.expires_at) };
};

/** Takes back one hit (an attempt that turned out not to count). */
export const unhitCounter = async (q: Queryable, key: string): Promise<void> => {
  await q.query('UPDATE shared_counters SET count = GREATEST(count - 1, 0) WHERE key = $1', [key]);
};

export const deleteCounter = async (q: Queryable, key: string): Promise<void> => {
  await q.query('DELETE FROM shared_counters WHERE key = $1', [key]);
};

/** Forgets windows that have ended. */
export const pruneCounters = async (q: Queryable, now: number): Promise<void> => {
  await q.query('DELETE FROM shared_counters WHERE expires_at <= $1', [now]);
};

/** Prunes at most once per `everyMs` (per caller), so expired windows do not pile up. */
export const counterPruner = (q: Queryable, everyMs = 60_000) => {
  let last = -Infinity;
  return async (now: number): Promise<void> => {
    if (now - last < everyMs) return;
    last = now;
    await pruneCounters(q, now);
  };
};
