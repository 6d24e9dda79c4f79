/** Desk users; PIN verifiers are checked offline (session/pin-verify.ts). */
import type { RxCollection } from 'rxdb';
import type { StaffDoc } from '../../../shared/schemas/index';
import { findJson, findOneJson, stampNew, subscribeQuery, type Listener, type NewDoc, type Unsubscribe } from './base';

export interface StaffRepository {
  get(id: string): Promise<StaffDoc | null>;
  active(): Promise<StaffDoc[]>;
  /** Active staff, live (sign-in choices; whether this desk requires sign-in at all). */
  subscribeActive(listener: Listener<StaffDoc[]>): Unsubscribe;
  save(doc: NewDoc<StaffDoc>): Promise<StaffDoc>;
}

export const staffRepository = (staff: RxCollection<StaffDoc>): StaffRepository => ({
  get: (id) => findOneJson(staff, id),
  active: () => findJson(staff, { selector: { active: true }, sort: [{ id: 'asc' }] }),
  subscribeActive: (listener) => subscribeQuery(staff, { selector: { active: true }, sort: [{ id: 'asc' }] }, listener),
  async save(doc) {
    const stamped = stampNew<StaffDoc>(doc);
    await staff.incrementalUpsert(stamped);
    return stamped;
  },
});
