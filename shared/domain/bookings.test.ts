/** Booking vocabulary: slot keys, place-holding statuses, waitlist order, check-in deadline and cover. */
import { describe, it, expect } from 'vitest';
import { BOOKING_STATUSES } from '../schemas/bookings';
import {
  checkInDeadline,
  compareWaitlist,
  coversCheckIn,
  groupBySlot,
  holdsPlace,
  isLiveBooking,
  isProvisionalBooking,
  parseSlotKey,
  placesTaken,
  provisionalBySlot,
  sessionSlotKey,
  slotCapacity,
  slotKeyOf,
  venueSlotKey,
  waitlistOf,
  waitlistPosition,
  withVerdict,
} from './bookings';
import { cst, makeBooking, MONDAY } from '../../tests/support/builders/fixed';
import { toMs } from './time';

describe('slot keys', () => {
  it('normalizes the start so equal instants give equal keys', () => {
    expect(venueSlotKey('v-1', '2026-03-02T02:00:00Z')).toBe('venue:v-1:2026-03-02T02:00:00.000Z');
    expect(venueSlotKey('v-1', toMs('2026-03-02T02:00:00Z'))).toBe(venueSlotKey('v-1', '2026-03-02T02:00:00.000Z'));
    expect(sessionSlotKey('s-1')).toBe('session:s-1');
  });
  it('keys a booking by its session, else by its venue and start', () => {
    expect(slotKeyOf({ venueId: 'v-1', sessionId: 's-1', startsAt: cst(`${MONDAY} 10:00`) })).toBe('session:s-1');
    expect(slotKeyOf({ venueId: 'v-1', sessionId: '', startsAt: cst(`${MONDAY} 10:00`) })).toBe(`venue:v-1:${cst(`${MONDAY} 10:00`)}`);
  });
  it('parses what it builds and nothing else', () => {
    expect(parseSlotKey(venueSlotKey('01JNQ', cst(`${MONDAY} 10:00`)))).toEqual({ kind: 'venue', venueId: '01JNQ', startsAt: cst(`${MONDAY} 10:00`) });
    expect(parseSlotKey('session:s-1')).toEqual({ kind: 'session', sessionId: 's-1' });
    for (const bad of ['', 'venue:v-1', 'venue:v-1:tomorrow', 'session:', 'session:a:b', 'room:1']) expect(parseSlotKey(bad)).toBeNull();
  });
  it.each(['', 'a:b'])('refuses id "%s"', (id) => {
    expect(() => venueSlotKey(id, 0)).toThrow(RangeError);
    expect(() => sessionSlotKey(id)).toThrow(RangeError);
  });
});

describe('statuses', () => {
  it.each(BOOKING_STATUSES.map((s) => [s]))('%s', (status) => {
    expect(holdsPlace(status)).toBe(status === 'confirmed' || status === 'attended');
    expect(isLiveBooking(status)).toBe(['requested', 'confirmed', 'waitlisted', 'attended'].includes(status));
  });
  it('counts places held: confirmed and attended, not requested', () => {
    const slot = BOOKING_STATUSES.map((status, i) => makeBooking({ id: `b-${i}`, status }));
    expect(placesTaken(slot)).toBe(2);
  });
  it('takes the session capacity for a class, else the venue capacity', () => {
    expect(slotCapacity({ capacity: 4 }, { capacity: 12 })).toBe(12);
    expect(slotCapacity({ capacity: 4 }, null)).toBe(4);
  });
});

describe('provisional bookings', () => {
  it.each(BOOKING_STATUSES.flatMap((status) => (['desk', 'server', 'app'] as const).map((by) => [status, by] as const)))('%s decided by %s', (status, by) => {
    const pending = by === 'desk' && (status === 'requested' || status === 'confirmed' || status === 'waitlisted');
    expect(isProvisionalBooking({ status, decidedBy: by })).toBe(pending);
  });
  it('counts the provisional bookings of each slot', () => {
    const a = 'venue:V1:2026-03-02T02:00:00.000Z';
    const b = 'venue:V1:2026-03-02T03:00:00.000Z';
    const counts = provisionalBySlot([
      makeBooking({ id: 'b-1', slotKey: a, status: 'confirmed', decidedBy: 'desk' }),
      makeBooking({ id: 'b-2', slotKey: a, status: 'waitlisted', decidedBy: 'desk' }),
      makeBooking({ id: 'b-3', slotKey: a, status: 'confirmed', decidedBy: 'server' }),
      makeBooking({ id: 'b-4', slotKey: b, status: 'cancelled', decidedBy: 'desk' }),
    ]);
    expect([...counts]).toEqual([[a, 2]]);
  });
});

