/** The exception queue: which server verdicts need staff, on which desk, and what they can do. */
import { describe, expect, it } from 'vitest';
import type { BookingDoc } from '../schemas/bookings';
import { acknowledgeBooking, exceptionActions, exceptionKind, exceptionsOf } from './booking-exceptions';
import { cst, makeBooking, MONDAY } from '../../tests/support/builders/fixed';

const verdict = (id: string, status: BookingDoc['status'], reason: BookingDoc['reason'], over: Partial<BookingDoc> = {}) =>
  makeBooking({ id, status, reason, decidedBy: 'server', deskId: 'desk-1', ...over });

describe('exceptionKind', () => {
  it.each<[string, BookingDoc, ReturnType<typeof exceptionKind>]>([
    ['rejected by the server', verdict('r', 'rejected', 'BANNED'), 'rejected'],
    ['bumped to the waitlist', verdict('b', 'waitlisted', 'SLOT_FULL'), 'bumped'],
    ['flagged for a fault (confirmed)', verdict('f', 'confirmed', 'FLAGGED_FAULT'), 'fault'],
    ['flagged for a fault (waitlisted)', verdict('f2', 'waitlisted', 'FLAGGED_FAULT'), 'fault'],
    ['confirmed as asked', verdict('ok', 'confirmed', 'OK'), null],
    ['waitlisted as asked', verdict('w', 'waitlisted', 'WAITLISTED'), null],
    ['promoted', verdict('p', 'confirmed', 'PROMOTED_FROM_WAITLIST'), null],
    ['the desk’s own rejection', makeBooking({ status: 'rejected', reason: 'BANNED', decidedBy: 'desk' }), null],
    ['a flag on a cancelled booking', verdict('fc', 'cancelled', 'FLAGGED_FAULT'), null],
    ['acknowledged', verdict('a', 'rejected', 'SLOT_FULL', { ack: { staffId: 's', at: cst(`${MONDAY} 09:00`), note: '已告知' } }), null],
  ])('%s → %s', (_name, booking, kind) => {
    expect(exceptionKind(booking)).toBe(kind);
  });
});

describe('exceptionsOf', () => {
  it('lists this desk’s verdicts and every fault flag, soonest slot first', () => {
    const bookings = [
      verdict('late', 'rejected', 'SLOT_FULL', { startsAt: cst(`${MONDAY} 15:00`) }),
      verdict('other-desk', 'rejected', 'BANNED', { deskId: 'desk-2' }),
      verdict('app-fault', 'confirmed', 'FLAGGED_FAULT', { deskId: '', source: 'app', startsAt: cst(`${MONDAY} 12:00`) }),
      verdict('other-fault', 'confirmed', 'FLAGGED_FAULT', { deskId: 'desk-2', startsAt: cst(`${MONDAY} 11:00`) }),
      verdict('early', 'waitlisted', 'SLOT_FULL', { startsAt: cst(`${MONDAY} 09:00`) }),
      verdict('fine', 'confirmed', 'OK'),
    ];
    expect(exceptionsOf(bookings, 'desk-1').map((b) => b.id)).toEqual(['early', 'other-fault', 'app-fault', 'late']);
  });
  it('drops a booking once it is acknowledged', () => {
    const b = verdict('r', 'rejected', 'BANNED');
    const acked = acknowledgeBooking(b, 'staff-1', '  已电话告知会员  ', cst(`${MONDAY} 09:30`));
    expect(acked.ack).toEqual({ staffId: 'staff-1', at: cst(`${MONDAY} 09:30`), note: '已电话告知会员' });
    expect(acked).toMatchObject({ status: 'rejected', reason: 'BANNED', decidedBy: 'server' });
    expect(exceptionsOf([acked], 'desk-1')).toEqual([]);
  });
});

describe('exceptionActions', () => {
  it('offers cancel only for a booking that still holds or waits for a place', () => {
    expect(exceptionActions({ status: 'rejected' })).toEqual(['rebook', 'acknowledge']);
    expect(exceptionActions({ status: 'waitlisted' })).toEqual(['rebook', 'cancel', 'acknowledge']);
    expect(exceptionActions({ status: 'confirmed' })).toEqual(['rebook', 'cancel', 'acknowledge']);
  });
});
