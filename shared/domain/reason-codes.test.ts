/** Reason code guards, and proof that every booking reason is produced by some rule. */
import { describe, it, expect } from 'vitest';
import type { BookingDoc } from '../schemas/bookings';
import { DEFAULT_STATION_RULES } from '../schemas/stations';
import { decideBooking, type BookingContext, type BookingRequest } from './booking-decide';
import { releaseNoShows } from './booking-no-show';
import { resolveSlot } from './booking-resolve';
import { cancelBooking } from './booking-waitlist';
import { BOOKING_REASONS, CHECK_IN_REASONS, isBookingReason, isCheckInReason, type BookingReason } from './reason-codes';
import { cst, makeBooking, makeMember, makeStation, makeVenue, MONDAY } from '../../tests/support/builders/fixed';

describe('reason code guards', () => {
  it('accept every code and nothing else', () => {
    for (const code of CHECK_IN_REASONS) expect(isCheckInReason(code)).toBe(true);
    for (const code of BOOKING_REASONS) expect(isBookingReason(code)).toBe(true);
    for (const bad of ['', 'ok', 'NOPE', null, 3, undefined]) {
      expect(isCheckInReason(bad)).toBe(false);
      expect(isBookingReason(bad)).toBe(false);
    }
  });
});

describe('every booking reason is produced by some rule', () => {
  it('covers BOOKING_REASONS', () => {
    const start = cst(`${MONDAY} 10:00`);
    const slotKey = `venue:v-1:${start}`;
    const request: BookingRequest = { memberId: 'm-1', slot: { kind: 'venue', venueId: 'v-1', startsAt: start } };
    const ctx = (over: Partial<BookingContext>): BookingContext => ({
      now: cst(`${MONDAY} 08:30`),
      member: makeMember(),
      venue: makeVenue({ capacity: 1 }),
      station: makeStation(),
      rules: DEFAULT_STATION_RULES,
      slotBookings: [],
      memberBookings: [],
      ...over,
    });
    const full = [makeBooking({ id: 'x', memberId: 'm-x', slotKey })];
    const noShows = [20, 21, 22].map((d) => makeBooking({ id: `n${d}`, status: 'no-show', startsAt: cst(`2026-02-${d} 10:00`) }));
    const contexts: Partial<BookingContext>[] = [
      {},
      { slotBookings: full },
      { slotBookings: full, waitlist: false },
      { memberBookings: noShows },
      { venueFault: 'blocked' },
      { venueFault: 'flagged' },
      { venue: makeVenue({ capacity: 1, active: false }) },
      { venue: null },
      { memberBookings: full.map((b) => ({ ...b, memberId: 'm-1' })) },
      { now: cst(`${MONDAY} 12:00`) },
      { member: null },
    ];
    const produced = new Set<BookingReason>(contexts.map((c) => decideBooking(request, ctx(c)).reason));
    produced.add(decideBooking({ memberId: 'm-1', slot: { kind: 'session', sessionId: 's-9' } }, ctx({})).reason);
    produced.add(decideBooking({ ...request, slot: { kind: 'venue', venueId: 'v-1', startsAt: cst(`${MONDAY} 23:00`) } }, ctx({})).reason);
    const slot: BookingDoc[] = [makeBooking({ id: 'c', slotKey }), makeBooking({ id: 'w', memberId: 'm-w', status: 'waitlisted', slotKey })];
    for (const d of cancelBooking(slot, 'c', 1, cst(`${MONDAY} 09:00`))) produced.add(d.reason);
    for (const d of releaseNoShows(slot, cst(`${MONDAY} 10:30`), 15, 1)) produced.add(d.reason);
    for (const d of resolveSlot([...slot, makeBooking({ id: 'd', memberId: 'm-d', slotKey, decidedBy: 'desk' })], 1, cst(`${MONDAY} 09:00`)).bookings) {
      produced.add(d.reason);
    }
    expect([...produced].sort()).toEqual([...BOOKING_REASONS].sort());
  });
});