describe('waitlist order', () => {
  const w = (id: string, requestedAt: string, status: 'waitlisted' | 'confirmed' = 'waitlisted') => makeBooking({ id, requestedAt, status });
  const slot = [
    w('b', cst(`${MONDAY} 08:00`)),
    w('a', cst(`${MONDAY} 08:00`)),
    w('z', cst(`${MONDAY} 07:00`)),
    w('c', cst(`${MONDAY} 06:00`), 'confirmed'),
  ];
  it('orders by requestedAt, then id, and leaves out non-waitlisted', () => {
    expect(waitlistOf(slot).map((b) => b.id)).toEqual(['z', 'a', 'b']);
    expect(compareWaitlist(slot[0]!, slot[1]!)).toBeGreaterThan(0);
    expect(compareWaitlist(slot[1]!, slot[1]!)).toBe(0);
  });
  it('compares requestedAt as instants, not strings', () => {
    expect(compareWaitlist(w('a', '2026-03-02T08:00:00.5Z'), w('b', '2026-03-02T08:00:00.100Z'))).toBeGreaterThan(0);
  });
  it('reports 1-based positions, 0 when not waitlisted', () => {
    expect(['z', 'a', 'b', 'c', 'nope'].map((id) => waitlistPosition(slot, id))).toEqual([1, 2, 3, 0, 0]);
  });
});

describe('check-in deadline and cover', () => {
  const b = makeBooking({ startsAt: cst(`${MONDAY} 10:00`) }); // ends 11:00
  it('is start + window, or the slot end for a promotion', () => {
    expect(checkInDeadline(b, 15)).toBe(toMs(cst(`${MONDAY} 10:15`)));
    expect(checkInDeadline({ ...b, reason: 'PROMOTED_FROM_WAITLIST' }, 15)).toBe(toMs(cst(`${MONDAY} 11:00`)));
    expect(checkInDeadline({ ...b, reason: 'PROMOTED_FROM_WAITLIST' }, 90)).toBe(toMs(cst(`${MONDAY} 11:30`)));
  });
  it('gives a booking made after the start its own window, up to the slot end', () => {
    expect(checkInDeadline({ ...b, requestedAt: cst(`${MONDAY} 09:59`) }, 15)).toBe(toMs(cst(`${MONDAY} 10:15`)));
    expect(checkInDeadline({ ...b, requestedAt: cst(`${MONDAY} 10:10`) }, 15)).toBe(toMs(cst(`${MONDAY} 10:25`)));
    expect(checkInDeadline({ ...b, requestedAt: cst(`${MONDAY} 10:20`) }, 15)).toBe(toMs(cst(`${MONDAY} 10:35`)));
    expect(checkInDeadline({ ...b, requestedAt: cst(`${MONDAY} 10:50`) }, 15)).toBe(toMs(cst(`${MONDAY} 11:00`)));
    expect(coversCheckIn({ ...b, requestedAt: cst(`${MONDAY} 10:20`) }, cst(`${MONDAY} 10:30`), 15)).toBe(true);
  });
  it.each([
    ['confirmed', '09:29', false],
    ['confirmed', '09:30', true],
    ['confirmed', '10:15', true],
    ['confirmed', '10:16', false],
    ['attended', '10:59', true],
    ['attended', '11:00', false],
    ['waitlisted', '10:00', false],
    ['requested', '10:00', false],
  ] as const)('a %s booking at %s covers: %s', (status, time, covers) => {
    expect(coversCheckIn({ ...b, status }, cst(`${MONDAY} ${time}`), 15)).toBe(covers);
  });
  it('takes a custom lead', () => {
    expect(coversCheckIn(b, cst(`${MONDAY} 09:00`), 15, 60)).toBe(true);
  });
});

describe('helpers', () => {
  it('withVerdict copies, never mutates', () => {
    const b = makeBooking();
    const next = withVerdict(b, 'cancelled', 'CANCELLED_BY_STAFF', 'server', cst(`${MONDAY} 09:00`));
    expect(next).toMatchObject({ status: 'cancelled', reason: 'CANCELLED_BY_STAFF', decidedBy: 'server', updatedAt: cst(`${MONDAY} 09:00`) });
    expect(b.status).toBe('confirmed');
  });
  it('groups by slot key', () => {
    const groups = groupBySlot([makeBooking({ id: '1', slotKey: 'x' }), makeBooking({ id: '2', slotKey: 'y' }), makeBooking({ id: '3', slotKey: 'x' })]);
    expect([...groups].map(([k, v]) => [k, v.map((b) => b.id)])).toEqual([['x', ['1', '3']], ['y', ['2']]]);
  });
});
