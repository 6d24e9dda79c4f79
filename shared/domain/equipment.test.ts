/** Equipment status derived from its log, venue blocking, downtime and MTTR, and their order independence. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { EquipmentEvent, EquipmentLogDoc, FaultSeverity } from '../schemas/equipment-logs';
import {
  blocksBookings,
  deriveEquipmentStatus,
  EQUIPMENT_STATUSES,
  equipmentState,
  groupLogsByEquipment,
  openFaults,
  venueBlocked,
  venueFaultState,
  type EquipmentStatus,
} from './equipment';
import { downtimeMs, mttrMs, repairIncidents, statusTimeline } from './equipment-metrics';
import { cst, makeLog, MONDAY } from '../../tests/support/builders/fixed';
import { HOUR_MS, MINUTE_MS, toIso, toMs } from './time';

const T0 = toMs(cst(`${MONDAY} 08:00`));
let seq = 0;
const ev = (hour: number, event: EquipmentEvent, severity: FaultSeverity | null = null, over: Partial<EquipmentLogDoc> = {}) =>
  makeLog({ id: `l-${String(seq++).padStart(3, '0')}`, at: toIso(T0 + hour * HOUR_MS), event, severity: event === 'fault-reported' ? (severity ?? 'low') : null, ...over });

describe('deriveEquipmentStatus', () => {
  it.each<[string, EquipmentLogDoc[], EquipmentStatus]>([
    ['no events', [], 'ok'],
    ['a low fault', [ev(1, 'fault-reported', 'low')], 'faulty'],
    ['a medium fault', [ev(1, 'fault-reported', 'medium')], 'faulty'],
    ['a high fault', [ev(1, 'fault-reported', 'high')], 'out-of-service'],
    ['a low fault after a high one', [ev(1, 'fault-reported', 'high'), ev(2, 'fault-reported', 'low')], 'out-of-service'],
    ['a high fault after a low one', [ev(1, 'fault-reported', 'low'), ev(2, 'fault-reported', 'high')], 'out-of-service'],
    ['repair started', [ev(1, 'fault-reported', 'high'), ev(2, 'repair-started')], 'under-repair'],
    ['a low fault during repair', [ev(1, 'fault-reported'), ev(2, 'repair-started'), ev(3, 'fault-reported', 'low')], 'under-repair'],
    ['a high fault during repair', [ev(1, 'fault-reported'), ev(2, 'repair-started'), ev(3, 'fault-reported', 'high')], 'out-of-service'],
    ['repaired', [ev(1, 'fault-reported', 'high'), ev(2, 'repair-started'), ev(3, 'repaired')], 'ok'],
    ['inspected', [ev(1, 'fault-reported', 'medium'), ev(2, 'inspected')], 'ok'],
    ['maintenance without a fault', [ev(1, 'repair-started')], 'under-repair'],
    ['retired', [ev(1, 'fault-reported'), ev(2, 'retired')], 'retired'],
    ['events after retirement', [ev(1, 'retired'), ev(2, 'repaired'), ev(3, 'fault-reported', 'high')], 'retired'],
  ])('%s → %s', (_name, logs, status) => {
    expect(deriveEquipmentStatus(logs)).toBe(status);
  });

  it('sorts by time, then id, whatever the arrival order', () => {
    const fault = ev(1, 'fault-reported', 'high');
    const repaired = ev(2, 'repaired');
    expect(deriveEquipmentStatus([repaired, fault])).toBe('ok');
    const tieA = makeLog({ id: 'a', at: toIso(T0), event: 'fault-reported', severity: 'high' });
    const tieB = makeLog({ id: 'b', at: toIso(T0), event: 'repaired', severity: null });
    expect(deriveEquipmentStatus([tieB, tieA])).toBe('ok');
  });

  it('counts a duplicated event (a retried push) once', () => {
    const fault = ev(1, 'fault-reported');
    expect(openFaults([fault, fault, { ...fault }])).toHaveLength(1);
  });
});

describe('open faults and blocking', () => {
  it('lists the faults not yet closed, oldest first', () => {
    const a = ev(1, 'fault-reported', 'low');
    const b = ev(2, 'fault-reported', 'high');
    expect(openFaults([b, a]).map((f) => f.id)).toEqual([a.id, b.id]);
    expect(openFaults([a, ev(1.5, 'repaired'), b]).map((f) => f.id)).toEqual([b.id]);
    expect(openFaults([a, ev(3, 'retired')])).toEqual([]);
  });
  it('blocks while a high fault is open, repair under way or not', () => {
    const high = ev(1, 'fault-reported', 'high');
    expect(equipmentState([high]).blocking).toBe(true);
    expect(equipmentState([high, ev(2, 'repair-started')])).toMatchObject({ status: 'under-repair', blocking: true });
    expect(equipmentState([ev(1, 'fault-reported', 'medium'), ev(2, 'repair-started')]).blocking).toBe(false);
    expect(equipmentState([high, ev(2, 'repaired')]).blocking).toBe(false);
  });
  it('reports since when the current status holds', () => {
    expect(equipmentState([]).since).toBeNull();
    expect(equipmentState([ev(1, 'fault-reported'), ev(2, 'fault-reported')]).since).toBe(T0 + HOUR_MS);
  });
  it.each(EQUIPMENT_STATUSES.map((s) => [s]))('blocksBookings(%s)', (status) => {
    expect(blocksBookings(status)).toBe(status === 'out-of-service' || status === 'under-repair' || status === 'retired');
  });
});

describe('venue view', () => {
  const equipment = [
    { id: 'treadmill', venueId: 'gym' },
    { id: 'bike', venueId: 'gym' },
    { id: 'vr', venueId: 'vr-room' },
    { id: 'loose', venueId: '' },
  ];
  const logs = (entries: [string, EquipmentLogDoc][]) => groupLogsByEquipment(entries.map(([equipmentId, l]) => ({ ...l, equipmentId })));
  it.each<[string, [string, EquipmentLogDoc][], string, string]>([
    ['nothing logged', [], 'gym', 'ok'],
    ['a low fault', [['bike', ev(1, 'fault-reported', 'low')]], 'gym', 'flagged'],
    ['a high fault', [['treadmill', ev(1, 'fault-reported', 'high')]], 'gym', 'blocked'],
    ['a high fault under repair', [['treadmill', ev(1, 'fault-reported', 'high')], ['treadmill', ev(2, 'repair-started')]], 'gym', 'blocked'],
    ['a repaired high fault', [['treadmill', ev(1, 'fault-reported', 'high')], ['treadmill', ev(2, 'repaired')]], 'gym', 'ok'],
    ['a retired item', [['bike', ev(1, 'fault-reported', 'high')], ['bike', ev(2, 'retired')]], 'gym', 'ok'],
    ['a fault in another venue', [['vr', ev(1, 'fault-reported', 'high')]], 'gym', 'ok'],
    ['equipment in no venue', [['loose', ev(1, 'fault-reported', 'high')]], '', 'ok'],
  ])('%s → %s', (_name, entries, venueId, state) => {
    expect(venueFaultState(equipment, logs(entries), venueId)).toBe(state);
    expect(venueBlocked(equipment, logs(entries), venueId)).toBe(state === 'blocked');
  });
  it.each<[string, EquipmentLogDoc[], string]>([
    ['a low fault', [ev(1, 'fault-reported', 'low')], 'flagged'],
    ['under repair', [ev(1, 'fault-reported', 'low'), ev(2, 'repair-started')], 'blocked'],
    ['retired', [ev(1, 'retired')], 'blocked'],
    ['repaired', [ev(1, 'fault-reported', 'high'), ev(2, 'repaired')], 'ok'],
  ])('a bookable device %s → %s', (_name, entries, state) => {
    const grouped = logs(entries.map((l) => ['vr', l]));
    expect(venueFaultState(equipment, grouped, 'vr-room', 'device')).toBe(state);
    expect(venueBlocked(equipment, grouped, 'vr-room', 'device')).toBe(state === 'blocked');
  });
});

describe('downtime and MTTR', () => {
  const history = [
    ev(1, 'fault-reported', 'low'), // 09:00 faulty
    ev(2, 'repair-started'), // 10:00
    ev(3, 'repaired'), // 11:00 ok
    ev(5, 'fault-reported', 'high'), // 13:00 out of service
    ev(5.5, 'fault-reported', 'low'), // a second desk reports it too
    ev(9, 'inspected'), // 17:00 ok
    ev(10, 'fault-reported', 'medium'), // 18:00, still open
  ];
  it('builds the status timeline', () => {
    expect(statusTimeline(history).map((s) => s.status)).toEqual(['faulty', 'under-repair', 'ok', 'out-of-service', 'ok', 'faulty']);
  });
  it.each([
    [0, 24, 2 + 4 + 14],
    [0, 1, 0],
    [1.5, 2.5, 1],
    [4, 6, 1],
    [10, 12, 2],
  ])('downtime from +%sh to +%sh is %sh', (from, to, hours) => {
    expect(downtimeMs(history, T0 + from * HOUR_MS, T0 + to * HOUR_MS)).toBe(hours * HOUR_MS);
  });
  it('does not count retirement as downtime', () => {
    expect(downtimeMs([ev(1, 'fault-reported'), ev(2, 'retired')], T0, T0 + 10 * HOUR_MS)).toBe(HOUR_MS);
  });
  it('MTTR averages closed incidents, one per breakdown however many reports', () => {
    expect(repairIncidents(history).map((i) => [i.reportedAt, i.closedAt])).toEqual([
      [T0 + HOUR_MS, T0 + 3 * HOUR_MS],
      [T0 + 5 * HOUR_MS, T0 + 9 * HOUR_MS],
      [T0 + 10 * HOUR_MS, null],
    ]);
    expect(mttrMs(history)).toBe(3 * HOUR_MS);
  });
  it('has no MTTR without a closed incident; retirement closes nothing', () => {
    expect(mttrMs([])).toBeNull();
    expect(mttrMs([ev(1, 'fault-reported'), ev(2, 'retired')])).toBeNull();
    expect(mttrMs([ev(1, 'repair-started'), ev(2, 'repaired')])).toBeNull();
  });
});

describe('order independence (property)', () => {
  const event = fc.record({
    minute: fc.integer({ min: 0, max: 600 }),
    event: fc.constantFrom<EquipmentEvent>('fault-reported', 'fault-reported', 'repair-started', 'repaired', 'inspected', 'retired'),
    severity: fc.constantFrom<FaultSeverity>('low', 'medium', 'high'),
  });
  const logsArb = fc.array(event, { maxLength: 15 }).map((raw) =>
    raw.map((r, i) =>
      makeLog({
        id: `e-${String(i).padStart(2, '0')}`,
        at: toIso(T0 + r.minute * MINUTE_MS),
        event: r.event,
        severity: r.event === 'fault-reported' ? r.severity : null,
      }),
    ),
  );
  const withPermutation = logsArb.chain((logs) => fc.tuple(fc.constant(logs), fc.shuffledSubarray(logs, { minLength: logs.length, maxLength: logs.length })));

  it('status, open faults, downtime and MTTR are the same for any permutation of the events', () => {
    fc.assert(
      fc.property(withPermutation, ([logs, shuffled]) => {
        const a = equipmentState(logs);
        const b = equipmentState(shuffled);
        expect(b.status).toBe(a.status);
        expect(b.blocking).toBe(a.blocking);
        expect(b.openFaults.map((f) => f.id)).toEqual(a.openFaults.map((f) => f.id));
        expect(downtimeMs(shuffled, T0, T0 + 12 * HOUR_MS)).toBe(downtimeMs(logs, T0, T0 + 12 * HOUR_MS));
        expect(mttrMs(shuffled)).toBe(mttrMs(logs));
      }),
      { numRuns: 200 },
    );
  });

  it('downtime never exceeds the window and retired is terminal', () => {
    fc.assert(
      fc.property(logsArb, fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 700 }), (logs, a, b) => {
        const [from, to] = [T0 + Math.min(a, b) * MINUTE_MS, T0 + Math.max(a, b) * MINUTE_MS];
        const down = downtimeMs(logs, from, to);
        expect(down).toBeGreaterThanOrEqual(0);
        expect(down).toBeLessThanOrEqual(to - from);
        if (logs.some((l) => l.event === 'retired')) expect(deriveEquipmentStatus(logs)).toBe('retired');
      }),
      { numRuns: 200 },
    );
  });
});
