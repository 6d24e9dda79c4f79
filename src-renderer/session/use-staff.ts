/** Hooks over the staff session and the active staff list. */
import { useEffect, useState } from 'react';
import type { StaffDoc } from '../../shared/schemas/index';
import { useServices } from '../app/services';
import type { StaffOnDuty } from './staff-session';

/** The staff member on duty, live. */
export const useStaffOnDuty = (): StaffOnDuty | null => {
  const { identity } = useServices();
  const [staff, setStaff] = useState(() => identity.staff.current());
  useEffect(() => {
    setStaff(identity.staff.current());
    return identity.staff.subscribe(setStaff);
  }, [identity]);
  return staff;
};

/** Active staff of this station, live; null until the database has answered. */
export const useActiveStaff = (): StaffDoc[] | null => {
  const { repos } = useServices();
  const [staff, setStaff] = useState<StaffDoc[] | null>(null);
  useEffect(() => repos.staff.subscribeActive(setStaff), [repos]);
  return staff;
};

/**
 * Whether this desk may record now: sign-in is required as soon as the station has active staff
 * (a desk without any staff records, e.g. not enrolled and no demo, works unsigned).
 * `ready` is false until the staff list is known.
 */
export const useSignInGate = (): { ready: boolean; required: boolean; staff: StaffOnDuty | null; active: StaffDoc[] } => {
  const active = useActiveStaff();
  const staff = useStaffOnDuty();
  const required = (active?.length ?? 0) > 0;
  return { ready: active !== null, required, staff: required ? staff : null, active: active ?? [] };
};
