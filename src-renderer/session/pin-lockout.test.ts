import { describe, expect, it } from 'vitest';
import { LOCKOUT_POLICY, lockedFor, memoryLockoutStore, recordFailure, storageLockoutStore, triesLeft, UNLOCKED } from './pin-lockout';

const fakeStorage = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
};

describe('lockout policy', () => {
  it('allows five wrong PINs, then locks for 30 s, doubling up to 15 min', () => {
    let state = UNLOCKED;
    const now = 1_000_000;
    for (let i = 0; i < 4; i++) state = recordFailure(state, now);
    expect(lockedFor(state, now)).toBe(0);
    expect(triesLeft(state)).toBe(1);
    state = recordFailure(state, now);
    expect(lockedFor(state, now)).toBe(LOCKOUT_POLICY.baseLockMs);
    expect(triesLeft(state)).toBe(0);
    expect(lockedFor(state, now + LOCKOUT_POLICY.baseLockMs)).toBe(0);
    state = recordFailure(state, now);
    expect(lockedFor(state, now)).toBe(60_000);
    for (let i = 0; i < 20; i++) state = recordFailure(state, now);
    expect(lockedFor(state, now)).toBe(LOCKOUT_POLICY.maxLockMs);
  });
});

describe('storageLockoutStore', () => {
  it('keeps states per target across store instances (a reload), and drops reset ones', () => {
    const storage = fakeStorage();
    storageLockoutStore(storage).set('staff:S-1', { failures: 3, lockedUntil: 0 });
    storageLockoutStore(storage).set('override', { failures: 6, lockedUntil: 99 });
    const reloaded = storageLockoutStore(storage);
    expect(reloaded.get('staff:S-1')).toEqual({ failures: 3, lockedUntil: 0 });
    expect(reloaded.get('override')).toEqual({ failures: 6, lockedUntil: 99 });
    expect(reloaded.get('staff:S-2')).toEqual(UNLOCKED);
    reloaded.set('staff:S-1', UNLOCKED);
    expect(JSON.parse(storage.data.get('station-desk.pin-lockout')!)).toEqual({ override: { failures: 6, lockedUntil: 99 } });
  });

  it('survives garbage in storage', () => {
    const storage = fakeStorage();
    storage.setItem('station-desk.pin-lockout', '{not json');
    expect(storageLockoutStore(storage).get('x')).toEqual(UNLOCKED);
    storage.setItem('station-desk.pin-lockout', JSON.stringify({ x: { failures: 'many' } }));
    expect(storageLockoutStore(storage).get('x')).toEqual(UNLOCKED);
  });

  it('has an in-memory twin', () => {
    const store = memoryLockoutStore();
    store.set('a', { failures: 1, lockedUntil: 0 });
    expect(store.get('a').failures).toBe(1);
    expect(store.get('b')).toEqual(UNLOCKED);
  });
});
