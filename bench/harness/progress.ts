/**
 * Worker-side progress of one measurement: distinct document ids seen (arrived locally, or
 * acknowledged by the server) until a target count, stamped with `now()` when it is reached.
 */

/**
 * Timestamps cross threads as `performance.timeOrigin + performance.now()` (epoch ms with sub-ms
 * resolution), so a write stamped in one desk worker and a change seen in another compare directly.
 */
export const now = (): number => performance.timeOrigin + performance.now();

export class Progress {
  private readonly ids = new Set<string>();
  private target = Number.POSITIVE_INFINITY;
  private only: string | null = null;
  private reachedAt: number | null = null;
  private wake: (() => void) | null = null;

  /** Starts counting afresh; with `only`, counts that one id alone (target 1). */
  arm(target: number, only: string | null = null): void {
    this.ids.clear();
    this.target = target;
    this.only = only;
    this.reachedAt = null;
  }

  add(ids: Iterable<string>): void {
    if (this.reachedAt !== null || this.target === Number.POSITIVE_INFINITY) return;
    for (const id of ids) if (this.only === null || id === this.only) this.ids.add(id);
    if (this.ids.size >= this.target) {
      this.reachedAt = now();
      this.wake?.();
    }
  }

  /** Resolves with the time the target was reached (null on timeout) and the count so far. */
  async wait(timeoutMs: number): Promise<{ at: number | null; count: number }> {
    if (this.reachedAt === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    const result = { at: this.reachedAt, count: this.ids.size };
    this.target = Number.POSITIVE_INFINITY;
    return result;
  }
}

export type RequestStats = Record<string, { count: number; ms: number }>;

/**
 * Counts a request by method and path (ids and query strings left out); the returned function
 * adds the time until its response headers (both servers send a JSON body whole, so mostly the
 * server's work; a longpoll includes its wait) to the total.
 */
export const trackRequest = (stats: RequestStats, method: string, path: string): (() => void) => {
  const entry = (stats[`${method} ${path}`] ??= { count: 0, ms: 0 });
  entry.count++;
  const started = now();
  return () => {
    entry.ms = Math.round((entry.ms + now() - started) * 10) / 10;
  };
};
