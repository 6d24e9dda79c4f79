/** The server's authoritative slot verdict: offline desk bookings colliding with app bookings. */
import { describe, it, expect } from 'vitest';
import type { BookingDoc } from '../schemas/bookings';
import { resolveSlot } from './booking-resolve';
import { cst, makeBooking, MONDAY } from '../../tests/support/builders/fixed';

const NOW = cst(`${MONDAY} 09:00`); // the slot runs 10:00-11:00
const b = (id: string, status: BookingDoc['status'], decidedBy: BookingDoc['decidedBy'], requested: string, over: Partial<BookingDoc> = {}) =>
  makeBooking({ id, memberId: `m-${id}`, status, decidedBy, requestedAt: cst(`${MONDAY} ${requested}`), ...over });
const summary = (docs: BookingDoc[]) => docs.map((d) => [d.id, d.status, d.reason, d.decidedBy]);

describe('resolveSlot: an offline desk booking meets an app booking', () => {
  it('the app booking the server confirmed keeps the place; the desk booking is waitlisted SLOT_FULL', () => {
    const app = b('app', 'confirmed', 'server', '08:30', { source: 'app' });
    const desk = b('desk', 'confirmed', 'desk', '08:00'); // asked earlier, but offline
    const { bookings, changed } = resolveSlot([app, desk], 1, NOW);
    expect(summary(bookings)).toEqual([
      ['app', 'confirmed', 'OK', 'server'],
      ['desk', 'waitlisted', 'SLOT_FULL', 'server'],
    ]);
    expect(changed.map((c) => c.id)).toEqual(['desk']);
  });
  it('a desk booking that still fits is confirmed by the server', () => {
    const { changed } = resolveSlot([b('app', 'confirmed', 'server', '08:30'), b('desk', 'confirmed', 'desk', '08:00')], 2, NOW);
    expect(summary(changed)).toEqual([['desk', 'confirmed', 'OK', 'server']]);
  });
  it('two desks that each confirmed the last place offline: the earlier request wins', () => {
    const { bookings } = resolveSlot([b('d2', 'confirmed', 'desk', '08:20'), b('d1', 'confirmed', 'desk', '08:10')], 1, NOW);
    expect(summary(bookings)).toEqual([
      ['d2', 'waitlisted', 'SLOT_FULL', 'server'],
      ['d1', 'confirmed', 'OK', 'server'],
    ]);
  });
});

describe('resolveSlot: the queue', () => {
  it('decides requests: confirmed OK while places last, then WAITLISTED', () => {
    const { bookings } = resolveSlot([b('r1', 'requested', 'app', '08:10'), b('r2', 'requested', 'app', '08:20')], 1, NOW);
    expect(summary(bookings)).toEqual([
      ['r1', 'confirmed', 'OK', 'server'],
      ['r2', 'waitlisted', 'WAITLISTED', 'server'],
    ]);
  });
  it('a waitlisted booking ahead in the queue beats a later desk confirmation for a freed place', () => {
    const slot = [
      b('a', 'cancelled', 'desk', '07:00'),
      b('w', 'waitlisted', 'server', '08:10'),
      b('d', 'confirmed', 'desk', '08:30'),
    ];
    expect(summary(resolveSlot(slot, 1, NOW).bookings.slice(1))).toEqual([
      ['w', 'confirmed', 'PROMOTED_FROM_WAITLIST', 'server'],
      ['d', 'waitlisted', 'SLOT_FULL', 'server'],
    ]);
  });
  it('keeps a waitlisted reason (SLOT_FULL stays visible to staff)', () => {
    const slot = [b('c', 'confirmed', 'server', '07:00'), b('w', 'waitlisted', 'server', '08:00', { reason: 'SLOT_FULL' })];
    expect(resolveSlot(slot, 1, NOW).changed).toEqual([]);
  });
  it('keeps the reason of a confirmation it upholds', () => {
    const slot = [b('p', 'confirmed', 'desk', '08:00', { reason: 'PROMOTED_FROM_WAITLIST' })];
    expect(summary(resolveSlot(slot, 1, NOW).changed)).toEqual([['p', 'confirmed', 'PROMOTED_FROM_WAITLIST', 'server']]);
  });
  it('never evicts settled places, even above a reduced capacity', () => {
    const slot = [b('s1', 'confirmed', 'server', '07:00'), b('s2', 'attended', 'desk', '07:10'), b('d', 'confirmed', 'desk', '07:05')];
    expect(summary(resolveSlot(slot, 1, NOW).bookings)).toEqual([
      ['s1', 'confirmed', 'OK', 'server'],
      ['s2', 'attended', 'OK', 'desk'],
      ['d', 'waitlisted', 'SLOT_FULL', 'server'],
    ]);
  });
  it('leaves cancellations, no-shows and rejections as they are', () => {
    const facts = [b('x', 'cancelled', 'desk', '07:00'), b('n', 'no-show', 'desk', '07:00'), b('r', 'rejected', 'server', '07:00')];
    expect(resolveSlot(facts, 5, NOW)).toEqual({ bookings: facts, changed: [] });
  });
  it('promotes no waitlisted booking into an ended slot, but upholds desk confirmations there', () => {
    const slot = [b('w', 'waitlisted', 'server', '08:00'), b('d', 'confirmed', 'desk', '08:30')];
    expect(summary(resolveSlot(slot, 1, cst(`${MONDAY} 11:30`)).bookings)).toEqual([
      ['w', 'waitlisted', 'OK', 'server'],
      ['d', 'confirmed', 'OK', 'server'],
    ]);
  });
  it('is idempotent', () => {
    const slot = [b('a', 'confirmed', 'desk', '08:00'), b('b', 'requested', 'app', '08:01'), b('c', 'waitlisted', 'desk', '08:02')];
    const once = resolveSlot(slot, 2, NOW).bookings;
    expect(resolveSlot(once, 2, NOW).changed).toEqual([]);
  });
});
