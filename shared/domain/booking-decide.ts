/**
 * Deciding a new booking request: confirmed, waitlisted or rejected, with a reason code.
 * The desk decides optimistically; the server re-checks the same rules (`bookingRuleFailure`)
 * and then decides capacity authoritatively with `resolveSlot`.
 *
 * Precedence (the first failing rule is the reason):
 *   VENUE_NOT_FOUND → SESSION_NOT_FOUND (unknown or cancelled class) → IN_THE_PAST →
 *   MEMBER_NOT_ACTIVE → BANNED → ALREADY_BOOKED → VENUE_CLOSED (venue inactive) →
 *   STATION_CLOSED (slot not inside one opening interval) → VENUE_OUT_OF_SERVICE (open
 *   high-severity fault) → capacity.
 * What exists comes first, then who asks, then the venue's state, then room.
 *
 * - In the past: once the slot has ended. A running slot can still be booked (a place freed by a
 *   no-show release is rebooked at once); such a late booking gets its own check-in window from
 *   the moment it is made (see `checkInDeadline`).
 * - Member not active: unknown, suspended or expired, validity ended, or a provisional card not
 *   yet reviewed.
 * - Capacity: confirmed while places are free and nobody waits; otherwise waitlisted (WAITLISTED),
 *   or rejected SLOT_FULL when the caller disables the waitlist. A newcomer never jumps the queue.
 * - An open fault below high severity does not refuse: the booking carries FLAGGED_FAULT (as its
 *   reason when confirmed, and in `flags` always) so staff can warn the member.
 */
import type { BookingDoc } from '../schemas/bookings';
import type { MemberDoc } from '../schemas/members';
import type { SessionDoc } from '../schemas/sessions';
import type { StationRules } from '../schemas/stations';
import type { VenueDoc } from '../schemas/venues';
import type { BookingReason } from './reason-codes';
import { isLiveBooking, placesTaken, sessionSlotKey, slotCapacity, venueSlotKey, waitlistOf } from './bookings';
import { noShowBan } from './booking-no-show';
import type { VenueFaultState } from './equipment';
import { MINUTE_MS, openIntervalAt, toIso, toMs, type Instant, type StationHours } from './time';

export type BookingSlotRequest =
  | { kind: 'venue'; venueId: string; startsAt: Instant }
  | { kind: 'session'; sessionId: string };

export interface BookingRequest {
  memberId: string;
  slot: BookingSlotRequest;
}

export interface BookingContext {
  now: Instant;
  member: MemberDoc | null;
  /** The venue booked, or the session's venue. */
  venue: VenueDoc | null;
  /** The session, for a class booking. */
  session?: SessionDoc | null;
  /** Opening hours to check the slot against; omit to skip STATION_CLOSED. */
  station?: StationHours | null;
  rules: Pick<StationRules, 'checkInWindowMinutes' | 'noShowLimit' | 'noShowPeriodDays' | 'noShowBanDays'>;
  /** Every booking of the slot. */
  slotBookings: readonly BookingDoc[];
  /** The member's bookings (ALREADY_BOOKED, no-show ban). */
  memberBookings: readonly BookingDoc[];
  /** From `venueFaultState`; default 'ok'. */
  venueFault?: VenueFaultState;
  /** Waitlist when full (default true); false rejects with SLOT_FULL. */
  waitlist?: boolean;
  /** Re-deciding an existing booking (server): ignore this id among the member's bookings. */
  bookingId?: string;
}

