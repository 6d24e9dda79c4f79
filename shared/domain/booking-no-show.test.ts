/** No-show release (window boundaries, late promotions) and the no-show ban (period and expiry boundaries). */
import { describe, it, expect } from 'vitest';
import type { BookingDoc } from '../schemas/bookings';
import { DEFAULT_STATION_RULES } from '../schemas/stations';
import { noShowBan, releaseNoShows } from './booking-no-show';
import { cst, makeBooking, MONDAY } from '../../tests/support/builders/fixed';
import { DAY_MS, toIso, toMs } from './time';

const rules = DEFAULT_STATION_RULES; // 3 no-shows in 30 days → 30-day ban
const T0 = toMs(cst('2026-02-01 10:00'));
const noShowAt = (ms: number, id = `ns-${ms}`): BookingDoc => makeBooking({ id, status: 'no-show', startsAt: toIso(ms) });
const days = (n: number) => n * DAY_MS;

describe('noShowBan', () => {
  const three = [noShowAt(T0), noShowAt(T0 + days(10)), noShowAt(T0 + days(20))];
  it('is not banned below the limit', () => {
    expect(noShowBan(three.slice(0, 2), T0 + days(21), rules)).toEqual({ banned: false, until: null, count: 2 });
  });
  it('bans for 30 days from the third no-show', () => {
    expect(noShowBan(three, T0 + days(20), rules)).toEqual({ banned: true, until: toIso(T0 + days(50)), count: 3 });
  });
  it('ends exactly at `until`, even after the first no-shows left the period', () => {
    expect(noShowBan(three, T0 + days(50) - 1, rules)).toMatchObject({ banned: true, count: 1 });
    expect(noShowBan(three, T0 + days(50), rules)).toEqual({ banned: false, until: null, count: 0 });
  });
  it('needs the no-shows strictly within the period', () => {
    const spread = [noShowAt(T0), noShowAt(T0 + days(15)), noShowAt(T0 + days(30))];
    expect(noShowBan(spread, T0 + days(30), rules).banned).toBe(false);
    const tight = [noShowAt(T0), noShowAt(T0 + days(15)), noShowAt(T0 + days(30) - 1)];
    expect(noShowBan(tight, T0 + days(30), rules).banned).toBe(true);
  });
  it('counts only no-shows, only up to now, in any input order', () => {
    const mixed = [
      noShowAt(T0 + days(20)),
      makeBooking({ id: 'att', status: 'attended', startsAt: toIso(T0 + days(5)) }),
      makeBooking({ id: 'can', status: 'cancelled', startsAt: toIso(T0 + days(6)) }),
      noShowAt(T0),
      noShowAt(T0 + days(25)),
    ];
    expect(noShowBan(mixed, T0 + days(21), rules)).toMatchObject({ banned: false, count: 2 });
    expect(noShowBan(mixed, T0 + days(25), rules)).toMatchObject({ banned: true, until: toIso(T0 + days(55)) });
  });
  it('extends the ban when a later no-show completes another run', () => {
    const four = [...three, noShowAt(T0 + days(35))];
    expect(noShowBan(four, T0 + days(60), rules)).toMatchObject({ banned: true, until: toIso(T0 + days(65)) });
    const late = [...three, noShowAt(T0 + days(40))]; // 10, 20, 40: the runs span 30 days
    expect(noShowBan(late, T0 + days(60), rules).banned).toBe(false);
  });
  it.each([
    [{ ...rules, noShowLimit: 0 }],
    [{ ...rules, noShowPeriodDays: 0 }],
    [{ ...rules, noShowBanDays: 0 }],
  ])('is disabled by a zero setting %#', (r) => {
    expect(noShowBan(three, T0 + days(20), r).banned).toBe(false);
  });
  it('honours other limits', () => {
    expect(noShowBan([noShowAt(T0)], T0 + 1, { noShowLimit: 1, noShowPeriodDays: 7, noShowBanDays: 7 })).toMatchObject({
      banned: true,
      until: toIso(T0 + days(7)),
    });
  });
});

describe('releaseNoShows', () => {
  const start = cst(`${MONDAY} 10:00`); // ends 11:00
  const b = (id: string, status: BookingDoc['status'], over: Partial<BookingDoc> = {}) =>
    makeBooking({ id, memberId: `m-${id}`, status, startsAt: start, requestedAt: cst(`${MONDAY} 08:${id.length}0`), ...over });
  const slot = [b('c1', 'confirmed'), b('a1', 'attended'), b('ww', 'waitlisted'), b('w', 'waitlisted')];

  it('keeps a booking up to the end of the window, releases it just after', () => {
    expect(releaseNoShows(slot, cst(`${MONDAY} 10:15`), 15, 2)).toEqual([]);
    const changed = releaseNoShows(slot, toIso(toMs(cst(`${MONDAY} 10:15`)) + 1), 15, 2);
    expect(changed.map((c) => [c.id, c.status, c.reason])).toEqual([
      ['c1', 'no-show', 'NO_SHOW_RELEASED'],
      ['w', 'confirmed', 'PROMOTED_FROM_WAITLIST'],
    ]);
  });
  it('gives a promoted booking until the slot ends, without a penalty for the late promotion', () => {
    const promoted = b('p', 'confirmed', { reason: 'PROMOTED_FROM_WAITLIST' });
    expect(releaseNoShows([promoted], cst(`${MONDAY} 10:59`), 15, 2)).toEqual([]);
    expect(releaseNoShows([promoted], cst(`${MONDAY} 11:00:00.001`), 15, 2)).toHaveLength(1);
  });
  it('promotes nobody once the slot has ended', () => {
    expect(releaseNoShows(slot, cst(`${MONDAY} 12:00`), 15, 2).map((c) => c.id)).toEqual(['c1']);
  });
  it('promotes nobody into a slot of unknown capacity', () => {
    expect(releaseNoShows(slot, cst(`${MONDAY} 10:30`), 15, () => undefined).map((c) => c.id)).toEqual(['c1']);
  });
  it('handles several slots with their own capacities', () => {
    const other = [b('x1', 'confirmed', { slotKey: 'session:s-2' }), b('xw', 'waitlisted', { slotKey: 'session:s-2' })];
    const capacity = (key: string) => (key === 'session:s-2' ? 1 : 2);
    const changed = releaseNoShows([...slot, ...other], cst(`${MONDAY} 10:30`), 15, capacity, 'server');
    expect(changed.map((c) => c.id).sort()).toEqual(['c1', 'w', 'x1', 'xw']);
    expect(changed.every((c) => c.decidedBy === 'server')).toBe(true);
  });
  it('leaves attended, waitlisted and settled bookings alone', () => {
    const settled = [b('a', 'attended'), b('n', 'no-show'), b('x', 'cancelled'), b('r', 'rejected'), b('q', 'requested')];
    expect(releaseNoShows(settled, cst(`${MONDAY} 12:00`), 15, 10)).toEqual([]);
  });
});
