// Sign-in and the manager's override pad against real PBKDF2 verifiers: right, wrong, locked,
// inactive, and a desk member's PIN refused on the override pad.
import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffDoc } from '../../shared/schemas/index';
import { makeStaff } from '../../tests/support/builders/index';
import { memoryLockoutStore } from './pin-lockout';
import { makePinVerifier } from './pin-verify';
import { authenticateManager, authenticateStaff, OVERRIDE_TARGET, type PinGate } from './staff-auth';

let desk: StaffDoc;
let manager: StaffDoc;
let retired: StaffDoc;

beforeAll(async () => {
  desk = makeStaff({ id: 'S-DESK', name: '李前台', role: 'desk', pin: await makePinVerifier('1234', 1000) });
  manager = makeStaff({ id: 'S-MGR', name: '王站长', role: 'manager', pin: await makePinVerifier('9999', 1000) });
  retired = makeStaff({ id: 'S-OLD', name: '赵经理', role: 'manager', pin: await makePinVerifier('5555', 1000), active: false });
});

const gate = (start = 1_000_000): PinGate & { advance(ms: number): void } => {
  let now = start;
  return { lockout: memoryLockoutStore(), now: () => now, advance: (ms) => void (now += ms) };
};

describe('authenticateStaff (sign-in)', () => {
  it('signs in with the right PIN and refuses a wrong one', async () => {
    const g = gate();
    expect(await authenticateStaff(g, desk, '1234')).toEqual({ ok: true, staff: desk });
    expect(await authenticateStaff(g, desk, '1235')).toEqual({ ok: false, error: 'WRONG_PIN', retryInMs: 0, triesLeft: 4 });
  });

  it('locks after five wrong PINs, refuses even the right PIN while locked, then lets it in', async () => {
    const g = gate();
    for (let i = 0; i < 4; i++) await authenticateStaff(g, desk, '0000');
    const fifth = await authenticateStaff(g, desk, '0000');
    expect(fifth).toMatchObject({ ok: false, error: 'WRONG_PIN', retryInMs: 30_000, triesLeft: 0 });
    expect(await authenticateStaff(g, desk, '1234')).toMatchObject({ ok: false, error: 'LOCKED', retryInMs: 30_000 });
    // the lock is per staff member: the manager can still sign in
    expect((await authenticateStaff(g, manager, '9999')).ok).toBe(true);
    g.advance(30_000);
    expect((await authenticateStaff(g, desk, '1234')).ok).toBe(true);
    expect(g.lockout.get('staff:S-DESK').failures).toBe(0);
  });

  it('refuses an inactive staff member and a PIN of the wrong shape without counting', async () => {
    const g = gate();
    expect(await authenticateStaff(g, retired, '5555')).toMatchObject({ ok: false, error: 'INACTIVE' });
    expect(await authenticateStaff(g, desk, '12')).toMatchObject({ ok: false, error: 'BAD_FORMAT', triesLeft: 5 });
    expect(g.lockout.get('staff:S-DESK').failures).toBe(0);
  });
});

describe('authenticateManager (override pad)', () => {
  it('accepts an active manager’s PIN', async () => {
    const g = gate();
    expect(await authenticateManager(g, [desk, manager, retired], '9999')).toEqual({ ok: true, staff: manager });
  });

  it('refuses a desk member’s PIN as NOT_A_MANAGER and counts it', async () => {
    const g = gate();
    expect(await authenticateManager(g, [desk, manager], '1234')).toMatchObject({ ok: false, error: 'NOT_A_MANAGER', triesLeft: 4 });
    expect(g.lockout.get(OVERRIDE_TARGET).failures).toBe(1);
  });

  it('never matches an inactive manager', async () => {
    expect(await authenticateManager(gate(), [desk, manager, retired], '5555')).toMatchObject({ ok: false, error: 'WRONG_PIN' });
  });

  it('locks the pad; signing in with one’s own PIN does not reset it', async () => {
    const g = gate();
    for (let i = 0; i < 5; i++) await authenticateManager(g, [desk, manager], '0000');
    expect((await authenticateStaff(g, desk, '1234')).ok).toBe(true);
    expect(await authenticateManager(g, [desk, manager], '9999')).toMatchObject({ ok: false, error: 'LOCKED' });
    g.advance(30_000);
    expect((await authenticateManager(g, [desk, manager], '9999')).ok).toBe(true);
  });
});
