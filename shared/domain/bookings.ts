/**
 * Bookings, the shared vocabulary: slot keys, which statuses hold a place, waitlist order and
 * the check-in deadline of a booking. The deciding rules build on these (booking-decide,
 * booking-waitlist, booking-no-show, booking-resolve).
 *
 * Decisions recorded here:
 * - A place is held by 'confirmed' and 'attended' bookings only. 'requested' is undecided: it
 *   holds nothing until a rule decides it (counting it too would hold one place twice while a
 *   verdict is pending); 'waitlisted', 'rejected', 'cancelled' and 'no-show' hold nothing.
 * - The waitlist is ordered by (requestedAt, id): the member who asked first goes first; the
 *   time-ordered id breaks ties the same way on every desk and on the server.
 * - Check-in is accepted until start + checkInWindowMinutes. A booking promoted from the waitlist
 *   may have been promoted after that (the place was freed by a no-show release), so it may
 *   check in until the slot ends: a late promotion never turns into a no-show penalty.
 * - A booking made after its slot started (a place freed by a no-show release, rebooked at once)
 *   gets its own window from the moment it was asked for, up to the slot's end: it is never born
 *   past its deadline.
 */
import type { BookingDoc, BookingStatus } from '../schemas/bookings';
import type { BookingReason } from './reason-codes';
import { MINUTE_MS, toIso, toMs, type Instant } from './time';

export type ParsedSlotKey = { kind: 'venue'; venueId: string; startsAt: string } | { kind: 'session'; sessionId: string };

const checkId = (what: string, id: string): string => {
  if (id.length === 0 || id.includes(':')) throw new RangeError(`invalid ${what} id for a slot key: "${id}"`);
  return id;
};

/** `venue:<venueId>:<startsAt>`, with startsAt normalized so equal instants give equal keys. */
export const venueSlotKey = (venueId: string, startsAt: Instant): string =>
  `venue:${checkId('venue', venueId)}:${toIso(startsAt)}`;

export const sessionSlotKey = (sessionId: string): string => `session:${checkId('session', sessionId)}`;

/** The slot a booking counts against: its session, or its venue at its start time. */
export const slotKeyOf = (booking: Pick<BookingDoc, 'venueId' | 'sessionId' | 'startsAt'>): string =>
  booking.sessionId ? sessionSlotKey(booking.sessionId) : venueSlotKey(booking.venueId, booking.startsAt);

export const parseSlotKey = (key: string): ParsedSlotKey | null => {
  const session = /^session:([^:]+)$/.exec(key);
  if (session) return { kind: 'session', sessionId: session[1]! };
  const venue = /^venue:([^:]+):(.+)$/.exec(key);
  if (!venue || !Number.isFinite(Date.parse(venue[2]!))) return null;
  return { kind: 'venue', venueId: venue[1]!, startsAt: venue[2]! };
};

/** Holds one of the slot's places. */
export const holdsPlace = (status: BookingStatus): boolean => status === 'confirmed' || status === 'attended';

/** A live booking: the member already has this slot (ALREADY_BOOKED). */
export const isLiveBooking = (status: BookingStatus): boolean =>
  status === 'requested' || status === 'confirmed' || status === 'waitlisted' || status === 'attended';

/** Places taken in a slot (pass the bookings of one slot). */
export const placesTaken = (slotBookings: readonly BookingDoc[]): number =>
  slotBookings.filter((b) => holdsPlace(b.status)).length;

