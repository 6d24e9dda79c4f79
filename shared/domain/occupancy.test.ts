/** Who is inside, and the automatic check-out at closing (including night openings and late runs). */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { SYSTEM_STAFF_ID, type CheckInDoc } from '../schemas/checkins';
import { checkOutAtClosing, isInside, occupancy, visitEndsAt, visitorKey, visitorsInside } from './occupancy';
import { cst, everyDay, makeCheckIn, makeStation, MONDAY } from '../../tests/support/builders/fixed';
import { MINUTE_MS, toIso, toMs } from './time';

const station = makeStation(); // 08:00-22:00 daily
const NOW = cst(`${MONDAY} 15:00`);

describe('occupancy', () => {
  it('counts admitted visits of the current opening that have not checked out', () => {
    const checkIns: CheckInDoc[] = [
      makeCheckIn({ id: 'in-1', at: cst(`${MONDAY} 09:00`) }),
      makeCheckIn({ id: 'in-2', memberId: 'm-2', at: cst(`${MONDAY} 14:00`), outcome: 'admit-with-warning', reason: 'TRUST_DATA_STALE' }),
      makeCheckIn({ id: 'denied', at: cst(`${MONDAY} 10:00`), outcome: 'deny', reason: 'AT_CAPACITY' }),
      makeCheckIn({ id: 'left', at: cst(`${MONDAY} 10:00`), checkedOutAt: cst(`${MONDAY} 12:00`), checkOutMethod: 'scan' }),
      makeCheckIn({ id: 'yesterday', at: cst('2026-03-01 20:00') }),
      makeCheckIn({ id: 'later', at: cst(`${MONDAY} 16:00`) }),
    ];
    expect(occupancy(checkIns, station, NOW)).toBe(2);
  });
  it('counts a person once when two offline desks both admitted them', () => {
    const checkIns = [
      makeCheckIn({ id: 'desk-a', deskId: 'desk-a', at: cst(`${MONDAY} 14:00`) }),
      makeCheckIn({ id: 'desk-b', deskId: 'desk-b', at: cst(`${MONDAY} 14:01`) }),
      makeCheckIn({ id: 'other', memberId: 'm-2', badge: 'C0002', deskId: 'desk-b' }),
    ];
    expect(occupancy(checkIns, station, NOW)).toBe(2);
    expect(visitorsInside(checkIns, station, NOW)).toEqual(new Set(['member:m-1', 'member:m-2']));
  });
  it('counts scans that matched no member by their badge', () => {
    const unknown = (id: string, badge: string) => makeCheckIn({ id, memberId: '', badge, outcome: 'admit-with-warning', reason: 'PROVISIONAL_UNKNOWN_CARD' });
    const checkIns = [unknown('u-1', '888888'), unknown('u-2', '888888'), unknown('u-3', '777777'), makeCheckIn({ id: 'member', badge: '888888' })];
    // the same unknown card twice is one person; another unknown card is another; a member is keyed by id, not card
    expect(occupancy(checkIns, station, NOW)).toBe(3);
  });
  it('still counts a person whose other visit was checked out', () => {
    const checkIns = [
      makeCheckIn({ id: 'left', deskId: 'desk-a', checkedOutAt: cst(`${MONDAY} 14:30`), checkOutMethod: 'manual' }),
      makeCheckIn({ id: 'open', deskId: 'desk-b', at: cst(`${MONDAY} 14:00`) }),
    ];
    expect(occupancy(checkIns, station, NOW)).toBe(1);
    expect(occupancy([checkIns[0]!], station, NOW)).toBe(0);
  });
  it('counts someone who checks out later as inside until then', () => {
    const c = makeCheckIn({ checkedOutAt: cst(`${MONDAY} 16:00`), checkOutMethod: 'manual' });
    expect(isInside(c, station, NOW)).toBe(true);
    expect(isInside(c, station, cst(`${MONDAY} 16:00`))).toBe(false);
  });
  it('empties at closing time', () => {
    const c = makeCheckIn({ at: cst(`${MONDAY} 21:00`) });
    expect(occupancy([c], station, cst(`${MONDAY} 21:59`))).toBe(1);
    expect(occupancy([c], station, cst(`${MONDAY} 22:00`))).toBe(0);
  });
  it('keeps a night opening (18:00-02:00) past midnight', () => {
    const night = makeStation({ openingHours: everyDay('18:00', '02:00') });
    const c = makeCheckIn({ at: cst(`${MONDAY} 23:00`) });
    expect(occupancy([c], night, cst('2026-03-03 00:30'))).toBe(1);
    expect(occupancy([c], night, cst('2026-03-03 02:00'))).toBe(0);
  });
  it('resets a 24-hour station at local midnight', () => {
    const always = makeStation({ openingHours: everyDay('00:00', '24:00') });
    const c = makeCheckIn({ at: cst(`${MONDAY} 23:00`) });
    expect(occupancy([c], always, cst(`${MONDAY} 23:59`))).toBe(1);
    expect(occupancy([c], always, cst('2026-03-03 00:00'))).toBe(0);
  });
});

