/**
 * Wrong-PIN lockout. Threat: guessing a 4-digit PIN at the desk (10 000 tries) to sign in as
 * someone else or to override a denial as the manager.
 *
 * Failures count per target (a staff member for sign-in, 'override' for the manager's pad), so a
 * desk member who signs in with their own right PIN does not reset the count against the
 * manager. After `freeFailures` wrong PINs in a row the target locks for `baseLockMs`, doubling
 * with every further wrong PIN up to `maxLockMs`; a right PIN resets it. The state is kept in
 * localStorage, so reloading the page does not lift a lock.
 */
export interface LockoutState {
  failures: number;
  /** epoch ms; 0 = not locked */
  lockedUntil: number;
}

export interface LockoutPolicy {
  freeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
}

export const LOCKOUT_POLICY: LockoutPolicy = { freeFailures: 5, baseLockMs: 30_000, maxLockMs: 15 * 60_000 };

export const UNLOCKED: LockoutState = { failures: 0, lockedUntil: 0 };

/** Milliseconds until the target may try again (0 = now). */
export const lockedFor = (state: LockoutState, now: number): number => Math.max(0, state.lockedUntil - now);

/** Wrong PINs left before the next lock. */
export const triesLeft = (state: LockoutState, policy: LockoutPolicy = LOCKOUT_POLICY): number =>
  Math.max(0, policy.freeFailures - state.failures);

export const recordFailure = (state: LockoutState, now: number, policy: LockoutPolicy = LOCKOUT_POLICY): LockoutState => {
  const failures = state.failures + 1;
  const over = failures - policy.freeFailures;
  if (over < 0) return { failures, lockedUntil: state.lockedUntil };
  const lockMs = Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** Math.min(over, 30));
  return { failures, lockedUntil: now + lockMs };
};

/** Lockout states by target, persisted. */
export interface LockoutStore {
  get(target: string): LockoutState;
  set(target: string, state: LockoutState): void;
}

const isState = (value: unknown): value is LockoutState =>
  typeof value === 'object' &&
  value !== null &&
  Number.isFinite((value as LockoutState).failures) &&
  Number.isFinite((value as LockoutState).lockedUntil);

export const storageLockoutStore = (storage: Pick<Storage, 'getItem' | 'setItem'>, key = 'station-desk.pin-lockout'): LockoutStore => {
  const read = (): Record<string, LockoutState> => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '{}');
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, LockoutState>) : {};
    } catch {
      return {};
    }
  };
  return {
    get: (target) => {
      const state = read()[target];
      return isState(state) ? state : UNLOCKED;
    },
    set: (target, state) => {
      const all = read();
      if (state.failures === 0 && state.lockedUntil === 0) delete all[target];
      else all[target] = state;
      storage.setItem(key, JSON.stringify(all));
    },
  };
};

/** In memory (tests, or a browser without storage). */
export const memoryLockoutStore = (): LockoutStore => {
  const states = new Map<string, LockoutState>();
  return { get: (target) => states.get(target) ?? UNLOCKED, set: (target, state) => void states.set(target, state) };
};
