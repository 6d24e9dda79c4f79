import { describe, expect, it } from 'vitest';
import { todayRange } from './use-station';

describe('todayRange', () => {
  const now = Date.parse('2026-11-29T05:00:00.000Z'); // 13:00 in Beijing

  it('is the station-local day containing now', () => {
    expect(todayRange({ utcOffsetMinutes: 480 }, now)).toEqual({ from: '2026-11-28T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z' });
    expect(todayRange({ utcOffsetMinutes: 360 }, Date.parse('2026-11-29T20:00:00.000Z'))).toEqual({
      from: '2026-11-29T18:00:00.000Z',
      to: '2026-11-30T18:00:00.000Z',
    });
  });

  it('uses China Standard Time before the station profile has loaded, never a day long past', () => {
    expect(todayRange(null, now)).toEqual(todayRange({ utcOffsetMinutes: 480 }, now));
    expect(Date.parse(todayRange(null, now).from)).toBeGreaterThan(now - 86_400_000);
  });
});
