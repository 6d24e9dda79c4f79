/**
 * The desk's exception queue (docs/sync-protocol.md, "Server authority"): every booking the server refused or
 * changed after the desk wrote it, until staff act on it. Nothing the desk wrote disappears
 * silently: a verdict stays in the queue until it is acknowledged (with a note), cancelled or
 * rebooked, and each of those is itself recorded in the booking (`ack`, status) and synced.
 *
 * Kinds:
 * - 'rejected': the desk wrote a booking, the server rejected it (BANNED, VENUE_OUT_OF_SERVICE,
 *   MEMBER_NOT_ACTIVE…, judged as of the moment the member asked);
 * - 'bumped': the desk confirmed a place offline and the server put it on the waitlist
 *   (SLOT_FULL): someone else (a phone, another desk) got the last place first;
 * - 'fault': the server flagged a still-expected booking because its venue went out of service
 *   (FLAGGED_FAULT): staff call the member.
 * Verdicts on a desk's own bookings show on that desk; fault flags show on every desk of the
 * station (a phone booking has no desk to call its member but the station's).
 */
import type { BookingDoc } from '../schemas/bookings';
import { compareWaitlist } from './bookings';
import { isCancellable } from './booking-waitlist';
import { toMs } from './time';

export type ExceptionKind = 'rejected' | 'bumped' | 'fault';
export type ExceptionAction = 'rebook' | 'cancel' | 'acknowledge';

/** What kind of exception a booking is, or null when it needs nobody's attention. */
export const exceptionKind = (b: Pick<BookingDoc, 'ack' | 'decidedBy' | 'status' | 'reason'>): ExceptionKind | null => {
  if (b.ack !== null || b.decidedBy !== 'server') return null;
  if (b.reason === 'FLAGGED_FAULT' && isCancellable(b.status)) return 'fault';
  if (b.status === 'rejected') return 'rejected';
  if (b.status === 'waitlisted' && b.reason === 'SLOT_FULL') return 'bumped';
  return null;
};

/** The queue of desk `deskId`: unacknowledged verdicts, soonest slot first. */
export const exceptionsOf = (bookings: readonly BookingDoc[], deskId: string): BookingDoc[] =>
  bookings
    .filter((b) => {
      const kind = exceptionKind(b);
      return kind === 'fault' || (kind !== null && b.deskId === deskId);
    })
    .sort((a, b) => toMs(a.startsAt) - toMs(b.startsAt) || compareWaitlist(a, b));

/**
 * What staff can do about it: offer another slot (a rejected booking holds nothing, so it is
 * rebooked; a live one is moved), cancel a booking that still holds or waits for a place, or
 * acknowledge with a note (e.g. "member told, keeps the waitlist place").
 */
export const exceptionActions = (b: Pick<BookingDoc, 'status'>): ExceptionAction[] =>
  isCancellable(b.status) ? ['rebook', 'cancel', 'acknowledge'] : ['rebook', 'acknowledge'];

/** A copy of the booking acknowledged by `staffId` with `note` (status and verdict unchanged). */
export const acknowledgeBooking = (b: BookingDoc, staffId: string, note: string, now: number | string): BookingDoc => {
  const at = new Date(toMs(now)).toISOString();
  return { ...b, ack: { staffId, at, note: note.trim().slice(0, 500) }, updatedAt: at };
};
