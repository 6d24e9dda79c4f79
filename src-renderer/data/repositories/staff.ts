/** Desk users; PIN verifiers are checked offline (see features/settings/pin). */
import type { RxCollection } from 'rxdb';
import type { StaffDoc } from '../../../shared/schemas/index';
import { findJson, findOneJson, stampNew, type NewDoc } from './base';

export interface StaffRepository {
  get(id: string): Promise<StaffDoc | null>;
  active(): Promise<StaffDoc[]>;
  save(doc: NewDoc<StaffDoc>): Promise<StaffDoc>;
}

export const staffRepository = (staff: RxCollection<StaffDoc>): StaffRepository => ({
  get: (id) => findOneJson(staff, id),
  active: () => findJson(staff, { selector: { active: true }, sort: [{ id: 'asc' }] }),
  async save(doc) {
    const stamped = stampNew<StaffDoc>(doc);
    await staff.incrementalUpsert(stamped);
    return stamped;
  },
});
