/**
 * The server's authoritative verdict on a slot (docs/sync-protocol.md, "Server authority"), run under the
 * station lock whenever bookings of the slot arrive (desk pushes, app requests).
 *
 * A booking made offline may collide with one made in the app. The rule:
 * - Places already granted stay granted: 'attended' bookings and bookings the server itself
 *   confirmed ('confirmed' + decidedBy 'server') are settled, even above capacity (a capacity
 *   cut never evicts anyone).
 * - Every other live claim (desk- or app-confirmed, 'requested', 'waitlisted') queues in
 *   waitlist order (requestedAt, id) for the places left. A claim that gets a place is confirmed
 *   ('requested' → OK, 'waitlisted' → PROMOTED_FROM_WAITLIST, 'confirmed' keeps its reason);
 *   a claim that does not is waitlisted: a desk/app confirmation the server overturns gets
 *   SLOT_FULL (the desk lists it in its exception queue), the rest WAITLISTED.
 * - Waitlisted claims are not promoted into a slot that has ended.
 * - Cancellations, no-shows, attendance and rejections are facts: left as they are.
 *
 * So the verdict depends on the SET of bookings (not on input order), it is idempotent, and the
 * server's own confirmations never exceed capacity. Whether the server has already seen a doc
 * shows in `decidedBy`: the server stamps 'server' on every claim it decides. Before calling
 * this, the server rejects newcomers that fail the non-capacity rules (`bookingRuleFailure`),
 * judged as of their `requestedAt` (the moment the member asked, possibly offline).
 */
import type { BookingDoc } from '../schemas/bookings';
import type { BookingReason } from './reason-codes';
import { compareWaitlist, withVerdict } from './bookings';
import { toMs, type Instant } from './time';

export interface SlotResolution {
  /** Every booking of the slot, in input order, with its authoritative status. */
  bookings: BookingDoc[];
  /** The documents whose status, reason or decider changed: what the server writes. */
  changed: BookingDoc[];
}

const isSettled = (b: BookingDoc): boolean =>
  b.status === 'attended' || (b.status === 'confirmed' && b.decidedBy === 'server');

const isClaim = (b: BookingDoc): boolean =>
  !isSettled(b) && (b.status === 'confirmed' || b.status === 'requested' || b.status === 'waitlisted');

const confirmedReason = (b: BookingDoc): BookingReason =>
  b.status === 'waitlisted' ? 'PROMOTED_FROM_WAITLIST' : b.status === 'requested' ? 'OK' : b.reason;

const waitlistedReason = (b: BookingDoc): BookingReason =>
  b.status === 'waitlisted' ? b.reason : b.status === 'confirmed' ? 'SLOT_FULL' : 'WAITLISTED';

/** Authoritative statuses for all bookings of one slot. */
export const resolveSlot = (slotBookings: readonly BookingDoc[], capacity: number, now: Instant): SlotResolution => {
  const t = toMs(now);
  let taken = slotBookings.filter(isSettled).length;
  const verdicts = new Map<string, BookingDoc>();
  for (const b of slotBookings.filter(isClaim).sort(compareWaitlist)) {
    const mayTake = taken < capacity && (b.status !== 'waitlisted' || t < toMs(b.endsAt));
    if (mayTake) taken++;
    const next = mayTake
      ? withVerdict(b, 'confirmed', confirmedReason(b), 'server', now)
      : withVerdict(b, 'waitlisted', waitlistedReason(b), 'server', now);
    verdicts.set(b.id, next);
  }
  const bookings = slotBookings.map((b) => verdicts.get(b.id) ?? b);
  const changed = bookings.filter((b, i) => {
    const before = slotBookings[i]!;
    return b !== before && (b.status !== before.status || b.reason !== before.reason || b.decidedBy !== before.decidedBy);
  });
  return { bookings, changed };
};
