/**
 * How long tests wait for something to happen. The limits are generous on purpose: on a loaded
 * 2-core machine a sync round trip that takes milliseconds alone can take seconds. A wait that
 * succeeds returns as soon as its condition holds, so a generous limit costs nothing when green.
 * Stays under vitest's testTimeout (30 s, vitest.config.ts) so the wait's own message, naming what
 * never happened, is the one reported.
 */
export const WAIT_LIMIT_MS = 20_000;
/** How often a wait re-checks its condition. */
export const WAIT_INTERVAL_MS = 50;

/** Checks `check` until it holds; throws naming `what` after `timeoutMs`. */
export const waitUntil = async (
  what: string,
  check: () => boolean | Promise<boolean>,
  { timeoutMs = WAIT_LIMIT_MS, intervalMs = WAIT_INTERVAL_MS }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() >= deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};
