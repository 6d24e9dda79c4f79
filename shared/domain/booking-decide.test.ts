/** Deciding booking requests: confirmations, waitlist, every rejection and their precedence. */
import { describe, it, expect } from 'vitest';
import Ajv from 'ajv';
import { bookingSchema, type BookingDoc } from '../schemas/bookings';
import { DEFAULT_STATION_RULES } from '../schemas/stations';
import {
  bookingRuleFailure,
  buildBookingDoc,
  decideBooking,
  requestOfBooking,
  resolveRequestSlot,
  type BookingContext,
  type BookingRequest,
} from './booking-decide';
import { cst, makeBooking, makeMember, makeSession, makeStation, makeVenue, MONDAY } from '../../tests/support/builders/fixed';
import { toIso, toMs } from './time';

const NOW = cst(`${MONDAY} 08:30`);
const START = cst(`${MONDAY} 10:00`);
const venue = makeVenue(); // capacity 4, 60-minute slots
const request: BookingRequest = { memberId: 'm-1', slot: { kind: 'venue', venueId: 'v-1', startsAt: START } };
const sessionRequest: BookingRequest = { memberId: 'm-1', slot: { kind: 'session', sessionId: 's-1' } };
const SLOT = `venue:v-1:${START}`;

const ctx = (over: Partial<BookingContext> = {}): BookingContext => ({
  now: NOW,
  member: makeMember(),
  venue,
  station: makeStation(),
  rules: DEFAULT_STATION_RULES,
  slotBookings: [],
  memberBookings: [],
  ...over,
});
const taken = (n: number, status: BookingDoc['status'] = 'confirmed') =>
  Array.from({ length: n }, (_, i) => makeBooking({ id: `o-${i}`, memberId: `m-o${i}`, status, slotKey: SLOT }));
const noShows = (n: number) =>
  Array.from({ length: n }, (_, i) => makeBooking({ id: `ns-${i}`, status: 'no-show', startsAt: cst(`2026-02-2${i} 10:00`) }));

describe('resolveRequestSlot', () => {
  it('resolves a venue slot from the venue (end = start + slotMinutes)', () => {
    expect(resolveRequestSlot(request, ctx())).toEqual({
      slotKey: SLOT,
      venueId: 'v-1',
      sessionId: '',
      startsAt: START,
      endsAt: cst(`${MONDAY} 11:00`),
      capacity: 4,
    });
  });
  it('resolves a class from its session', () => {
    expect(resolveRequestSlot(sessionRequest, ctx({ session: makeSession() }))).toMatchObject({
      slotKey: 'session:s-1',
      sessionId: 's-1',
      startsAt: cst(`${MONDAY} 19:00`),
      capacity: 10,
    });
  });
});

