/** The check-in decision: every reason code, its precedence, boundaries (duplicate window, trust age, booking window). */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { BookingDoc } from '../schemas/bookings';
import type { StationRules } from '../schemas/stations';
import { decideCheckIn, type CheckInInput, type PassScan, type PassStatus, type Scan } from './check-in';
import { CHECK_IN_REASONS, type CheckInReason } from './reason-codes';
import { cst, makeBooking, makeCheckIn, makeMember, makeStation, MONDAY } from '../../tests/support/builders/fixed';
import { MINUTE_MS, toIso, toMs } from './time';

const NOW = cst(`${MONDAY} 10:00`);
const member = makeMember();
const card = (m = member as typeof member | null, badge = 'C0001'): Scan => ({ kind: 'card', badge, member: m });
const pass = (over: Partial<PassScan> = {}): Scan => ({
  kind: 'pass',
  badge: 'P-1',
  status: 'valid',
  memberId: 'm-1',
  member,
  trustUpdatedAt: cst(`${MONDAY} 06:00`),
  ...over,
});

const decide = (over: Partial<Omit<CheckInInput, 'station'>> & { rules?: Partial<StationRules>; capacity?: number } = {}) =>
  decideCheckIn({
    station: makeStation({ capacity: over.capacity ?? 50, rules: over.rules ?? {} }),
    now: NOW,
    scan: card(),
    online: true,
    recentCheckIns: [],
    occupancy: 0,
    memberBookings: [],
    ...over,
  });

const noShows = (n: number): BookingDoc[] =>
  Array.from({ length: n }, (_, i) =>
    makeBooking({ id: `ns-${i}`, status: 'no-show', startsAt: cst(`2026-02-2${i} 10:00`) }),
  );
const required = { bookingRequired: true };

describe('decideCheckIn: clean admission', () => {
  it('admits a known active member with reason OK and records it', () => {
    expect(decide()).toMatchObject({ outcome: 'admit', reason: 'OK', warnings: [], record: true, provisional: false, memberId: 'm-1', badge: 'C0001' });
  });
  it('admits a valid pass with fresh trust data, even for a member this desk does not know', () => {
    expect(decide({ scan: pass() })).toMatchObject({ outcome: 'admit', reason: 'OK', memberId: 'm-1' });
    expect(decide({ scan: pass({ member: null, memberId: 'm-far' }) })).toMatchObject({ outcome: 'admit', memberId: 'm-far' });
  });
});

describe('decideCheckIn: badge', () => {
  it.each<[PassStatus, CheckInReason]>([
    ['bad-signature', 'BAD_SIGNATURE'],
    ['unknown-key', 'BAD_SIGNATURE'],
    ['revoked', 'PASS_REVOKED'],
    ['expired', 'PASS_EXPIRED'],
    ['not-yet-valid', 'PASS_NOT_YET_VALID'],
  ])('a pass that is %s is denied %s', (status, reason) => {
    expect(decide({ scan: pass({ status }) })).toMatchObject({ outcome: 'deny', reason, record: true });
  });

  it('an unknown card online is denied UNKNOWN_BADGE', () => {
    expect(decide({ scan: card(null, 'X9') })).toMatchObject({ outcome: 'deny', reason: 'UNKNOWN_BADGE', unknownCard: true, memberId: '' });
  });
  it('an unknown card offline without allowProvisional is denied', () => {
    expect(decide({ scan: card(null), online: false, rules: { allowProvisional: false } })).toMatchObject({ reason: 'UNKNOWN_BADGE' });
  });
  it('an unknown card offline is admitted provisionally', () => {
    expect(decide({ scan: card(null, 'X9'), online: false })).toMatchObject({
      outcome: 'admit-with-warning',
      reason: 'PROVISIONAL_UNKNOWN_CARD',
      warnings: ['PROVISIONAL_UNKNOWN_CARD'],
      provisional: true,
      memberId: '',
      badge: 'X9',
    });
  });
  it('a card whose member is still provisional counts as unknown, keeping the member id', () => {
    const provisional = makeMember({ id: 'm-prov', source: 'provisional' });
    expect(decide({ scan: card(provisional) })).toMatchObject({ reason: 'UNKNOWN_BADGE', memberId: 'm-prov' });
    expect(decide({ scan: card(provisional), online: false })).toMatchObject({ reason: 'PROVISIONAL_UNKNOWN_CARD', memberId: 'm-prov' });
  });
});

