/** Bookings on this desk: a member's bookings (check-in cover, no-show ban) and updates. */
import type { RxCollection } from 'rxdb';
import type { BookingDoc } from '../../../shared/schemas/index';
import { findJson, stampNew, type NewDoc } from './base';

export interface BookingRepository {
  forMember(memberId: string): Promise<BookingDoc[]>;
  /** Insert or replace a booking (desk decisions go through the shared rules first). */
  save(doc: NewDoc<BookingDoc>): Promise<BookingDoc>;
}

export const bookingRepository = (bookings: RxCollection<BookingDoc>): BookingRepository => ({
  forMember: (memberId) => findJson(bookings, { selector: { memberId }, sort: [{ memberId: 'asc' }] }),
  async save(doc) {
    const stamped = stampNew<BookingDoc>({ ...doc, updatedAt: new Date().toISOString() });
    await bookings.incrementalUpsert(stamped);
    return stamped;
  },
});
