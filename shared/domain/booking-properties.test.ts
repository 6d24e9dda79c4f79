/**
 * Property tests for the booking rules: whatever sequence of book / cancel / attend / release /
 * time passing happens on a desk, a slot never holds more places than its capacity, the waitlist
 * is served strictly in (requestedAt, id) order, and nobody waits while a place is free. The
 * server's `resolveSlot` is independent of input order, idempotent and never over-grants.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { BookingDoc } from '../schemas/bookings';
import { DEFAULT_STATION_RULES } from '../schemas/stations';
import { buildBookingDoc, decideBooking } from './booking-decide';
import { releaseNoShows } from './booking-no-show';
import { resolveSlot } from './booking-resolve';
import { cancelBooking, markAttended } from './booking-waitlist';
import { compareWaitlist, placesTaken, waitlistOf } from './bookings';
import { cst, makeBooking, makeMember, makeStation, makeVenue, MONDAY } from '../../tests/support/builders/fixed';
import { MINUTE_MS, toIso, toMs } from './time';

const START = cst(`${MONDAY} 10:00`);
const END = toMs(cst(`${MONDAY} 11:00`));
const WINDOW = DEFAULT_STATION_RULES.checkInWindowMinutes;

type Op =
  | { kind: 'book'; member: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'attend'; pick: number }
  | { kind: 'release' }
  | { kind: 'wait'; minutes: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('book' as const), member: fc.integer({ min: 0, max: 9 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('attend' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'release' as const }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 0, max: 30 }) }), weight: 2 },
);

/** Runs the ops on one venue slot; calls `check` with the slot before and after every step. */
const run = (capacity: number, ops: Op[], check: (before: BookingDoc[], after: BookingDoc[], now: number) => void) => {
  const venue = makeVenue({ capacity });
  let now = toMs(cst(`${MONDAY} 09:00`));
  let slot: BookingDoc[] = [];
  let seq = 0;
  const apply = (changed: BookingDoc[]) => {
    const byId = new Map(changed.map((c) => [c.id, c]));
    slot = slot.map((b) => byId.get(b.id) ?? b);
  };
  for (const o of ops) {
    const before = slot;
    if (o.kind === 'wait') now += o.minutes * MINUTE_MS;
    if (o.kind === 'book') {
      const memberId = `m-${o.member}`;
      const request = { memberId, slot: { kind: 'venue' as const, venueId: venue.id, startsAt: START } };
      const decision = decideBooking(request, {
        now,
        member: makeMember({ id: memberId }),
        venue,
        station: makeStation(),
        rules: DEFAULT_STATION_RULES,
        slotBookings: slot,
        memberBookings: slot.filter((b) => b.memberId === memberId),
      });
      if (decision.status !== 'rejected') {
        const id = `b-${String(seq++).padStart(4, '0')}`;
        slot = [...slot, buildBookingDoc(decision, { id, stationId: 'st-1', memberId, deskId: 'd', staffId: 's', source: 'desk', decidedBy: 'desk', now })];
      }
    }
    const target = 'pick' in o && slot.length > 0 ? slot[o.pick % slot.length]! : null;
    if (o.kind === 'cancel' && target) apply(cancelBooking(slot, target.id, capacity, now));
    if (o.kind === 'attend' && target && now <= END) {
      const done = markAttended(target, `ci-${target.id}`, now);
      if (done) apply([done]);
    }
    if (o.kind === 'release') apply(releaseNoShows(slot, now, WINDOW, capacity));
    check(before, slot, now);
  }
};

const params = { numRuns: 200 };
const ops = fc.array(op, { minLength: 5, maxLength: 40, size: 'max' });

describe('booking invariants under any sequence of operations', () => {
  it('(a) never more confirmed + attended bookings than capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), ops, (capacity, sequence) => {
        run(capacity, sequence, (_before, after) => expect(placesTaken(after)).toBeLessThanOrEqual(capacity));
      }),
      params,
    );
  });

  it('(b) promotions follow (requestedAt, id) order, and nobody waits while a place is free', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), ops, (capacity, sequence) => {
        run(capacity, sequence, (before, after, now) => {
          const was = new Map(before.map((b) => [b.id, b.status]));
          const promoted = after.filter((b) => was.get(b.id) === 'waitlisted' && b.status === 'confirmed');
          const waiting = waitlistOf(after);
          for (const p of promoted) {
            expect(p.reason).toBe('PROMOTED_FROM_WAITLIST');
            for (const w of waiting) expect(compareWaitlist(p, w)).toBeLessThan(0);
          }
          if (now < END && waiting.length > 0) expect(placesTaken(after)).toBeGreaterThanOrEqual(capacity);
        });
      }),
      params,
    );
  });
});

describe('resolveSlot properties', () => {
  const doc = fc.record({
    status: fc.constantFrom<BookingDoc['status']>('requested', 'confirmed', 'waitlisted', 'attended', 'cancelled', 'no-show', 'rejected'),
    decidedBy: fc.constantFrom<BookingDoc['decidedBy']>('desk', 'server', 'app'),
    requestedMinute: fc.integer({ min: 0, max: 20 }),
  });
  const slotArb = fc.array(doc, { maxLength: 12 }).map((docs) =>
    docs.map((d, i) =>
      makeBooking({
        id: `b-${String(i).padStart(2, '0')}`,
        memberId: `m-${i}`,
        status: d.status,
        decidedBy: d.decidedBy,
        requestedAt: toIso(toMs(cst(`${MONDAY} 08:00`)) + d.requestedMinute * MINUTE_MS),
      }),
    ),
  );
  const nowArb = fc.constantFrom(cst(`${MONDAY} 09:00`), cst(`${MONDAY} 10:30`), cst(`${MONDAY} 12:00`));
  const verdicts = (docs: BookingDoc[]) => Object.fromEntries(docs.map((d) => [d.id, [d.status, d.reason, d.decidedBy]]));

  it('depends only on the set of bookings, not their order', () => {
    fc.assert(
      fc.property(slotArb.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length }))), fc.integer({ min: 0, max: 5 }), nowArb, ([slot, shuffled], capacity, now) => {
        expect(verdicts(resolveSlot(shuffled, capacity, now).bookings)).toEqual(verdicts(resolveSlot(slot, capacity, now).bookings));
      }),
      params,
    );
  });

  it('is idempotent, decides every claim, and grants places only within capacity in queue order', () => {
    fc.assert(
      fc.property(slotArb, fc.integer({ min: 0, max: 5 }), nowArb, (slot, capacity, now) => {
        const { bookings } = resolveSlot(slot, capacity, now);
        expect(resolveSlot(bookings, capacity, now).changed).toEqual([]);
        const settled = slot.filter((b) => b.status === 'attended' || (b.status === 'confirmed' && b.decidedBy === 'server')).length;
        expect(placesTaken(bookings)).toBeLessThanOrEqual(Math.max(capacity, settled));
        const claims = slot.filter((b) => ['requested', 'confirmed', 'waitlisted'].includes(b.status) && !(b.status === 'confirmed' && b.decidedBy === 'server'));
        const after = new Map(bookings.map((b) => [b.id, b]));
        for (const c of claims) expect(after.get(c.id)?.decidedBy).toBe('server');
        if (toMs(now) < END) {
          const granted = [...claims].sort(compareWaitlist).map((c) => after.get(c.id)!.status === 'confirmed');
          expect(granted).toEqual([...granted].sort((x, y) => Number(y) - Number(x)));
        }
      }),
      params,
    );
  });
});
