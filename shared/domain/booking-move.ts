/**
 * Moving a booking to another slot: cancel the old booking (its place goes to that slot's
 * waitlist, head first) and book the new slot under the usual rules. A move never changes a
 * booking's slot in place: each document keeps the slot it counts against, so capacity, the
 * waitlist and the server's verdict stay per-slot and every step is visible in the history.
 *
 * The new slot is decided first; if it refuses, nothing changes. By default a move does not
 * trade a place for a waitlist spot: a full target slot refuses with SLOT_FULL unless the caller
 * asks for the waitlist (`context.waitlist: true`).
 */
import type { BookingDoc } from '../schemas/bookings';
import type { BookingReason } from './reason-codes';
import { buildBookingDoc, decideBooking, type BookingContext, type BookingDecision, type BookingRequest, type NewBookingFields } from './booking-decide';
import { cancelBooking, isCancellable } from './booking-waitlist';

export type MoveRefusal = BookingReason | 'NOT_MOVABLE';

export interface MoveInput {
  /** The booking to move; must still be cancellable (requested, confirmed, waitlisted). */
  booking: BookingDoc;
  /** Every booking of the old slot (its waitlist gets the freed place). */
  fromSlotBookings: readonly BookingDoc[];
  fromCapacity: number;
  /** The new slot, for the same member. */
  to: BookingRequest['slot'];
  /** Context of the new slot (slotBookings of the new slot, member bookings, venue, rules…). */
  context: BookingContext;
  /** Fields of the new document (id, desk, staff…); memberId is the booking's. */
  fields: Omit<NewBookingFields, 'memberId'>;
}

export type MoveResult =
  | { ok: true; decision: BookingDecision; booking: BookingDoc; cancelled: BookingDoc; docs: BookingDoc[] }
  | { ok: false; reason: MoveRefusal; decision: BookingDecision | null };

export const moveBooking = (input: MoveInput): MoveResult => {
  const { booking } = input;
  if (!isCancellable(booking.status)) return { ok: false, reason: 'NOT_MOVABLE', decision: null };
  const decision = decideBooking({ memberId: booking.memberId, slot: input.to }, { waitlist: false, ...input.context });
  if (decision.status === 'rejected') return { ok: false, reason: decision.reason, decision };
  const created = buildBookingDoc(decision, { ...input.fields, memberId: booking.memberId });
  const [cancelled, ...promoted] = cancelBooking(input.fromSlotBookings, booking.id, input.fromCapacity, input.fields.now, {
    by: input.fields.decidedBy,
  });
  if (!cancelled) return { ok: false, reason: 'NOT_MOVABLE', decision };
  return { ok: true, decision, booking: created, cancelled, docs: [cancelled, ...promoted, created] };
};