/** Waitlist order: (requestedAt, id). */
export const compareWaitlist = (
  a: Pick<BookingDoc, 'requestedAt' | 'id'>,
  b: Pick<BookingDoc, 'requestedAt' | 'id'>,
): number => toMs(a.requestedAt) - toMs(b.requestedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The slot's waitlist, head first. */
export const waitlistOf = (slotBookings: readonly BookingDoc[]): BookingDoc[] =>
  slotBookings.filter((b) => b.status === 'waitlisted').sort(compareWaitlist);

/** 1-based place in the waitlist, or 0 if the booking is not waitlisted. */
export const waitlistPosition = (slotBookings: readonly BookingDoc[], id: string): number =>
  waitlistOf(slotBookings).findIndex((b) => b.id === id) + 1;

/** Capacity of a slot: the session's when booking a class, else the venue's per-slot capacity. */
export const slotCapacity = (venue: { capacity: number }, session?: { capacity: number } | null): number =>
  session ? session.capacity : venue.capacity;

type Timing = Pick<BookingDoc, 'startsAt' | 'endsAt' | 'reason'> & Partial<Pick<BookingDoc, 'requestedAt'>>;

/** Last instant (epoch ms, inclusive) at which the booking can still be checked in. */
export const checkInDeadline = (booking: Timing, checkInWindowMinutes: number): number => {
  const length = checkInWindowMinutes * MINUTE_MS;
  const start = toMs(booking.startsAt);
  const end = toMs(booking.endsAt);
  const window = start + length;
  if (booking.reason === 'PROMOTED_FROM_WAITLIST') return Math.max(window, end);
  const asked = booking.requestedAt === undefined ? -Infinity : toMs(booking.requestedAt);
  return asked > start ? Math.max(window, Math.min(asked + length, end)) : window;
};

/** Default: members may check in for a booking this long before it starts. */
export const DEFAULT_CHECK_IN_LEAD_MINUTES = 30;

/**
 * Whether the booking admits its member at `now`: a confirmed booking from `leadMinutes` before
 * its start until its check-in deadline; an attended one (re-entry after stepping out) until the
 * slot ends.
 */
export const coversCheckIn = (
  booking: Timing & Pick<BookingDoc, 'status'>,
  now: Instant,
  checkInWindowMinutes: number,
  leadMinutes: number = DEFAULT_CHECK_IN_LEAD_MINUTES,
): boolean => {
  const t = toMs(now);
  if (t < toMs(booking.startsAt) - leadMinutes * MINUTE_MS) return false;
  const deadline = checkInDeadline(booking, checkInWindowMinutes);
  if (booking.status === 'confirmed') return t <= deadline;
  if (booking.status === 'attended') return t < Math.max(deadline, toMs(booking.endsAt));
  return false;
};

/** Who writes a verdict: the desk (optimistic), the server (authority) or the phone app. */
export type Decider = BookingDoc['decidedBy'];

/** A copy of the booking with a new status and reason, stamped with who decided and when. */
export const withVerdict = (
  booking: BookingDoc,
  status: BookingStatus,
  reason: BookingReason,
  by: Decider,
  now: Instant,
): BookingDoc => ({ ...booking, status, reason, decidedBy: by, updatedAt: toIso(now) });

/**
 * A booking the desk decided and the server has not yet: its place may still go to a phone
 * booking, so staff see it as pending (待确认), never as final (docs/domain-rules.md).
 */
export const isProvisionalBooking = (b: Pick<BookingDoc, 'decidedBy' | 'status'>): boolean =>
  b.decidedBy === 'desk' && (b.status === 'requested' || b.status === 'confirmed' || b.status === 'waitlisted');

/** How many provisional bookings each slot holds (by slot key). */
export const provisionalBySlot = (bookings: readonly BookingDoc[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const b of bookings) if (isProvisionalBooking(b)) counts.set(b.slotKey, (counts.get(b.slotKey) ?? 0) + 1);
  return counts;
};

/** Groups bookings by slot key. */
export const groupBySlot = (bookings: readonly BookingDoc[]): Map<string, BookingDoc[]> => {
  const slots = new Map<string, BookingDoc[]>();
  for (const b of bookings) {
    const list = slots.get(b.slotKey);
    if (list) list.push(b);
    else slots.set(b.slotKey, [b]);
  }
  return slots;
};