describe('decideBooking: confirmed and waitlisted', () => {
  it('confirms while places are free', () => {
    expect(decideBooking(request, ctx({ slotBookings: taken(3) }))).toMatchObject({ status: 'confirmed', reason: 'OK', flags: [], waitlistPosition: 0 });
  });
  it('counts confirmed and attended, not requested, cancelled or no-show', () => {
    const slot = [...taken(2), ...taken(2, 'attended').map((b) => ({ ...b, id: `${b.id}-a` }))];
    expect(decideBooking(request, ctx({ slotBookings: slot })).status).toBe('waitlisted');
    const others = ['requested', 'cancelled', 'no-show', 'rejected'] as const;
    const loose = others.flatMap((s) => taken(4, s).map((b) => ({ ...b, id: `${b.id}-${s}` })));
    expect(decideBooking(request, ctx({ slotBookings: loose })).status).toBe('confirmed');
  });
  it('waitlists when full, behind those already waiting', () => {
    const waiting = taken(2, 'waitlisted').map((b) => ({ ...b, id: `${b.id}-w` }));
    expect(decideBooking(request, ctx({ slotBookings: [...taken(4), ...waiting] }))).toMatchObject({
      status: 'waitlisted',
      reason: 'WAITLISTED',
      waitlistPosition: 3,
    });
  });
  it('never lets a newcomer jump a waitlist, even with a place free', () => {
    expect(decideBooking(request, ctx({ slotBookings: taken(1, 'waitlisted') })).status).toBe('waitlisted');
  });
  it('rejects SLOT_FULL when the waitlist is off', () => {
    expect(decideBooking(request, ctx({ slotBookings: taken(4), waitlist: false }))).toMatchObject({ status: 'rejected', reason: 'SLOT_FULL' });
  });
  it('uses the session capacity for a class', () => {
    const full = Array.from({ length: 10 }, (_, i) => makeBooking({ id: `s${i}`, slotKey: 'session:s-1' }));
    expect(decideBooking(sessionRequest, ctx({ session: makeSession(), slotBookings: full.slice(0, 9) })).status).toBe('confirmed');
    expect(decideBooking(sessionRequest, ctx({ session: makeSession(), slotBookings: full })).status).toBe('waitlisted');
  });
  it('flags an open fault below high severity without refusing', () => {
    expect(decideBooking(request, ctx({ venueFault: 'flagged' }))).toMatchObject({ status: 'confirmed', reason: 'FLAGGED_FAULT', flags: ['FLAGGED_FAULT'] });
    expect(decideBooking(request, ctx({ venueFault: 'flagged', slotBookings: taken(4) }))).toMatchObject({ reason: 'WAITLISTED', flags: ['FLAGGED_FAULT'] });
  });
  it('ignores bookings of other slots and, when re-deciding, the booking itself', () => {
    const elsewhere = taken(4).map((b) => ({ ...b, slotKey: 'session:other' }));
    expect(decideBooking(request, ctx({ slotBookings: elsewhere })).status).toBe('confirmed');
    const self = makeBooking({ id: 'me', slotKey: SLOT });
    expect(decideBooking(request, ctx({ slotBookings: [...taken(3), self], memberBookings: [self], bookingId: 'me' })).status).toBe('confirmed');
  });
});

