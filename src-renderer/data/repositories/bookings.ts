/**
 * Bookings on this desk: the timeline's bookings by start time, a slot's bookings (capacity and
 * waitlist), a member's bookings (check-in cover, no-show ban, ALREADY_BOOKED), the server's
 * unacknowledged verdicts (the exception queue) and the confirmed bookings a no-show release
 * looks at. Writes resolve after IndexedDB committed them (strict durability, see storage.ts).
 */
import type { RxCollection } from 'rxdb';
import type { BookingDoc } from '../../../shared/schemas/index';
import { findJson, findOneJson, stampNew, subscribeQuery, type Listener, type NewDoc, type Unsubscribe } from './base';
import type { TimeRange } from './checkins';

export interface BookingRepository {
  get(id: string): Promise<BookingDoc | null>;
  forMember(memberId: string): Promise<BookingDoc[]>;
  /** Every booking of these slots (any status). */
  forSlots(slotKeys: readonly string[]): Promise<BookingDoc[]>;
  /** Bookings whose slot starts in the range, by start time. */
  startingBetween(range: TimeRange): Promise<BookingDoc[]>;
  subscribeStartingBetween(range: TimeRange, listener: Listener<BookingDoc[]>): Unsubscribe;
  /** Confirmed bookings whose slot started in the range: the no-show release's candidates. */
  confirmedStartingBetween(range: TimeRange): Promise<BookingDoc[]>;
  /** Server verdicts nobody acknowledged yet (the exception queue filters them further). */
  subscribeUnacknowledgedVerdicts(listener: Listener<BookingDoc[]>): Unsubscribe;
  /** Insert or replace a booking (desk decisions go through the shared rules first). */
  save(doc: NewDoc<BookingDoc>): Promise<BookingDoc>;
  /** Writes the documents a rule returned (a cancellation and its promotions, a release…) together. */
  saveMany(docs: readonly BookingDoc[]): Promise<void>;
}

const byStart = { sort: [{ startsAt: 'asc' as const }] };
const starting = (range: TimeRange) => ({ startsAt: { $gte: range.from, $lt: range.to } });
const VERDICTS = { selector: { decidedBy: 'server', ack: { $eq: null } } };

export const bookingRepository = (bookings: RxCollection<BookingDoc>): BookingRepository => ({
  get: (id) => findOneJson(bookings, id),
  forMember: (memberId) => findJson(bookings, { selector: { memberId }, sort: [{ memberId: 'asc' }] }),
  forSlots: (slotKeys) =>
    slotKeys.length === 0 ? Promise.resolve([]) : findJson(bookings, { selector: { slotKey: { $in: [...slotKeys] } }, sort: [{ slotKey: 'asc' }] }),
  startingBetween: (range) => findJson(bookings, { selector: starting(range), ...byStart }),
  subscribeStartingBetween: (range, listener) => subscribeQuery(bookings, { selector: starting(range), ...byStart }, listener),
  confirmedStartingBetween: (range) => findJson(bookings, { selector: { ...starting(range), status: 'confirmed' }, ...byStart }),
  subscribeUnacknowledgedVerdicts: (listener) => subscribeQuery(bookings, VERDICTS as never, listener),
  async save(doc) {
    const stamped = stampNew<BookingDoc>({ ...doc, updatedAt: new Date().toISOString() });
    await bookings.incrementalUpsert(stamped);
    return stamped;
  },
  async saveMany(docs) {
    if (docs.length === 0) return;
    const result = await bookings.bulkUpsert(docs.map((d) => stampNew<BookingDoc>(d)));
    if (result.error.length > 0) throw new Error(`could not save ${result.error.length} booking(s): ${result.error[0]!.status}`);
  },
});
