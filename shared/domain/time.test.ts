/** Station-local time and opening hours: day boundaries, weekdays, midnight-spanning and "24:00" windows, next closing. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { OpeningWindow } from '../schemas/stations';
import { cst, everyDay, makeStation, MONDAY } from '../../tests/support/builders/fixed';
import {
  DAY_MS,
  HOUR_MS,
  isOpenAt,
  localDate,
  localDayEnd,
  localDayStart,
  localWeekday,
  MINUTE_MS,
  minutesOfDay,
  nextClosingAfter,
  nextOpeningAfter,
  openIntervalAt,
  parseHhmm,
  toIso,
  toMs,
} from './time';

const hours = (openingHours: OpeningWindow[]) => makeStation({ openingHours });

describe('instants', () => {
  it('accepts epoch ms and ISO strings, normalizes ISO', () => {
    expect(toMs(0)).toBe(0);
    expect(toMs('1970-01-01T00:00:01Z')).toBe(1000);
    expect(toIso('2026-03-02T08:00:00Z')).toBe('2026-03-02T08:00:00.000Z');
  });
  it.each([['not a date'], [''], [Number.NaN], [Infinity]])('rejects %s', (bad) => {
    expect(() => toMs(bad as string | number)).toThrow(RangeError);
  });
});

describe('station-local days (UTC+8)', () => {
  const station = makeStation();
  it('starts the local day at local midnight', () => {
    expect(toIso(localDayStart(station, cst(`${MONDAY} 00:00`)))).toBe('2026-03-01T16:00:00.000Z');
    expect(toIso(localDayStart(station, cst(`${MONDAY} 23:59:59`)))).toBe('2026-03-01T16:00:00.000Z');
    expect(toIso(localDayEnd(station, cst(`${MONDAY} 12:00`)))).toBe('2026-03-02T16:00:00.000Z');
  });
  it('puts 23:59 UTC+8 and 00:00 UTC+8 on different days', () => {
    expect(localDate(station, '2026-03-02T15:59:59.999Z')).toBe('2026-03-02');
    expect(localDate(station, '2026-03-02T16:00:00.000Z')).toBe('2026-03-03');
  });
  it.each([
    ['2026-03-01 12:00', 0],
    ['2026-03-02 00:00', 1],
    ['2026-03-02 07:59', 1],
    ['2026-03-07 23:59', 6],
    ['2026-03-08 00:00', 0],
  ])('weekday of %s is %i', (local, day) => {
    expect(localWeekday(station, cst(local))).toBe(day);
  });
  it('counts minutes of the day', () => {
    expect(minutesOfDay(station, cst(`${MONDAY} 00:00`))).toBe(0);
    expect(minutesOfDay(station, cst(`${MONDAY} 08:30`))).toBe(510);
    expect(minutesOfDay(station, cst(`${MONDAY} 23:59:59`))).toBe(1439);
  });
  it('works with negative offsets and before 1970', () => {
    const west = makeStation({ utcOffsetMinutes: -300 });
    expect(localWeekday(west, '1969-12-31T23:00:00Z')).toBe(3); // 18:00 Wednesday local
    expect(minutesOfDay(west, '1969-12-31T23:00:00Z')).toBe(18 * 60);
  });
  it('agrees with Date for any instant and offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2e12, max: 4e12 }), fc.integer({ min: -720, max: 840 }), (t, offset) => {
        const s = makeStation({ utcOffsetMinutes: offset });
        const shifted = new Date(t + offset * MINUTE_MS);
        expect(localWeekday(s, t)).toBe(shifted.getUTCDay());
        expect(minutesOfDay(s, t)).toBe(shifted.getUTCHours() * 60 + shifted.getUTCMinutes());
        expect(localDayStart(s, t)).toBeLessThanOrEqual(t);
        expect(localDayEnd(s, t)).toBeGreaterThan(t);
        expect(localDayEnd(s, t) - localDayStart(s, t)).toBe(DAY_MS);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseHhmm', () => {
  it.each([
    ['00:00', 0],
    ['08:30', 510],
    ['23:59', 1439],
    ['24:00', 1440],
    ['24:01', null],
    ['7:00', null],
    ['08:60', null],
    ['', null],
    ['08:00:00', null],
  ])('%s → %s', (value, minutes) => {
    expect(parseHhmm(value)).toBe(minutes);
  });
});

describe('opening hours', () => {
  const at = (local: string) => cst(local);

  it.each([
    [`${MONDAY} 07:59`, false],
    [`${MONDAY} 08:00`, true],
    [`${MONDAY} 21:59:59`, true],
    [`${MONDAY} 22:00`, false],
  ])('08:00-22:00 at %s open=%s (open inclusive, close exclusive)', (local, open) => {
    expect(isOpenAt(makeStation(), at(local))).toBe(open);
  });

  it('a window with close < open spans midnight into the next day', () => {
    const s = hours([{ day: 5, open: '18:00', close: '02:00' }]); // Friday night
    expect(isOpenAt(s, at('2026-03-06 17:59'))).toBe(false);
    expect(isOpenAt(s, at('2026-03-06 23:30'))).toBe(true);
    expect(isOpenAt(s, at('2026-03-07 01:59'))).toBe(true);
    expect(isOpenAt(s, at('2026-03-07 02:00'))).toBe(false);
    expect(toIso(nextClosingAfter(s, at('2026-03-06 20:00'))!)).toBe(at('2026-03-07 02:00'));
  });

  it('a Saturday window spanning midnight opens Sunday morning (day 6 → day 0)', () => {
    const s = hours([{ day: 6, open: '22:00', close: '06:00' }]);
    expect(isOpenAt(s, at('2026-03-08 05:00'))).toBe(true);
    expect(isOpenAt(s, at('2026-03-08 06:00'))).toBe(false);
  });

  it('"24:00" closes at midnight; touching windows merge', () => {
    const alone = hours([{ day: 1, open: '20:00', close: '24:00' }]);
    expect(isOpenAt(alone, at(`${MONDAY} 23:59`))).toBe(true);
    expect(isOpenAt(alone, at('2026-03-03 00:00'))).toBe(false);
    expect(toIso(nextClosingAfter(alone, at(`${MONDAY} 21:00`))!)).toBe(at('2026-03-03 00:00'));
    const merged = hours([
      { day: 1, open: '20:00', close: '24:00' },
      { day: 2, open: '00:00', close: '02:00' },
    ]);
    expect(toIso(nextClosingAfter(merged, at(`${MONDAY} 21:00`))!)).toBe(at('2026-03-03 02:00'));
  });

  it('overlapping windows merge, open == close is 24 hours', () => {
    const overlap = hours([
      { day: 1, open: '08:00', close: '12:00' },
      { day: 1, open: '11:00', close: '14:00' },
    ]);
    expect(openIntervalAt(overlap, at(`${MONDAY} 09:00`))).toEqual({ start: toMs(at(`${MONDAY} 08:00`)), end: toMs(at(`${MONDAY} 14:00`)) });
    const day = hours([{ day: 1, open: '08:00', close: '08:00' }]);
    expect(isOpenAt(day, at('2026-03-03 07:59'))).toBe(true);
    expect(isOpenAt(day, at('2026-03-03 08:00'))).toBe(false);
  });

  it('a 24/7 station and an empty schedule never close', () => {
    for (const s of [hours(everyDay('00:00', '24:00')), hours([])]) {
      expect(isOpenAt(s, at(`${MONDAY} 03:00`))).toBe(true);
      expect(nextClosingAfter(s, at(`${MONDAY} 03:00`))).toBeNull();
      expect(nextOpeningAfter(s, at(`${MONDAY} 03:00`))).toBeNull();
    }
  });

  it('a station closed one hour a week closes at that hour, six days ahead', () => {
    const s = hours([...everyDay('00:00', '24:00').filter((w) => w.day !== 1), { day: 1, open: '01:00', close: '24:00' }]);
    expect(isOpenAt(s, at('2026-03-03 12:00'))).toBe(true);
    expect(toIso(nextClosingAfter(s, at('2026-03-03 12:00'))!)).toBe(at('2026-03-09 00:00'));
    expect(isOpenAt(s, at('2026-03-09 00:30'))).toBe(false);
    expect(toIso(nextOpeningAfter(s, at('2026-03-09 00:30'))!)).toBe(at('2026-03-09 01:00'));
  });

  it('finds the next opening and, when closed, the closing of the next opening', () => {
    const s = makeStation();
    expect(toIso(nextOpeningAfter(s, at(`${MONDAY} 07:00`))!)).toBe(at(`${MONDAY} 08:00`));
    expect(toIso(nextOpeningAfter(s, at(`${MONDAY} 10:00`))!)).toBe(at('2026-03-03 08:00'));
    expect(toIso(nextClosingAfter(s, at(`${MONDAY} 07:00`))!)).toBe(at(`${MONDAY} 22:00`));
    expect(toIso(nextClosingAfter(s, at(`${MONDAY} 23:00`))!)).toBe(at('2026-03-03 22:00'));
  });

  it('ignores malformed windows; with none left the station never opens', () => {
    const s = hours([
      { day: 1, open: '25:00', close: '26:00' },
      { day: 7, open: '08:00', close: '22:00' },
      { day: 1, open: '24:00', close: '02:00' },
    ]);
    expect(isOpenAt(s, at(`${MONDAY} 10:00`))).toBe(false);
    expect(nextClosingAfter(s, at(`${MONDAY} 10:00`))).toBeNull();
    expect(nextOpeningAfter(s, at(`${MONDAY} 10:00`))).toBeNull();
  });

  const hhmm = fc
    .tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => (h === 24 ? '24:00' : `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`));
  const window = fc.record({ day: fc.integer({ min: 0, max: 6 }), open: hhmm, close: hhmm });

  it('the next closing is the first closed instant after an open one', () => {
    fc.assert(
      fc.property(fc.array(window, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 14 * 24 * 4 }), (ws, quarter) => {
        const s = hours(ws);
        const t = toMs(at(`${MONDAY} 00:00`)) + quarter * 15 * MINUTE_MS + 7 * MINUTE_MS;
        expect(isOpenAt(s, t)).toBe(openIntervalAt(s, t) !== null);
        const closing = nextClosingAfter(s, t);
        if (closing === null) return;
        expect(closing).toBeGreaterThan(t);
        expect(isOpenAt(s, closing)).toBe(false);
        expect(isOpenAt(s, closing - 1)).toBe(true);
        if (isOpenAt(s, t)) {
          for (let probe = t; probe < closing; probe += HOUR_MS) expect(isOpenAt(s, probe)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