describe('visitorKey', () => {
  it('is the member, or the badge of a scan that matched no member', () => {
    expect(visitorKey({ memberId: 'm-1', badge: 'C0001' })).toBe('member:m-1');
    expect(visitorKey({ memberId: '', badge: 'C0001' })).toBe('badge:C0001');
  });
});

describe('visitEndsAt', () => {
  it.each([
    ['during opening hours: at closing', `${MONDAY} 10:00`, `${MONDAY} 22:00`],
    ['an override before opening: at that day’s closing', `${MONDAY} 07:00`, `${MONDAY} 22:00`],
    ['an override after closing: at midnight', `${MONDAY} 23:00`, '2026-03-03 00:00'],
  ])('%s', (_name, at, end) => {
    expect(toIso(visitEndsAt(station, cst(at)))).toBe(cst(end));
  });
});

describe('checkOutAtClosing', () => {
  it('checks out open visits at the closing time, even when run the next morning', () => {
    const open = makeCheckIn({ id: 'open', at: cst(`${MONDAY} 20:00`) });
    const left = makeCheckIn({ id: 'left', at: cst(`${MONDAY} 19:00`), checkedOutAt: cst(`${MONDAY} 21:00`), checkOutMethod: 'scan' });
    const denied = makeCheckIn({ id: 'denied', at: cst(`${MONDAY} 21:00`), outcome: 'deny', reason: 'AT_CAPACITY' });
    const closed = checkOutAtClosing([open, left, denied], station, cst('2026-03-03 07:30'));
    expect(closed).toEqual([{ ...open, checkedOutAt: cst(`${MONDAY} 22:00`), checkOutMethod: 'closing', checkedOutBy: SYSTEM_STAFF_ID, updatedAt: cst('2026-03-03 07:30') }]);
  });
  it('leaves visits whose opening is still running', () => {
    expect(checkOutAtClosing([makeCheckIn({ at: cst(`${MONDAY} 20:00`) })], station, cst(`${MONDAY} 21:59`))).toEqual([]);
  });
  it('never changes occupancy: it only closes visits that no longer count (property)', () => {
    const minutes = fc.integer({ min: 0, max: 3 * 24 * 60 });
    const base = toMs(cst(`${MONDAY} 00:00`));
    const checkIn = fc.record({ at: minutes, outcome: fc.constantFrom('admit', 'deny'), stay: fc.option(minutes), who: fc.integer({ min: 0, max: 3 }) });
    const schedules = [station, makeStation({ openingHours: everyDay('18:00', '02:00') }), makeStation({ openingHours: [] })];
    fc.assert(
      fc.property(fc.array(checkIn, { maxLength: 12 }), minutes, fc.constantFrom(...schedules), (raw, nowMin, s) => {
        const now = base + nowMin * MINUTE_MS;
        const docs = raw.map((r, i) =>
          makeCheckIn({
            id: `c-${i}`,
            memberId: r.who === 0 ? '' : `m-${r.who}`,
            at: toIso(base + r.at * MINUTE_MS),
            outcome: r.outcome as CheckInDoc['outcome'],
            checkedOutAt: r.stay === null ? null : toIso(base + (r.at + r.stay) * MINUTE_MS),
          }),
        );
        const closed = new Map(checkOutAtClosing(docs, s, now).map((c) => [c.id, c]));
        const after = docs.map((c) => closed.get(c.id) ?? c);
        expect(occupancy(after, s, now)).toBe(occupancy(docs, s, now));
        for (const c of closed.values()) expect(toMs(c.checkedOutAt!)).toBeLessThanOrEqual(now);
      }),
      { numRuns: 200 },
    );
  });
});
