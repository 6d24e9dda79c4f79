/**
 * Who is on duty at this desk: the staff member signed in with a PIN. Every record the desk makes
 * names them (docs/security.md). A small store with `subscribe`, held in `Services.identity`.
 *
 * Kept in sessionStorage: a reload keeps the sign-in, closing the browser or the app ends it.
 * Only id, name and role are kept, never the PIN.
 */
import type { DeviceStatus } from '../../shared/ipc/channels';
import { STAFF_ROLES, type StaffRole } from '../../shared/schemas/index';
import type { IdleSignOut } from './idle-sign-out';

export interface StaffOnDuty {
  id: string;
  name: string;
  role: StaffRole;
}

export interface StaffSession {
  current(): StaffOnDuty | null;
  subscribe(listener: (staff: StaffOnDuty | null) => void): () => void;
  signIn(staff: StaffOnDuty): void;
  signOut(): void;
}

const KEY = 'station-desk.staff-on-duty';

const parse = (text: string | null): StaffOnDuty | null => {
  try {
    const value = JSON.parse(text ?? 'null') as Partial<StaffOnDuty> | null;
    if (!value || typeof value.id !== 'string' || !value.id || typeof value.name !== 'string') return null;
    if (!(STAFF_ROLES as readonly unknown[]).includes(value.role)) return null;
    return { id: value.id, name: value.name, role: value.role as StaffRole };
  } catch {
    return null;
  }
};

export const createStaffSession = (storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): StaffSession => {
  let current = parse(storage?.getItem(KEY) ?? null);
  const listeners = new Set<(staff: StaffOnDuty | null) => void>();
  const set = (next: StaffOnDuty | null) => {
    current = next;
    if (next) storage?.setItem(KEY, JSON.stringify(next));
    else storage?.removeItem(KEY);
    for (const listener of [...listeners]) listener(next);
  };
  return {
    current: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn: (staff) => set({ id: staff.id, name: staff.name, role: staff.role }),
    signOut: () => set(null),
  };
};

/** This desk's identity for `Services`: the device, and the staff on duty (live). */
export interface DeskIdentity {
  device: DeviceStatus;
  /** Staff member on duty ('' until PIN sign-in): reads the session each time. */
  readonly staffId: string;
  staff: StaffSession;
  /** Signs the staff member out after the desk's idle time (idle-sign-out.ts); the setting lives here. */
  idle: Pick<IdleSignOut, 'minutes' | 'setMinutes'>;
}

export const deskIdentity = (device: DeviceStatus, staff: StaffSession, idle: DeskIdentity['idle']): DeskIdentity => ({
  device,
  staff,
  idle,
  get staffId() {
    return staff.current()?.id ?? '';
  },
});
