import type { CheckInDoc } from '../../../shared/schemas/index';
import { synced, T0 } from './common';

/** An admitted manual check-in at T0 by desk DESK-1, not checked out, with a new id. */
export const makeCheckIn = (over: Partial<CheckInDoc> = {}): CheckInDoc => ({
  ...synced(),
  memberId: '',
  badge: '310000000001',
  method: 'manual',
  outcome: 'admit',
  reason: 'OK',
  warnings: [],
  at: T0,
  deskId: 'DESK-1',
  staffId: 'S-1',
  bookingId: '',
  override: null,
  provisional: false,
  checkedOutAt: null,
  checkOutMethod: null,
  ...over,
});
