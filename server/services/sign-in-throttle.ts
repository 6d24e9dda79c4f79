/**
 * Failed member sign-ins, counted per card number.
 *
 * Threat closed: a member signs in with a card number and the last four digits of their phone,
 * and four digits are only 10 000 guesses. The per-address rate limit alone does not stop a
 * guesser spread over many addresses, so each card also locks for LOCK_MS after MAX_FAILURES
 * wrong answers, whoever sends them. Kept in memory: with N server processes a guesser gets at
 * most N × MAX_FAILURES tries per window, still hopeless against 10 000. (A real member app
 * would sign in with an SMS code; the card + phone tail pair is what the roster holds today.)
 */
export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  failures: number;
  firstAt: number;
}

export interface SignInThrottle {
  /** ms until the card may try again (0 = now). */
  lockedFor(key: string, now: number): number;
  fail(key: string, now: number): void;
  succeed(key: string): void;
}

export const createSignInThrottle = (): SignInThrottle => {
  const entries = new Map<string, Entry>();
  const live = (key: string, now: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && now - entry.firstAt >= LOCK_MS) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    lockedFor(key, now) {
      const entry = live(key, now);
      return entry && entry.failures >= MAX_FAILURES ? entry.firstAt + LOCK_MS - now : 0;
    },
    fail(key, now) {
      const entry = live(key, now);
      if (entry) entry.failures++;
      else {
        if (entries.size >= MAX_ENTRIES) {
          for (const [k, e] of entries) if (now - e.firstAt >= LOCK_MS) entries.delete(k);
          if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
        }
        entries.set(key, { failures: 1, firstAt: now });
      }
    },
    succeed(key) {
      entries.delete(key);
    },
  };
};
