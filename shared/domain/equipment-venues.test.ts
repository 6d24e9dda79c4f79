/** Venue fault states of a station, and which bookings a blocked venue flags. */
import { describe, expect, it } from 'vitest';
import type { BookingDoc } from '../schemas/bookings';
import type { EquipmentLogDoc } from '../schemas/equipment-logs';
import { bookingsToFlagForFaults, venueFaultStates } from './equipment-venues';
import { cst, makeBooking, makeLog, MONDAY } from '../../tests/support/builders/fixed';

const equipment = [
  { id: 'treadmill', venueId: 'gym' },
  { id: 'bike', venueId: 'gym' },
  { id: 'vr', venueId: 'vr-rig' },
  { id: 'mirror', venueId: 'yoga' },
  { id: 'loose', venueId: '' },
];
const log = (id: string, equipmentId: string, hour: string, over: Partial<EquipmentLogDoc> = {}) =>
  makeLog({ id, equipmentId, at: cst(`${MONDAY} ${hour}`), ...over });

describe('venueFaultStates', () => {
  it('gives each venue with equipment its state; the rest are absent (ok)', () => {
    const logs = [
      log('a', 'treadmill', '09:00', { severity: 'high' }),
      log('b', 'mirror', '09:00', { severity: 'low' }),
      log('c', 'loose', '09:00', { severity: 'high' }),
    ];
    expect(Object.fromEntries(venueFaultStates(equipment, logs))).toEqual({ gym: 'blocked', 'vr-rig': 'ok', yoga: 'flagged' });
  });
  it('takes a bookable device’s kind into account', () => {
    const logs = [log('a', 'vr', '09:00', { severity: 'low' }), log('b', 'vr', '10:00', { event: 'repair-started', severity: null })];
    expect(venueFaultStates(equipment, logs).get('vr-rig')).toBe('flagged');
    expect(venueFaultStates(equipment, logs, [{ id: 'vr-rig', kind: 'device' }]).get('vr-rig')).toBe('blocked');
  });
  it('lifts the block when the fault is repaired', () => {
    const fault = log('a', 'treadmill', '09:00', { severity: 'high' });
    const repaired = log('b', 'treadmill', '11:00', { event: 'repaired', severity: null });
    expect(venueFaultStates(equipment, [repaired, fault]).get('gym')).toBe('ok');
  });
});

describe('bookingsToFlagForFaults', () => {
  const now = cst(`${MONDAY} 09:30`);
  const at = (hour: string, over: Partial<BookingDoc> = {}) => makeBooking({ venueId: 'gym', startsAt: cst(`${MONDAY} ${hour}`), ...over });
  const blocked = new Set(['gym']);

  it.each<[string, BookingDoc, boolean]>([
    ['a confirmed booking later today', at('10:00', { id: 'b1' }), true],
    ['a booking under way (not over yet)', at('09:00', { id: 'b2' }), true],
    ['a requested booking', at('10:00', { id: 'b3', status: 'requested' }), true],
    ['a waitlisted booking', at('10:00', { id: 'b4', status: 'waitlisted', reason: 'WAITLISTED' }), true],
    ['a booking already over', at('08:00', { id: 'b5' }), false],
    ['a cancelled booking', at('10:00', { id: 'b6', status: 'cancelled', reason: 'CANCELLED_BY_STAFF' }), false],
    ['a rejected booking', at('10:00', { id: 'b7', status: 'rejected', reason: 'SLOT_FULL' }), false],
    ['an attended booking', at('09:00', { id: 'b8', status: 'attended' }), false],
    ['a booking in another venue', at('10:00', { id: 'b9', venueId: 'yoga' }), false],
    ['a booking flagged already (maybe acknowledged)', at('10:00', { id: 'b10', reason: 'FLAGGED_FAULT', ack: { staffId: 's', at: now, note: '' } }), false],
  ])('%s → flagged: %s', (_name, booking, flagged) => {
    expect(bookingsToFlagForFaults([booking], blocked, now).map((b) => b.id)).toEqual(flagged ? [booking.id] : []);
  });

  it('keeps the status, writes the reason and decider, clears an earlier acknowledgement', () => {
    const booking = at('10:00', { status: 'waitlisted', reason: 'SLOT_FULL', decidedBy: 'server', ack: { staffId: 's', at: now, note: 'called' } });
    const [flagged] = bookingsToFlagForFaults([booking], blocked, now);
    expect(flagged).toMatchObject({ status: 'waitlisted', reason: 'FLAGGED_FAULT', decidedBy: 'server', ack: null, updatedAt: now });
    expect(booking.reason).toBe('SLOT_FULL'); // input untouched
  });

  it('is idempotent: flagging the flagged changes nothing', () => {
    const once = bookingsToFlagForFaults([at('10:00'), at('11:00', { id: 'b-2' })], blocked, now);
    expect(once).toHaveLength(2);
    expect(bookingsToFlagForFaults(once, blocked, now)).toEqual([]);
  });

  it('flags nothing when no venue is blocked', () => {
    expect(bookingsToFlagForFaults([at('10:00')], new Set(), now)).toEqual([]);
  });
});
