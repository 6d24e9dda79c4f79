/** Moving a booking: the new slot decides first; the old place goes to its waitlist. */
import { describe, expect, it } from 'vitest';
import type { BookingDoc } from '../schemas/bookings';
import { DEFAULT_STATION_RULES } from '../schemas/stations';
import type { BookingContext } from './booking-decide';
import { moveBooking, type MoveInput } from './booking-move';
import { cst, makeBooking, makeMember, makeStation, makeVenue, MONDAY } from '../../tests/support/builders/fixed';

const NOW = cst(`${MONDAY} 08:30`);
const FROM = `venue:v-1:${cst(`${MONDAY} 10:00`)}`;
const TO_START = cst(`${MONDAY} 11:00`);
const TO = `venue:v-1:${TO_START}`;
const venue = makeVenue({ capacity: 1 });
const mine = makeBooking({ id: 'mine', memberId: 'm-1', slotKey: FROM });
const waiting = makeBooking({ id: 'wait', memberId: 'm-2', slotKey: FROM, status: 'waitlisted', reason: 'WAITLISTED' });

const input = (context: Partial<BookingContext> = {}, booking: BookingDoc = mine): MoveInput => ({
  booking,
  fromSlotBookings: [booking, waiting],
  fromCapacity: 1,
  to: { kind: 'venue', venueId: 'v-1', startsAt: TO_START },
  context: { now: NOW, member: makeMember(), venue, station: makeStation(), rules: DEFAULT_STATION_RULES, slotBookings: [], memberBookings: [booking], ...context },
  fields: { id: 'new', stationId: 'st-1', deskId: 'desk-1', staffId: 'staff-1', source: 'desk', decidedBy: 'desk', now: NOW },
});

describe('moveBooking', () => {
  it('books the new slot, cancels the old one and promotes its waitlist', () => {
    const result = moveBooking(input());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.docs.map((d) => [d.id, d.slotKey, d.status, d.reason])).toEqual([
      ['mine', FROM, 'cancelled', 'CANCELLED_BY_STAFF'],
      ['wait', FROM, 'confirmed', 'PROMOTED_FROM_WAITLIST'],
      ['new', TO, 'confirmed', 'OK'],
    ]);
    expect(result.booking).toMatchObject({ memberId: 'm-1', requestedAt: NOW, deskId: 'desk-1' });
  });
  it('changes nothing when the new slot refuses, full included', () => {
    const full = [makeBooking({ id: 'x', memberId: 'm-9', slotKey: TO, startsAt: TO_START })];
    expect(moveBooking(input({ slotBookings: full }))).toMatchObject({ ok: false, reason: 'SLOT_FULL' });
    expect(moveBooking(input({ venueFault: 'blocked' }))).toMatchObject({ ok: false, reason: 'VENUE_OUT_OF_SERVICE' });
  });
  it('joins the new slot’s waitlist only when asked to', () => {
    const full = [makeBooking({ id: 'x', memberId: 'm-9', slotKey: TO, startsAt: TO_START })];
    const result = moveBooking(input({ slotBookings: full, waitlist: true }));
    expect(result.ok && result.booking.status).toBe('waitlisted');
  });
  it('refuses to move a booking that is over or already refused', () => {
    expect(moveBooking(input({}, { ...mine, status: 'attended' }))).toMatchObject({ ok: false, reason: 'NOT_MOVABLE' });
    expect(moveBooking(input({}, { ...mine, status: 'rejected' }))).toMatchObject({ ok: false, reason: 'NOT_MOVABLE' });
  });
  it('refuses moving into the slot the member already holds', () => {
    const same = { ...input(), to: { kind: 'venue' as const, venueId: 'v-1', startsAt: cst(`${MONDAY} 10:00`) } };
    expect(moveBooking(same)).toMatchObject({ ok: false, reason: 'ALREADY_BOOKED' });
  });
});
