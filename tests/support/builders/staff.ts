import type { StaffDoc } from '../../../shared/schemas/index';
import { synced } from './common';

/** Desk staff S-1 with a (meaningless) PIN hash. */
export const makeStaff = (over: Partial<StaffDoc> = {}): StaffDoc => ({
  ...synced(),
  id: 'S-1',
  name: '李前台',
  role: 'desk',
  pin: { salt: 'c2FsdA==', hash: 'aGFzaA==', iterations: 100_000 },
  active: true,
  ...over,
});