/** The slot a request resolves to: what the booking document stores. */
export interface ResolvedSlot {
  slotKey: string;
  venueId: string;
  sessionId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

export interface BookingDecision {
  status: 'confirmed' | 'waitlisted' | 'rejected';
  reason: BookingReason;
  /** Notes for staff that do not change the status (FLAGGED_FAULT). */
  flags: BookingReason[];
  /** Null when the venue or session is unknown. */
  slot: ResolvedSlot | null;
  /** 1-based waitlist place when waitlisted, else 0. */
  waitlistPosition: number;
}

/** The slot a request refers to, or the reason it cannot be resolved. */
export const resolveRequestSlot = (request: BookingRequest, context: BookingContext): ResolvedSlot | BookingReason => {
  const { venue, session } = context;
  if (request.slot.kind === 'session') {
    const sessionId = request.slot.sessionId;
    if (!session || session.id !== sessionId || session.cancelled) return 'SESSION_NOT_FOUND';
    if (!venue || venue.id !== session.venueId) return 'VENUE_NOT_FOUND';
    const { startsAt, endsAt } = session;
    return { slotKey: sessionSlotKey(sessionId), venueId: venue.id, sessionId, startsAt, endsAt, capacity: slotCapacity(venue, session) };
  }
  if (!venue || venue.id !== request.slot.venueId) return 'VENUE_NOT_FOUND';
  const start = toMs(request.slot.startsAt);
  return {
    slotKey: venueSlotKey(venue.id, start),
    venueId: venue.id,
    sessionId: '',
    startsAt: toIso(start),
    endsAt: toIso(start + venue.slotMinutes * MINUTE_MS),
    capacity: slotCapacity(venue),
  };
};

const memberActive = (member: MemberDoc | null, t: number): boolean =>
  member !== null && member.status === 'active' && member.source !== 'provisional' && t <= toMs(member.validUntil);

const slotInsideHours = (station: StationHours, slot: ResolvedSlot): boolean => {
  const interval = openIntervalAt(station, slot.startsAt);
  return interval !== null && toMs(slot.endsAt) <= interval.end;
};

/** The first non-capacity rule the request fails (see precedence above), or null. */
export const bookingRuleFailure = (request: BookingRequest, context: BookingContext): BookingReason | null => {
  const slot = resolveRequestSlot(request, context);
  if (typeof slot === 'string') return slot;
  const t = toMs(context.now);
  if (t >= toMs(slot.endsAt)) return 'IN_THE_PAST';
  if (context.member?.id !== request.memberId || !memberActive(context.member, t)) return 'MEMBER_NOT_ACTIVE';
  const own = context.memberBookings.filter((b) => b.memberId === request.memberId && b.id !== context.bookingId);
  if (noShowBan(own, t, context.rules).banned) return 'BANNED';
  if (own.some((b) => b.slotKey === slot.slotKey && isLiveBooking(b.status))) return 'ALREADY_BOOKED';
  if (!context.venue?.active) return 'VENUE_CLOSED';
  if (context.station && !slotInsideHours(context.station, slot)) return 'STATION_CLOSED';
  if (context.venueFault === 'blocked') return 'VENUE_OUT_OF_SERVICE';
  return null;
};

export const decideBooking = (request: BookingRequest, context: BookingContext): BookingDecision => {
  const resolved = resolveRequestSlot(request, context);
  const slot = typeof resolved === 'string' ? null : resolved;
  const flags: BookingReason[] = context.venueFault === 'flagged' ? ['FLAGGED_FAULT'] : [];
  const failure = bookingRuleFailure(request, context);
  if (failure !== null || slot === null) {
    return { status: 'rejected', reason: failure ?? 'VENUE_NOT_FOUND', flags, slot, waitlistPosition: 0 };
  }
  const others = context.slotBookings.filter((b) => b.slotKey === slot.slotKey && b.id !== context.bookingId);
  const queue = waitlistOf(others);
  if (placesTaken(others) < slot.capacity && queue.length === 0) {
    return { status: 'confirmed', reason: flags[0] ?? 'OK', flags, slot, waitlistPosition: 0 };
  }
  if (context.waitlist === false) return { status: 'rejected', reason: 'SLOT_FULL', flags, slot, waitlistPosition: 0 };
  return { status: 'waitlisted', reason: 'WAITLISTED', flags, slot, waitlistPosition: queue.length + 1 };
};

/** The request an existing booking document stands for (the server re-decides it). */
export const requestOfBooking = (booking: Pick<BookingDoc, 'memberId' | 'venueId' | 'sessionId' | 'startsAt'>): BookingRequest => ({
  memberId: booking.memberId,
  slot: booking.sessionId
    ? { kind: 'session', sessionId: booking.sessionId }
    : { kind: 'venue', venueId: booking.venueId, startsAt: booking.startsAt },
});

export interface NewBookingFields {
  id: string;
  stationId: string;
  memberId: string;
  deskId: string;
  staffId: string;
  source: BookingDoc['source'];
  decidedBy: BookingDoc['decidedBy'];
  now: Instant;
}

/** The booking document for a decision (requestedAt = now). Throws if the slot is unknown. */
export const buildBookingDoc = (decision: BookingDecision, fields: NewBookingFields): BookingDoc => {
  const { slot } = decision;
  if (!slot) throw new RangeError(`cannot record a booking without a slot (${decision.reason})`);
  const now = toIso(fields.now);
  return {
    id: fields.id,
    stationId: fields.stationId,
    serverRev: 0,
    updatedAt: now,
    memberId: fields.memberId,
    venueId: slot.venueId,
    sessionId: slot.sessionId,
    slotKey: slot.slotKey,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    status: decision.status,
    reason: decision.reason,
    decidedBy: fields.decidedBy,
    source: fields.source,
    requestedAt: now,
    deskId: fields.deskId,
    staffId: fields.staffId,
    checkInId: '',
    ack: null,
  };
};
