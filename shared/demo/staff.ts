/**
 * The demo station's two staff members, shared by the desk's offline demo
 * (src-renderer/features/settings/demo-data.ts) so that the ids match the server's demo seed
 * (server/services/demo/catalog.ts, DEMO-STAFF-<key>) and the PINs the README and the sign-in hint name.
 */
import type { StaffRole } from '../schemas/staff';

export interface DemoStaffMember {
  id: string;
  name: string;
  role: StaffRole;
  /** Demo only: real PINs exist nowhere but as verifiers. */
  pin: string;
}

export const DEMO_STAFF_MEMBERS: readonly DemoStaffMember[] = [
  { id: 'DEMO-STAFF-DESK', name: '李前台', role: 'desk', pin: '1234' },
  { id: 'DEMO-STAFF-MANAGER', name: '王站长', role: 'manager', pin: '9999' },
];
