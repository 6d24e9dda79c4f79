/** The day timeline: venue slots from opening hours, places taken and free, classes of the day. */
import { describe, expect, it } from 'vitest';
import type { BookingDoc } from '../schemas/bookings';
import { dayTimeline, isVenueSlotStart, slotLoad, venueSlotTimes } from './booking-timeline';
import { cst, everyDay, makeBooking, makeSession, makeStation, makeVenue, MONDAY } from '../../tests/support/builders/fixed';

const station = makeStation(); // 08:00-22:00 every day
const venue = makeVenue(); // capacity 4, 60-minute slots
const SLOT = `venue:v-1:${cst(`${MONDAY} 10:00`)}`;
const b = (id: string, status: BookingDoc['status'], over: Partial<BookingDoc> = {}) =>
  makeBooking({ id, memberId: `m-${id}`, status, slotKey: SLOT, ...over });

describe('venueSlotTimes', () => {
  it('cuts the opening hours of the day into back-to-back slots', () => {
    const slots = venueSlotTimes(station, venue, cst(`${MONDAY} 15:00`));
    expect(slots).toHaveLength(14);
    expect(slots[0]).toEqual({ startsAt: cst(`${MONDAY} 08:00`), endsAt: cst(`${MONDAY} 09:00`) });
    expect(slots.at(-1)).toEqual({ startsAt: cst(`${MONDAY} 21:00`), endsAt: cst(`${MONDAY} 22:00`) });
  });
  it('keeps only whole slots inside each interval, and several intervals a day', () => {
    const split = makeStation({ openingHours: [{ day: 1, open: '08:00', close: '09:30' }, { day: 1, open: '14:00', close: '15:00' }] });
    expect(venueSlotTimes(split, venue, cst(`${MONDAY} 00:00`)).map((s) => s.startsAt)).toEqual([cst(`${MONDAY} 08:00`), cst(`${MONDAY} 14:00`)]);
    expect(venueSlotTimes(split, venue, cst('2026-03-03 10:00'))).toEqual([]);
  });
  it('runs over a whole day for a station without hours, and stops at midnight for a late window', () => {
    expect(venueSlotTimes(makeStation({ openingHours: [] }), makeVenue({ slotMinutes: 90 }), cst(`${MONDAY} 12:00`))).toHaveLength(16);
    const late = makeStation({ openingHours: everyDay('20:00', '02:00') });
    const monday = venueSlotTimes(late, venue, cst(`${MONDAY} 12:00`)).map((s) => s.startsAt);
    expect(monday).toEqual([cst(`${MONDAY} 00:00`), cst(`${MONDAY} 01:00`), cst(`${MONDAY} 20:00`), cst(`${MONDAY} 21:00`), cst(`${MONDAY} 22:00`), cst(`${MONDAY} 23:00`)]);
  });
  it('tells grid starts from off-grid ones', () => {
    expect(isVenueSlotStart(station, venue, cst(`${MONDAY} 10:00`))).toBe(true);
    expect(isVenueSlotStart(station, venue, cst(`${MONDAY} 10:30`))).toBe(false);
    expect(isVenueSlotStart(station, venue, cst(`${MONDAY} 07:00`))).toBe(false);
  });
});

describe('slotLoad', () => {
  const slot = { slotKey: SLOT, startsAt: cst(`${MONDAY} 10:00`), endsAt: cst(`${MONDAY} 11:00`) };
  it('counts confirmed and attended as taken, the waitlist ahead of newcomers', () => {
    const bookings = [b('c', 'confirmed'), b('a', 'attended'), b('w', 'waitlisted'), b('x', 'cancelled'), b('n', 'no-show'), b('r', 'rejected')];
    expect(slotLoad(slot, 4, bookings, cst(`${MONDAY} 09:00`), 15)).toMatchObject({ capacity: 4, taken: 2, waiting: 1, free: 1, over: false });
    expect(slotLoad(slot, 2, bookings, cst(`${MONDAY} 09:00`), 15).free).toBe(0);
  });
  it('counts a confirmed booking past its check-in deadline as free already (release is due)', () => {
    const bookings = [b('c', 'confirmed'), b('a', 'attended')];
    expect(slotLoad(slot, 2, bookings, cst(`${MONDAY} 10:15`), 15)).toMatchObject({ taken: 2, free: 0 });
    expect(slotLoad(slot, 2, bookings, cst(`${MONDAY} 10:16`), 15)).toMatchObject({ taken: 1, free: 1 });
  });
  it('has nothing free once the slot is over', () => {
    expect(slotLoad(slot, 4, [], cst(`${MONDAY} 11:00`), 15)).toMatchObject({ free: 0, over: true });
  });
});

describe('dayTimeline', () => {
  it('lists active venues with their slots and the day’s classes in time order', () => {
    const sessions = [
      makeSession({ id: 's-late', startsAt: cst(`${MONDAY} 19:00`), endsAt: cst(`${MONDAY} 20:00`) }),
      makeSession({ id: 's-early', startsAt: cst(`${MONDAY} 07:00`), endsAt: cst(`${MONDAY} 08:00`) }),
      makeSession({ id: 's-off', cancelled: true }),
      makeSession({ id: 's-tue', startsAt: cst('2026-03-03 19:00'), endsAt: cst('2026-03-03 20:00') }),
    ];
    const bookings = [b('c', 'confirmed'), makeBooking({ id: 'sb', slotKey: 'session:s-late', sessionId: 's-late', status: 'confirmed', startsAt: cst(`${MONDAY} 19:00`) })];
    const timeline = dayTimeline({
      station,
      checkInWindowMinutes: 15,
      day: cst(`${MONDAY} 12:00`),
      venues: [venue, makeVenue({ id: 'v-off', active: false })],
      sessions,
      bookings,
      now: cst(`${MONDAY} 09:00`),
    });
    expect(timeline.dayStart).toBe(Date.parse(cst(`${MONDAY} 00:00`)));
    expect(timeline.venues.map((r) => r.venue.id)).toEqual(['v-1']);
    expect(timeline.venues[0]!.slots.find((s) => s.slotKey === SLOT)).toMatchObject({ taken: 1, free: 3 });
    expect(timeline.venues[0]!.slots[0]).toMatchObject({ over: true, free: 0 });
    expect(timeline.sessions.map((r) => r.session.id)).toEqual(['s-early', 's-late']);
    expect(timeline.sessions[1]!.load).toMatchObject({ slotKey: 'session:s-late', capacity: 10, taken: 1, free: 9 });
  });
});
