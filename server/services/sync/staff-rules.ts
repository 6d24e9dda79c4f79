/**
 * Who a pushed record says did it (docs/security.md, "Staff accountability"). Threat: a rogue or
 * buggy desk naming a staff member of another station or someone made up, or recording a manager
 * override without a manager. The desk checks PINs offline; the server cannot see the PIN, but it
 * can check every name against the station's own `staff` documents:
 * - a staff field that the push sets or changes names a staff member of this station (active or
 *   not: a record made offline before a deactivation still syncs);
 * - no one (`''`, or the desk's own device id, which a booking acknowledgement carries when no one
 *   is signed in) only while the station has no active staff — the desk's sign-in gate;
 * - an override names a manager of this station, always;
 * - a check-out by closing time names the system (`SYSTEM_STAFF_ID`), and only it does.
 * A station without any staff documents (not set up yet) has no one to name: only overrides and
 * closing check-outs are checked there. Fields the push leaves as stored are not judged again.
 */
import type { ErrorCode } from '../../../shared/protocol/errors';
import { SYSTEM_STAFF_ID, type CollectionName, type StaffRole } from '../../../shared/schemas/index';
import type { Queryable } from '../../db/database';
import { loadAll } from '../../repositories/sync-store';

interface StaffField {
  /** Path of the staff id in the document; a missing or null parent means no such entry. */
  path: readonly string[];
  /** Must name a manager (an override). */
  manager?: true;
  /** The check-out's staff: the system for closing time, a person otherwise. */
  checkOut?: true;
}

/** Every field of a desk-written record that names a staff member. */
export const STAFF_FIELDS: Partial<Record<CollectionName, readonly StaffField[]>> = {
  checkins: [{ path: ['staffId'] }, { path: ['override', 'staffId'], manager: true }, { path: ['checkedOutBy'], checkOut: true }],
  bookings: [{ path: ['staffId'] }, { path: ['ack', 'staffId'] }],
  equipmentLogs: [{ path: ['staffId'] }],
};

export interface StationStaff {
  roles: ReadonlyMap<string, StaffRole>;
  anyActive: boolean;
}

export interface StaffProblem {
  code: Extract<ErrorCode, 'STAFF_UNKNOWN' | 'OVERRIDE_NOT_MANAGER'>;
  message: string;
}

/** The station's staff, read once per push of a collection that names staff (null: nothing to check). */
export const loadStationStaff = async (tx: Queryable, stationId: string, collection: CollectionName): Promise<StationStaff | null> => {
  if (!STAFF_FIELDS[collection]) return null;
  const rows = await loadAll(tx, stationId, 'staff');
  const roles = new Map<string, StaffRole>();
  let anyActive = false;
  for (const row of rows) {
    roles.set(row.id, row.data.role as StaffRole);
    if (row.data.active === true) anyActive = true;
  }
  return { roles, anyActive };
};

const valueAt = (doc: Record<string, unknown> | null, path: readonly string[]): unknown => {
  let value: unknown = doc;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
};

const fieldProblem = (
  field: StaffField,
  value: string,
  doc: Record<string, unknown>,
  staff: StationStaff,
  deviceId: string,
): StaffProblem | null => {
  const name = field.path.join('.');
  if (field.checkOut) {
    const closing = doc.checkOutMethod === 'closing';
    if (closing !== (value === SYSTEM_STAFF_ID)) {
      return { code: 'STAFF_UNKNOWN', message: `${name}: a closing-time check-out names '${SYSTEM_STAFF_ID}', any other check-out a staff member` };
    }
    if (closing) return null;
  }
  const role = staff.roles.get(value);
  if (field.manager) {
    return role === 'manager' ? null : { code: 'OVERRIDE_NOT_MANAGER', message: `${name}: ${value || '(no one)'} is not a manager of this station` };
  }
  if (staff.roles.size === 0 || role !== undefined) return null;
  if ((value === '' || value === deviceId) && !staff.anyActive) return null;
  return {
    code: 'STAFF_UNKNOWN',
    message: value === '' || value === deviceId ? `${name}: names no staff member, but this station has staff who sign in` : `${name}: ${value} is not a staff member of this station`,
  };
};

/** The first staff field of `next` that the push sets or changes and that names the wrong person, else null. */
export const staffProblem = (
  collection: CollectionName,
  staff: StationStaff | null,
  deviceId: string,
  master: Record<string, unknown> | null,
  next: Record<string, unknown>,
): StaffProblem | null => {
  const fields = STAFF_FIELDS[collection];
  if (!fields || !staff || next._deleted === true) return null;
  for (const field of fields) {
    const value = valueAt(next, field.path);
    if (value === undefined || value === null) continue;
    if (master !== null && valueAt(master, field.path) === value) continue;
    const problem = fieldProblem(field, String(value), next, staff, deviceId);
    if (problem) return problem;
  }
  return null;
};
