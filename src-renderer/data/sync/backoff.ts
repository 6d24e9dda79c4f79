/**
 * A shared backoff gate for sync requests. RxDB retries a failed handler every `retryTime`
 * without backoff, for every collection: ten collections against a dead network or a failing
 * server would ask twice a second for hours. Every request first waits at this gate; failures
 * push it out (exponentially, with jitter, capped), a success opens it, and `nudge()` (network
 * back, stream reconnected, "sync now") opens it at once.
 */
export interface BackoffGate {
  /** Resolves when requests may go out; rejects once the gate is closed. */
  wait(): Promise<void>;
  failed(): void;
  succeeded(): void;
  nudge(): void;
  /** ms until the gate opens (0 = open). */
  delay(): number;
  /** Rejects every waiter, now and later (stop). */
  close(): void;
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  now?: () => number;
  random?: () => number;
}

export const createBackoffGate = ({ baseMs, maxMs, now = Date.now, random = Math.random }: BackoffOptions): BackoffGate => {
  let failures = 0;
  let lastFailure = -Infinity;
  let openAt = 0;
  let closed = false;
  const waiters = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...waiters]) wake();
  };

  return {
    wait() {
      if (closed) return Promise.reject(new Error('sync stopped'));
      if (openAt <= now()) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const check = () => {
          clearTimeout(timer);
          const left = openAt - now();
          if (!closed && left > 0) {
            timer = setTimeout(check, left);
            return;
          }
          waiters.delete(check);
          if (closed) reject(new Error('sync stopped'));
          else resolve();
        };
        waiters.add(check);
        check();
      });
    },
    failed() {
      // Ten collections failing together are one failure, not ten.
      const t = now();
      if (t - lastFailure >= baseMs) failures++;
      lastFailure = t;
      if (failures <= 1) return;
      const delay = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 2, 16));
      openAt = t + delay * (0.5 + random() / 2);
    },
    succeeded() {
      failures = 0;
      openAt = 0;
      wakeAll();
    },
    nudge() {
      openAt = 0;
      wakeAll();
    },
    delay: () => Math.max(0, openAt - now()),
    close() {
      closed = true;
      wakeAll();
    },
  };
};
