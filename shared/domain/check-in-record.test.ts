/** Manager overrides and the recorded check-in documents (validated against the collection schema). */
import { describe, it, expect } from 'vitest';
import Ajv from 'ajv';
import { checkInSchema } from '../schemas/checkins';
import { decideCheckIn, type CheckInInput } from './check-in';
import { applyOverride, buildCheckInDoc, canOverride } from './check-in-record';
import { cst, makeBooking, makeCheckIn, makeMember, makeStaff, makeStation, MONDAY } from '../../tests/support/builders/fixed';

const NOW = cst(`${MONDAY} 10:00`);
const validCheckIn = new Ajv({ strict: false }).compile(checkInSchema);

const decide = (over: Partial<CheckInInput> = {}) =>
  decideCheckIn({
    station: makeStation({ capacity: 10 }),
    now: NOW,
    scan: { kind: 'card', badge: 'C0001', member: makeMember() },
    online: true,
    recentCheckIns: [],
    occupancy: 0,
    memberBookings: [],
    ...over,
  });

const full = decide({ occupancy: 10 });
const manager = makeStaff();
const fields = { id: '01JNQ0000000000000000000AA', stationId: 'st-1', deskId: 'desk-1', staffId: 'staff-1', method: 'scanner' as const, now: NOW };

describe('applyOverride', () => {
  it('lets an active manager admit a denied scan, recording what was overridden', () => {
    const result = applyOverride(full, manager, { now: cst(`${MONDAY} 10:01`), note: '家属陪同' });
    expect(result).toEqual({
      ok: true,
      decision: {
        ...full,
        outcome: 'admit-with-warning',
        reason: 'MANAGER_OVERRIDE',
        record: true,
        override: { staffId: 'staff-mgr', at: cst(`${MONDAY} 10:01`), deniedFor: 'AT_CAPACITY', note: '家属陪同' },
      },
    });
  });
  it.each([
    ['a desk role', makeStaff({ role: 'desk' }), 'NOT_A_MANAGER'],
    ['an inactive manager', makeStaff({ active: false }), 'STAFF_INACTIVE'],
  ])('refuses %s', (_name, staff, error) => {
    expect(applyOverride(full, staff, { now: NOW })).toEqual({ ok: false, error });
    expect(canOverride(staff)).toBe(false);
  });
  it('refuses to override an admission or a duplicate', () => {
    expect(applyOverride(decide(), manager, { now: NOW })).toEqual({ ok: false, error: 'NOT_DENIED' });
    const dup = decide({ recentCheckIns: [makeCheckIn({ at: NOW })] });
    expect(applyOverride(dup, manager, { now: NOW })).toEqual({ ok: false, error: 'NOT_DENIED' });
  });
  it('an unknown card admitted by override is provisional, for review after sync', () => {
    const denied = decide({ scan: { kind: 'card', badge: 'X9', member: null } });
    const result = applyOverride(denied, manager, { now: NOW });
    expect(result.ok && result.decision).toMatchObject({ provisional: true, warnings: ['PROVISIONAL_UNKNOWN_CARD'], memberId: '' });
  });
  it('truncates the note to the schema limit', () => {
    const result = applyOverride(full, manager, { now: NOW, note: 'x'.repeat(600) });
    expect(result.ok && result.decision.override?.note.length).toBe(500);
  });
});

describe('buildCheckInDoc', () => {
  it('builds a schema-valid admission linked to its booking', () => {
    const booking = makeBooking({ id: 'b-9' });
    const doc = buildCheckInDoc(decide({ memberBookings: [booking] }), fields);
    expect(doc).toMatchObject({ outcome: 'admit', reason: 'OK', bookingId: 'b-9', at: NOW, updatedAt: NOW, serverRev: 0, checkedOutAt: null });
    expect(validCheckIn(doc), JSON.stringify(validCheckIn.errors)).toBe(true);
  });
  it('records denials and overrides as schema-valid documents', () => {
    const denial = buildCheckInDoc(full, fields);
    expect(denial).toMatchObject({ outcome: 'deny', reason: 'AT_CAPACITY', override: null });
    expect(validCheckIn(denial)).toBe(true);
    const result = applyOverride(full, manager, { now: NOW });
    if (!result.ok) throw new Error('override refused');
    const admitted = buildCheckInDoc(result.decision, { ...fields, id: '01JNQ0000000000000000000AB' });
    expect(admitted?.override?.deniedFor).toBe('AT_CAPACITY');
    expect(validCheckIn(admitted), JSON.stringify(validCheckIn.errors)).toBe(true);
  });
  it('records a provisional admission with its warning', () => {
    const doc = buildCheckInDoc(decide({ scan: { kind: 'card', badge: 'X9', member: null }, online: false }), fields);
    expect(doc).toMatchObject({ provisional: true, memberId: '', badge: 'X9', warnings: ['PROVISIONAL_UNKNOWN_CARD'] });
    expect(validCheckIn(doc)).toBe(true);
  });
  it('records nothing for a duplicate scan', () => {
    expect(buildCheckInDoc(decide({ recentCheckIns: [makeCheckIn({ at: NOW })] }), fields)).toBeNull();
  });
});
