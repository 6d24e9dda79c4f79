/** Downtime and MTTR over a window, for one item and for a whole station. */
import { describe, expect, it } from 'vitest';
import type { EquipmentEvent, EquipmentLogDoc, FaultSeverity } from '../schemas/equipment-logs';
import { repairStats } from './equipment-metrics';
import { cst, makeLog, MONDAY } from '../../tests/support/builders/fixed';
import { DAY_MS, HOUR_MS, toIso, toMs } from './time';

const T0 = toMs(cst(`${MONDAY} 08:00`));
let n = 0;
const ev = (hour: number, event: EquipmentEvent, severity: FaultSeverity | null = null): EquipmentLogDoc =>
  makeLog({ id: `m-${String(n++).padStart(3, '0')}`, at: toIso(T0 + hour * HOUR_MS), event, severity: event === 'fault-reported' ? (severity ?? 'low') : null });

describe('repairStats', () => {
  const treadmill = [ev(1, 'fault-reported', 'high'), ev(2, 'repair-started'), ev(5, 'repaired')]; // 4 h down
  const bike = [ev(2, 'fault-reported'), ev(4, 'inspected'), ev(30, 'fault-reported')]; // 2 h, then open
  const aed = [ev(3, 'fault-reported', 'medium'), ev(6, 'retired')]; // retired with a fault open

  it('for one item: downtime in the window and MTTR of its closed incidents', () => {
    expect(repairStats([treadmill], T0, T0 + DAY_MS)).toEqual({ downtimeMs: 4 * HOUR_MS, mttrMs: 4 * HOUR_MS, repaired: 1, open: 0 });
  });

  it('for a station: summed downtime, MTTR over every incident, open incidents counted', () => {
    const stats = repairStats([treadmill, bike, aed], T0, T0 + 2 * DAY_MS);
    expect(stats.downtimeMs).toBe((4 + 2 + 3 + 18) * HOUR_MS);
    expect(stats.mttrMs).toBe(3 * HOUR_MS); // (4 h + 2 h) / 2
    expect(stats).toMatchObject({ repaired: 2, open: 1 }); // the bike's second fault; the retired AED is not open
  });

  it('counts a repair in the window it was closed in; an incident open at the window end is open', () => {
    expect(repairStats([treadmill], T0, T0 + 3 * HOUR_MS)).toEqual({ downtimeMs: 2 * HOUR_MS, mttrMs: null, repaired: 0, open: 1 });
    expect(repairStats([treadmill], T0 + 4 * HOUR_MS, T0 + DAY_MS)).toEqual({ downtimeMs: HOUR_MS, mttrMs: 4 * HOUR_MS, repaired: 1, open: 0 });
    expect(repairStats([treadmill], T0 + 6 * HOUR_MS, T0 + DAY_MS)).toEqual({ downtimeMs: 0, mttrMs: null, repaired: 0, open: 0 });
  });

  it('is empty without equipment or events', () => {
    expect(repairStats([], T0, T0 + DAY_MS)).toEqual({ downtimeMs: 0, mttrMs: null, repaired: 0, open: 0 });
    expect(repairStats([[]], T0, T0 + DAY_MS)).toEqual({ downtimeMs: 0, mttrMs: null, repaired: 0, open: 0 });
  });
});