describe('decideCheckIn: trust data age (passes only)', () => {
  const age = (hours: number, extraMs = 0) => toIso(toMs(NOW) - hours * 3_600_000 - extraMs);
  it.each([
    [age(24), false],
    [age(24, 1), true],
    [null, true],
  ])('trust updated at %s → stale %s', (trustUpdatedAt, stale) => {
    const d = decide({ scan: pass({ trustUpdatedAt }) });
    expect(d.warnings.includes('TRUST_DATA_STALE')).toBe(stale);
    expect(d.outcome).toBe(stale ? 'admit-with-warning' : 'admit');
  });
  it('trustMaxAgeHours 0 disables the warning', () => {
    expect(decide({ scan: pass({ trustUpdatedAt: null }), rules: { trustMaxAgeHours: 0 } }).outcome).toBe('admit');
  });
  it('a denial carries the stale warning as context; card scans never get it', () => {
    expect(decide({ scan: pass({ status: 'unknown-key', trustUpdatedAt: null }) })).toMatchObject({
      outcome: 'deny',
      reason: 'BAD_SIGNATURE',
      warnings: ['TRUST_DATA_STALE'],
    });
    expect(decide({ scan: card() }).warnings).toEqual([]);
  });
});

describe('decideCheckIn: member state', () => {
  it.each([
    [makeMember({ status: 'suspended' }), 'MEMBER_SUSPENDED'],
    [makeMember({ status: 'expired' }), 'MEMBER_EXPIRED'],
    [makeMember({ validUntil: toIso(toMs(NOW) - 1) }), 'MEMBER_EXPIRED'],
    [makeMember({ status: 'suspended', validUntil: toIso(toMs(NOW) - 1) }), 'MEMBER_SUSPENDED'],
  ])('%# → %s', (m, reason) => {
    expect(decide({ scan: card(m) })).toMatchObject({ outcome: 'deny', reason });
    expect(decide({ scan: pass({ member: m }) })).toMatchObject({ outcome: 'deny', reason });
  });
  it('validUntil is inclusive', () => {
    expect(decide({ scan: card(makeMember({ validUntil: NOW })) }).outcome).toBe('admit');
  });
});

describe('decideCheckIn: duplicate window', () => {
  const earlier = (minutesAgo: number, over = {}) => makeCheckIn({ at: toIso(toMs(NOW) - minutesAgo * MINUTE_MS), ...over });
  it('re-shows the earlier check-in and records nothing', () => {
    const prior = earlier(4.99);
    expect(decide({ recentCheckIns: [prior] })).toMatchObject({
      outcome: 'admit-with-warning',
      reason: 'ALREADY_CHECKED_IN',
      record: false,
      earlier: prior,
    });
  });
  it('ends exactly at the window boundary', () => {
    expect(decide({ recentCheckIns: [earlier(5)] }).reason).toBe('OK');
  });
  it.each([
    ['a denied attempt', { outcome: 'deny' as const, reason: 'STATION_CLOSED' as const }],
    ['a checked-out visit', { checkedOutAt: toIso(toMs(NOW) - MINUTE_MS), checkOutMethod: 'scan' as const }],
    ['another member', { memberId: 'm-2', badge: 'C0002' }],
  ])('ignores %s', (_name, over) => {
    expect(decide({ recentCheckIns: [earlier(1, over)] }).reason).toBe('OK');
  });
  it('window 0 disables it', () => {
    expect(decide({ recentCheckIns: [earlier(0)], rules: { duplicateWindowMinutes: 0 } }).reason).toBe('OK');
  });
  it('matches by member across card and pass, by badge for unknown cards, and picks the latest', () => {
    expect(decide({ scan: pass(), recentCheckIns: [earlier(1)] }).reason).toBe('ALREADY_CHECKED_IN');
    const unknown = earlier(1, { memberId: '', badge: 'X9', provisional: true });
    expect(decide({ scan: card(null, 'X9'), online: false, recentCheckIns: [unknown] }).earlier).toBe(unknown);
    const a = earlier(3, { id: 'a' });
    const b = earlier(1, { id: 'b' });
    const c = earlier(1, { id: 'c' });
    expect(decide({ recentCheckIns: [c, a, b] }).earlier?.id).toBe('c');
  });
  it('outranks closed and full: a re-scan of someone inside is never refused', () => {
    const late = cst(`${MONDAY} 22:01`);
    const prior = makeCheckIn({ at: cst(`${MONDAY} 21:58`) });
    expect(decide({ now: late, recentCheckIns: [prior] }).reason).toBe('ALREADY_CHECKED_IN');
    expect(decide({ occupancy: 50, recentCheckIns: [earlier(1)] }).reason).toBe('ALREADY_CHECKED_IN');
  });
  it('is outranked by the member state', () => {
    expect(decide({ scan: card(makeMember({ status: 'suspended' })), recentCheckIns: [earlier(1)] }).reason).toBe('MEMBER_SUSPENDED');
  });
});

