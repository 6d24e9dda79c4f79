/** The desk's PIN gate: lockout states in localStorage (a reload does not lift a lock), the desk clock. */
import { memoryLockoutStore, storageLockoutStore, type LockoutStore } from './pin-lockout';
import type { PinGate } from './staff-auth';

let store: LockoutStore | null = null;

const lockoutStore = (): LockoutStore => {
  if (store) return store;
  try {
    store = storageLockoutStore(window.localStorage);
  } catch {
    store = memoryLockoutStore();
  }
  return store;
};

export const deskPinGate = (now: () => number): PinGate => ({ lockout: lockoutStore(), now });
