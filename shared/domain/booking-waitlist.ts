/**
 * Changing a slot's bookings: cancelling, promoting the waitlist into freed places, marking a
 * booking attended. Each function returns the documents to write (new copies, never mutated).
 *
 * Promotion fills free places from the head of the waitlist, (requestedAt, id) order, and never
 * skips anyone: the head is promoted first or nobody is. Nobody is promoted into a slot that has
 * already ended (a promotion there could only end as an unfair no-show).
 */
import type { BookingDoc } from '../schemas/bookings';
import type { BookingReason } from './reason-codes';
import { holdsPlace, placesTaken, waitlistOf, withVerdict, type Decider } from './bookings';
import { toMs, type Instant } from './time';

/** Promotes waitlisted bookings of one slot into its free places. Returns the promoted copies. */
export const promoteWaitlist = (
  slotBookings: readonly BookingDoc[],
  capacity: number,
  now: Instant,
  by: Decider = 'desk',
): BookingDoc[] => {
  const t = toMs(now);
  let free = capacity - placesTaken(slotBookings);
  const promoted: BookingDoc[] = [];
  for (const b of waitlistOf(slotBookings)) {
    if (free <= 0 || t >= toMs(b.endsAt)) break;
    promoted.push(withVerdict(b, 'confirmed', 'PROMOTED_FROM_WAITLIST', by, now));
    free--;
  }
  return promoted;
};

/** Statuses a booking can be cancelled from. */
export const isCancellable = (status: BookingDoc['status']): boolean =>
  status === 'requested' || status === 'confirmed' || status === 'waitlisted';

export interface CancelOptions {
  by?: Decider;
  /** Recorded on the cancelled booking; default CANCELLED_BY_STAFF. */
  reason?: BookingReason;
}

/**
 * Cancels booking `id` among `slotBookings` (all bookings of its slot) and promotes the waitlist
 * into the place it held. Returns [cancelled, ...promoted], or [] when there is nothing to cancel
 * (unknown id, or already attended / no-show / rejected / cancelled).
 */
export const cancelBooking = (
  slotBookings: readonly BookingDoc[],
  id: string,
  capacity: number,
  now: Instant,
  options: CancelOptions = {},
): BookingDoc[] => {
  const target = slotBookings.find((b) => b.id === id);
  if (!target || !isCancellable(target.status)) return [];
  const by = options.by ?? 'desk';
  const cancelled = withVerdict(target, 'cancelled', options.reason ?? 'CANCELLED_BY_STAFF', by, now);
  if (!holdsPlace(target.status)) return [cancelled];
  const after = slotBookings.map((b) => (b.id === id ? cancelled : b));
  return [cancelled, ...promoteWaitlist(after, capacity, now, by)];
};

/**
 * Marks a confirmed booking attended by check-in `checkInId`. Returns null when there is nothing
 * to write: already attended (a re-entry keeps the first check-in) or not confirmed.
 */
export const markAttended = (
  booking: BookingDoc,
  checkInId: string,
  now: Instant,
  by: Decider = 'desk',
): BookingDoc | null =>
  booking.status === 'confirmed' ? { ...withVerdict(booking, 'attended', booking.reason, by, now), checkInId } : null;