describe('decideBooking: rejections', () => {
  const member = (over: Parameters<typeof makeMember>[0]) => ({ member: makeMember(over) });
  it.each<[string, BookingRequest, Partial<BookingContext>, string]>([
    ['unknown venue', request, { venue: null }, 'VENUE_NOT_FOUND'],
    ['another venue', request, { venue: makeVenue({ id: 'v-2' }) }, 'VENUE_NOT_FOUND'],
    ['unknown session', sessionRequest, {}, 'SESSION_NOT_FOUND'],
    ['cancelled session', sessionRequest, { session: makeSession({ cancelled: true }) }, 'SESSION_NOT_FOUND'],
    ["session's venue unknown", sessionRequest, { session: makeSession({ venueId: 'v-9' }) }, 'VENUE_NOT_FOUND'],
    ['slot over', request, { now: cst(`${MONDAY} 11:00`) }, 'IN_THE_PAST'],
    ['no member', request, { member: null }, 'MEMBER_NOT_ACTIVE'],
    ['another member', request, member({ id: 'm-2' }), 'MEMBER_NOT_ACTIVE'],
    ['suspended', request, member({ status: 'suspended' }), 'MEMBER_NOT_ACTIVE'],
    ['expired status', request, member({ status: 'expired' }), 'MEMBER_NOT_ACTIVE'],
    ['validity ended', request, member({ validUntil: cst(`${MONDAY} 08:00`) }), 'MEMBER_NOT_ACTIVE'],
    ['provisional card', request, member({ source: 'provisional' }), 'MEMBER_NOT_ACTIVE'],
    ['banned', request, { memberBookings: noShows(3) }, 'BANNED'],
    ['already booked', request, { memberBookings: [makeBooking({ slotKey: SLOT, status: 'waitlisted' })] }, 'ALREADY_BOOKED'],
    ['venue inactive', request, { venue: makeVenue({ active: false }) }, 'VENUE_CLOSED'],
    ['slot after hours', { ...request, slot: { ...request.slot, startsAt: cst(`${MONDAY} 21:30`) } as BookingRequest['slot'] }, {}, 'STATION_CLOSED'],
    ['slot before opening', { ...request, slot: { ...request.slot, startsAt: cst('2026-03-03 07:00') } as BookingRequest['slot'] }, {}, 'STATION_CLOSED'],
    ['high-severity fault', request, { venueFault: 'blocked' }, 'VENUE_OUT_OF_SERVICE'],
  ])('%s → %s', (_name, req, over, reason) => {
    expect(decideBooking(req, ctx(over))).toMatchObject({ status: 'rejected', reason });
    expect(bookingRuleFailure(req, ctx(over))).toBe(reason);
  });
  it('accepts a running slot until it ends, past its check-in window too (a released place is rebooked at once)', () => {
    expect(decideBooking(request, ctx({ now: toIso(toMs(START) + 15 * 60_000) })).status).toBe('confirmed');
    expect(decideBooking(request, ctx({ now: toIso(toMs(START) + 16 * 60_000) })).status).toBe('confirmed');
    expect(decideBooking(request, ctx({ now: toIso(toMs(START) + 60 * 60_000 - 1) })).status).toBe('confirmed');
  });
  it('calls a slot that already ended in the past even inside a long window', () => {
    const rules = { ...DEFAULT_STATION_RULES, checkInWindowMinutes: 120 };
    expect(decideBooking(request, ctx({ rules, now: cst(`${MONDAY} 11:00`) })).reason).toBe('IN_THE_PAST');
  });
  it('does not count cancelled or past bookings as already booked, nor the booking being re-decided', () => {
    expect(decideBooking(request, ctx({ memberBookings: [makeBooking({ slotKey: SLOT, status: 'cancelled' })] })).status).toBe('confirmed');
    const self = makeBooking({ id: 'me', slotKey: SLOT });
    expect(bookingRuleFailure(request, ctx({ memberBookings: [self], bookingId: 'me' }))).toBeNull();
  });
  it('skips the opening-hours check without a station', () => {
    const late = { ...request, slot: { ...request.slot, startsAt: cst(`${MONDAY} 21:30`) } } as BookingRequest;
    expect(decideBooking(late, ctx({ station: null })).status).toBe('confirmed');
  });
  it('applies the precedence order', () => {
    const everything: Partial<BookingContext> = {
      now: cst(`${MONDAY} 12:00`),
      member: null,
      memberBookings: [...noShows(3), makeBooking({ slotKey: SLOT })],
      venue: makeVenue({ active: false }),
      venueFault: 'blocked',
    };
    const order = ['IN_THE_PAST', 'MEMBER_NOT_ACTIVE', 'BANNED', 'ALREADY_BOOKED', 'VENUE_CLOSED', 'VENUE_OUT_OF_SERVICE'];
    const fixes: Partial<BookingContext>[] = [
      { now: NOW },
      { member: makeMember() },
      { memberBookings: [makeBooking({ slotKey: SLOT })] },
      { memberBookings: [] },
      { venue },
      { venueFault: 'ok' },
    ];
    let c = ctx(everything);
    order.forEach((reason, i) => {
      expect(bookingRuleFailure(request, c)).toBe(reason);
      c = { ...c, ...fixes[i] };
    });
    expect(bookingRuleFailure(request, c)).toBeNull();
  });
});

describe('booking documents', () => {
  const validBooking = new Ajv({ strict: false }).compile(bookingSchema);
  const fields = { id: '01JNQ0000000000000000000AA', stationId: 'st-1', memberId: 'm-1', deskId: 'desk-1', staffId: 'staff-1', source: 'desk' as const, decidedBy: 'desk' as const, now: NOW };
  it('builds a schema-valid document from a decision', () => {
    const doc = buildBookingDoc(decideBooking(request, ctx()), fields);
    expect(doc).toMatchObject({ slotKey: SLOT, status: 'confirmed', reason: 'OK', requestedAt: NOW, startsAt: START, checkInId: '', ack: null });
    expect(validBooking(doc), JSON.stringify(validBooking.errors)).toBe(true);
  });
  it('refuses to build a booking without a slot', () => {
    expect(() => buildBookingDoc(decideBooking(request, ctx({ venue: null })), fields)).toThrow(RangeError);
  });
  it('turns a document back into its request', () => {
    expect(requestOfBooking(makeBooking({ startsAt: START }))).toEqual(request);
    expect(requestOfBooking(makeBooking({ sessionId: 's-1' }))).toEqual(sessionRequest);
  });
});
