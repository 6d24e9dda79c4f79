/** Cancelling, promoting the waitlist and marking attendance. */
import { describe, it, expect } from 'vitest';
import type { BookingDoc } from '../schemas/bookings';
import { cancelBooking, isCancellable, markAttended, promoteWaitlist } from './booking-waitlist';
import { cst, makeBooking, MONDAY } from '../../tests/support/builders/fixed';

const NOW = cst(`${MONDAY} 09:00`); // the slot runs 10:00-11:00
const b = (id: string, status: BookingDoc['status'], requested = '08:00') =>
  makeBooking({ id, memberId: `m-${id}`, status, requestedAt: cst(`${MONDAY} ${requested}`) });

describe('promoteWaitlist', () => {
  const slot = [b('c1', 'confirmed'), b('w3', 'waitlisted', '08:30'), b('w1', 'waitlisted', '08:10'), b('w2b', 'waitlisted', '08:20'), b('w2a', 'waitlisted', '08:20')];
  it('fills free places from the head of the waitlist', () => {
    expect(promoteWaitlist(slot, 3, NOW).map((p) => p.id)).toEqual(['w1', 'w2a']);
    expect(promoteWaitlist(slot, 3, NOW)[0]).toMatchObject({ status: 'confirmed', reason: 'PROMOTED_FROM_WAITLIST', decidedBy: 'desk', updatedAt: NOW });
  });
  it('promotes nobody when full or over capacity', () => {
    expect(promoteWaitlist(slot, 1, NOW)).toEqual([]);
    expect(promoteWaitlist([...slot, b('c2', 'attended')], 1, NOW)).toEqual([]);
  });
  it('promotes nobody into a slot that has ended', () => {
    expect(promoteWaitlist(slot, 5, cst(`${MONDAY} 10:59`))).toHaveLength(4);
    expect(promoteWaitlist(slot, 5, cst(`${MONDAY} 11:00`))).toEqual([]);
  });
  it('stamps the decider', () => {
    expect(promoteWaitlist(slot, 2, NOW, 'server')[0]?.decidedBy).toBe('server');
  });
});

describe('cancelBooking', () => {
  const slot = [b('c1', 'confirmed'), b('c2', 'confirmed'), b('w1', 'waitlisted', '08:10'), b('w2', 'waitlisted', '08:20')];
  it('cancels a confirmed booking and promotes the head of the waitlist', () => {
    const changed = cancelBooking(slot, 'c1', 2, NOW);
    expect(changed.map((c) => [c.id, c.status, c.reason])).toEqual([
      ['c1', 'cancelled', 'CANCELLED_BY_STAFF'],
      ['w1', 'confirmed', 'PROMOTED_FROM_WAITLIST'],
    ]);
  });
  it('cancelling a waitlisted booking frees no place', () => {
    expect(cancelBooking(slot, 'w1', 2, NOW).map((c) => c.id)).toEqual(['w1']);
  });
  it('with a spare place (capacity raised) promotes several', () => {
    expect(cancelBooking(slot, 'c1', 4, NOW).map((c) => c.id)).toEqual(['c1', 'w1', 'w2']);
  });
  it.each(['attended', 'no-show', 'rejected', 'cancelled'] as const)('does nothing to a %s booking', (status) => {
    expect(cancelBooking([b('x', status)], 'x', 2, NOW)).toEqual([]);
    expect(isCancellable(status)).toBe(false);
  });
  it('does nothing for an unknown id', () => {
    expect(cancelBooking(slot, 'nope', 2, NOW)).toEqual([]);
  });
  it('records the reason and decider given', () => {
    const [cancelled] = cancelBooking([b('r', 'requested')], 'r', 2, NOW, { by: 'app', reason: 'OK' });
    expect(cancelled).toMatchObject({ status: 'cancelled', reason: 'OK', decidedBy: 'app' });
  });
  it('does not mutate its input', () => {
    const copy = structuredClone(slot);
    cancelBooking(slot, 'c1', 2, NOW);
    expect(slot).toEqual(copy);
  });
});

describe('markAttended', () => {
  it('marks a confirmed booking attended by the check-in', () => {
    const done = markAttended(b('c1', 'confirmed'), 'ci-1', cst(`${MONDAY} 10:02`));
    expect(done).toMatchObject({ status: 'attended', checkInId: 'ci-1', reason: 'OK', updatedAt: cst(`${MONDAY} 10:02`) });
  });
  it('keeps the promotion reason', () => {
    const promoted = { ...b('p', 'confirmed'), reason: 'PROMOTED_FROM_WAITLIST' as const };
    expect(markAttended(promoted, 'ci-1', NOW)?.reason).toBe('PROMOTED_FROM_WAITLIST');
  });
  it.each(['attended', 'waitlisted', 'requested', 'cancelled', 'no-show', 'rejected'] as const)('writes nothing for a %s booking', (status) => {
    expect(markAttended(b('x', status), 'ci-2', NOW)).toBeNull();
  });
});
