/**
 * The @fastify/rate-limit store (docs/security.md "Lockouts and rate limits"): the limits a route
 * sets for itself (enrollment, refresh, members' sign-in and writes: where a secret can be
 * guessed or a member's data written) are counted in the database, so every server process shares
 * one budget per address; N processes no longer give N times the tries. The global per-address
 * limit stays in this process's memory: it guards this process against floods, and counting it in
 * the database would put a write on every request, including unauthenticated ones.
 */
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Queryable } from '../db/database';
import { counterPruner, hitCounter } from '../repositories/shared-counters';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

const LOCAL_MAX_KEYS = 5000;

export const sharedRateLimitStore = (db: Queryable, now: () => number): FastifyRateLimitStoreCtor => {
  const prune = counterPruner(db);

  /** A route's limit: counted in the database under the route's name. */
  class SharedStore implements FastifyRateLimitStore {
    constructor(private readonly route: string) {}
    incr(key: string, callback: Callback, timeWindow: number): void {
      const at = now();
      prune(at)
        .then(() => hitCounter(db, `rate:${this.route}:${key}`, timeWindow, at))
        .then((hit) => callback(null, { current: hit.count, ttl: Math.max(0, hit.endsAt - at) }), (error: unknown) => callback(error as Error));
    }
    child(): FastifyRateLimitStore {
      return this;
    }
  }

  /** The global limit: this process's fixed windows, oldest keys dropped past LOCAL_MAX_KEYS. */
  class LocalStore implements FastifyRateLimitStore {
    private readonly windows = new Map<string, { count: number; endsAt: number }>();
    constructor(_options?: FastifyRateLimitOptions) {}
    incr(key: string, callback: Callback, timeWindow: number): void {
      const at = now();
      let window = this.windows.get(key);
      if (!window || window.endsAt <= at) {
        this.windows.delete(key);
        if (this.windows.size >= LOCAL_MAX_KEYS) this.windows.delete(this.windows.keys().next().value!);
        window = { count: 0, endsAt: at + timeWindow };
        this.windows.set(key, window);
      }
      window.count++;
      callback(null, { current: window.count, ttl: window.endsAt - at });
    }
    child(routeOptions: unknown): FastifyRateLimitStore {
      const info = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new SharedStore(`${[info?.method ?? ''].flat().join(',')} ${info?.url ?? ''}`);
    }
  }
  return LocalStore;
};
