/**
 * PIN authentication at the desk: sign-in as a chosen staff member, and identifying whoever typed
 * a PIN on the manager's override pad. Both go through the lockout (pin-lockout.ts) and the
 * PBKDF2 verifier (pin-verify.ts); neither keeps the PIN.
 *
 * Threat: a desk member, or anyone at the counter, admitting someone by acting as the manager.
 * The override pad tries managers first; a PIN that belongs to desk staff is reported as such
 * (so the desk member knows to call the manager) but counts as a failure on the pad, so desk
 * staff cannot reset its lockout with their own PIN while guessing the manager's.
 */
import type { StaffDoc } from '../../shared/schemas/index';
import { LOCKOUT_POLICY, lockedFor, recordFailure, triesLeft, UNLOCKED, type LockoutPolicy, type LockoutStore } from './pin-lockout';
import { isPinShaped, verifyPin } from './pin-verify';

export type AuthError = 'BAD_FORMAT' | 'LOCKED' | 'WRONG_PIN' | 'INACTIVE' | 'NOT_A_MANAGER';

export type AuthResult =
  | { ok: true; staff: StaffDoc }
  | { ok: false; error: AuthError; /** for LOCKED */ retryInMs: number; /** wrong PINs left before a lock */ triesLeft: number };

export interface PinGate {
  lockout: LockoutStore;
  now: () => number;
  policy?: LockoutPolicy;
}

/** The lockout target of the manager's override pad. */
export const OVERRIDE_TARGET = 'override';

const fail = (gate: PinGate, target: string, error: AuthError, count: boolean): AuthResult => {
  const policy = gate.policy ?? LOCKOUT_POLICY;
  const state = count ? recordFailure(gate.lockout.get(target), gate.now(), policy) : gate.lockout.get(target);
  if (count) gate.lockout.set(target, state);
  return { ok: false, error, retryInMs: lockedFor(state, gate.now()), triesLeft: triesLeft(state, policy) };
};

const locked = (gate: PinGate, target: string): AuthResult | null => {
  const state = gate.lockout.get(target);
  const wait = lockedFor(state, gate.now());
  return wait > 0 ? { ok: false, error: 'LOCKED', retryInMs: wait, triesLeft: 0 } : null;
};

/** Sign-in: the PIN of the staff member chosen on the pad. */
export const authenticateStaff = async (gate: PinGate, staff: StaffDoc, pin: string): Promise<AuthResult> => {
  const target = `staff:${staff.id}`;
  const lock = locked(gate, target);
  if (lock) return lock;
  if (!isPinShaped(pin)) return fail(gate, target, 'BAD_FORMAT', false);
  if (!staff.active) return fail(gate, target, 'INACTIVE', false);
  if (!(await verifyPin(pin, staff.pin))) return fail(gate, target, 'WRONG_PIN', true);
  gate.lockout.set(target, UNLOCKED);
  return { ok: true, staff };
};

const findByPin = async (staff: readonly StaffDoc[], pin: string): Promise<StaffDoc | null> => {
  for (const s of staff) if (await verifyPin(pin, s.pin)) return s;
  return null;
};

/**
 * The override pad: the active manager whose PIN this is. A desk member's PIN is refused with
 * NOT_A_MANAGER; inactive staff are never matched.
 */
export const authenticateManager = async (gate: PinGate, staff: readonly StaffDoc[], pin: string): Promise<AuthResult> => {
  const lock = locked(gate, OVERRIDE_TARGET);
  if (lock) return lock;
  if (!isPinShaped(pin)) return fail(gate, OVERRIDE_TARGET, 'BAD_FORMAT', false);
  const active = staff.filter((s) => s.active);
  const manager = await findByPin(
    active.filter((s) => s.role === 'manager'),
    pin,
  );
  if (manager) {
    gate.lockout.set(OVERRIDE_TARGET, UNLOCKED);
    return { ok: true, staff: manager };
  }
  const other = await findByPin(
    active.filter((s) => s.role !== 'manager'),
    pin,
  );
  return fail(gate, OVERRIDE_TARGET, other ? 'NOT_A_MANAGER' : 'WRONG_PIN', true);
};