describe('decideCheckIn: station', () => {
  it('denies STATION_CLOSED outside opening hours', () => {
    expect(decide({ now: cst(`${MONDAY} 07:59`) })).toMatchObject({ outcome: 'deny', reason: 'STATION_CLOSED' });
  });
  it.each([
    [50, 49, 'OK'],
    [50, 50, 'AT_CAPACITY'],
    [50, 80, 'AT_CAPACITY'],
    [0, 100_000, 'OK'],
  ])('capacity %i with %i inside → %s', (capacity, occupancy, reason) => {
    expect(decide({ capacity, occupancy }).reason).toBe(reason);
  });
  it('closed outranks full', () => {
    expect(decide({ now: cst(`${MONDAY} 23:00`), occupancy: 50 }).reason).toBe('STATION_CLOSED');
  });
});

describe('decideCheckIn: bookings and no-show ban', () => {
  const booking = (over: Partial<BookingDoc> = {}) => makeBooking({ startsAt: cst(`${MONDAY} 10:00`), ...over });
  it.each([
    ['at the 30-minute lead', cst(`${MONDAY} 09:30`), 'OK'],
    ['before the lead', cst(`${MONDAY} 09:29:59`), 'BOOKING_REQUIRED'],
    ['at the end of the check-in window', cst(`${MONDAY} 10:15`), 'OK'],
    ['after the check-in window', cst(`${MONDAY} 10:15:00.001`), 'BOOKING_REQUIRED'],
  ])('a confirmed booking %s → %s', (_name, now, reason) => {
    expect(decide({ now, rules: required, memberBookings: [booking()] }).reason).toBe(reason);
  });
  it('links the covering booking, required or not', () => {
    const b = booking();
    expect(decide({ rules: required, memberBookings: [b] }).booking).toBe(b);
    expect(decide({ memberBookings: [b] }).booking).toBe(b);
  });
  it.each(['waitlisted', 'cancelled', 'no-show', 'rejected', 'requested'] as const)('a %s booking does not cover', (status) => {
    expect(decide({ rules: required, memberBookings: [booking({ status })] }).reason).toBe('BOOKING_REQUIRED');
  });
  it("ignores other members' bookings", () => {
    expect(decide({ rules: required, memberBookings: [booking({ memberId: 'm-2' })] }).reason).toBe('BOOKING_REQUIRED');
  });
  it('a late promotion covers until the slot ends; an attended booking covers re-entry until the end', () => {
    const at = cst(`${MONDAY} 10:50`);
    expect(decide({ now: at, rules: required, memberBookings: [booking({ reason: 'PROMOTED_FROM_WAITLIST' })] }).reason).toBe('OK');
    expect(decide({ now: at, rules: required, memberBookings: [booking({ status: 'attended' })] }).reason).toBe('OK');
    expect(decide({ now: cst(`${MONDAY} 11:00`), rules: required, memberBookings: [booking({ status: 'attended' })] }).reason).toBe(
      'BOOKING_REQUIRED',
    );
  });
  it('picks the earliest covering booking', () => {
    const first = booking({ id: 'b-first' });
    const second = booking({ id: 'b-second', startsAt: cst(`${MONDAY} 10:20`) });
    expect(decide({ memberBookings: [second, first] }).booking?.id).toBe('b-first');
  });
  it('a banned member without a booking is denied NO_SHOW_BAN where bookings are required', () => {
    expect(decide({ rules: required, memberBookings: noShows(3) })).toMatchObject({ outcome: 'deny', reason: 'NO_SHOW_BAN' });
    expect(decide({ rules: required, memberBookings: noShows(2) }).reason).toBe('BOOKING_REQUIRED');
  });
  it('a banned member is admitted with a warning on an earlier booking, or where bookings are optional', () => {
    const withBooking = decide({ rules: required, memberBookings: [...noShows(3), booking()] });
    expect(withBooking).toMatchObject({ outcome: 'admit-with-warning', reason: 'NO_SHOW_BAN', warnings: ['NO_SHOW_BAN'] });
    expect(decide({ memberBookings: noShows(3) })).toMatchObject({ outcome: 'admit-with-warning', reason: 'NO_SHOW_BAN' });
  });
  it('orders warnings: stale trust before the ban', () => {
    const d = decide({ scan: pass({ trustUpdatedAt: null }), memberBookings: noShows(3) });
    expect(d).toMatchObject({ reason: 'TRUST_DATA_STALE', warnings: ['TRUST_DATA_STALE', 'NO_SHOW_BAN'] });
  });
  it('capacity outranks the booking rule; an unknown card cannot hold a booking', () => {
    expect(decide({ rules: required, occupancy: 50 }).reason).toBe('AT_CAPACITY');
    expect(decide({ rules: required, scan: card(null), online: false }).reason).toBe('BOOKING_REQUIRED');
  });
});

