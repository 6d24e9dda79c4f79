/**
 * Keeps the pending-writes count current: recounts (debounced, one count at a time) after local
 * writes, pushes and activity changes of the desk-writable collections' replications.
 */
import type { Subscription } from 'rxjs';
import type { CollectionReplication } from './collection-replication';
import { pendingPushCount } from './pending-count';

export interface PendingWatch {
  start(): void;
  count(): Promise<number | null>;
  close(): void;
}

const DEBOUNCE_MS = 150;

export const createPendingWatch = (replications: CollectionReplication[], onCount: (count: number | null) => void): PendingWatch => {
  const writable = replications.filter((r) => r.spec.deskWritable);
  const subs: Subscription[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<number | null> | null = null;
  let again = false;
  let closed = false;

  const count = async (): Promise<number | null> => {
    const counts = await Promise.all(writable.map((r) => pendingPushCount(r.state).catch(() => null)));
    return counts.some((c) => c === null) ? null : counts.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  };

  const run = () => {
    timer = null;
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = count();
    void running.then((value) => {
      running = null;
      if (closed) return;
      if (value !== null) onCount(value);
      if (again) {
        again = false;
        schedule();
      }
    });
  };

  function schedule() {
    if (!closed) timer ??= setTimeout(run, DEBOUNCE_MS);
  }

  return {
    start() {
      for (const { state } of writable) {
        subs.push(state.collection.$.subscribe(schedule), state.sent$.subscribe(schedule), state.active$.subscribe(schedule));
      }
      schedule();
    },
    count,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      subs.forEach((s) => s.unsubscribe());
    },
  };
};