describe('decideCheckIn: every reason code', () => {
  it('is produced by some scan (MANAGER_OVERRIDE comes from applyOverride)', () => {
    const produced = new Set<CheckInReason>(['MANAGER_OVERRIDE']);
    const scenarios: Parameters<typeof decide>[0][] = [
      {},
      { scan: card(null) },
      { scan: card(null), online: false },
      ...(['bad-signature', 'revoked', 'expired', 'not-yet-valid'] as const).map((status) => ({ scan: pass({ status }) })),
      { scan: pass({ trustUpdatedAt: null }) },
      { scan: card(makeMember({ status: 'suspended' })) },
      { scan: card(makeMember({ status: 'expired' })) },
      { recentCheckIns: [makeCheckIn({ at: NOW })] },
      { now: cst(`${MONDAY} 23:00`) },
      { occupancy: 50 },
      { rules: required },
      { memberBookings: noShows(3) },
    ];
    for (const s of scenarios) produced.add(decide(s).reason);
    expect([...produced].sort()).toEqual([...CHECK_IN_REASONS].sort());
  });
});

describe('decideCheckIn: decision invariants (property)', () => {
  it('outcome, reason, warnings and record always agree', () => {
    const scan = fc.oneof(
      fc.record({ kind: fc.constant('card' as const), badge: fc.constantFrom('C0001', 'X9'), member: fc.constantFrom(member, null, makeMember({ status: 'suspended' })) }),
      fc.record({
        kind: fc.constant('pass' as const),
        badge: fc.constant('P-1'),
        status: fc.constantFrom<PassStatus>('valid', 'bad-signature', 'expired', 'not-yet-valid', 'revoked', 'unknown-key'),
        memberId: fc.constant('m-1'),
        member: fc.constantFrom(member, null),
        trustUpdatedAt: fc.constantFrom(null, cst(`${MONDAY} 06:00`)),
      }),
    );
    fc.assert(
      fc.property(
        scan,
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (s, online, bookingRequired, occupancy, minute, nNoShows, hasBooking) => {
          const now = toIso(toMs(cst(`${MONDAY} 00:00`)) + minute * MINUTE_MS);
          const bookings = [...noShows(nNoShows), ...(hasBooking ? [makeBooking({ startsAt: now })] : [])];
          const d = decide({ scan: s, online, rules: { bookingRequired }, occupancy, now, memberBookings: bookings });
          expect(d.record).toBe(d.reason !== 'ALREADY_CHECKED_IN');
          if (d.outcome === 'admit') expect([d.reason, d.warnings]).toEqual(['OK', []]);
          if (d.outcome === 'admit-with-warning') expect(d.warnings[0]).toBe(d.reason);
          if (d.outcome === 'deny') {
            expect(d.provisional).toBe(false);
            expect(d.booking).toBeNull();
          }
          expect(d.provisional).toBe(d.outcome !== 'deny' && d.unknownCard);
        },
      ),
      { numRuns: 200 },
    );
  });
});
