// The check-in command on real repositories (RxDB memory storage, schema checks on): every
// reason code a desk can reach, what is recorded for each, and what is not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PassScan, PassStatus } from '../../../shared/domain/check-in';
import { cst, makeBooking, makeMember, makeStation, MONDAY } from '../../../tests/support/builders/fixed';
import type { MemberDoc } from '../../../shared/schemas/index';
import { checkInCard, checkInMember, checkInScan, openVisitsSince, type CheckInResult } from './check-in-command';
import { openTestDesk, type TestDesk } from './desk-fixture.test-util';
import type { ScanResolvers } from './scan-resolvers';

const NOW = cst(`${MONDAY} 10:00`);
const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const WANG = makeMember({ id: 'm-wang', name: '王建国', cardNo: 'C0001' });

let desk: TestDesk;
const open = async (station = makeStation()) => {
  desk = await openTestDesk(station);
  await desk.repos.members.bulkInsert([
    WANG,
    makeMember({ id: 'm-susp', name: '停用', cardNo: 'C0007', status: 'suspended' }),
    makeMember({ id: 'm-exp', name: '过期', cardNo: 'C0009', status: 'expired' }),
    makeMember({ id: 'm-old', name: '到期', cardNo: 'C0010', validUntil: cst('2026-01-01 00:00') }),
    makeMember({ id: 'm-a', name: '甲', cardNo: 'C0101' }),
    makeMember({ id: 'm-b', name: '乙', cardNo: 'C0102' }),
  ]);
};
afterEach(async () => desk.close());

const everything = () => desk.repos.checkins.between({ from: cst('2026-01-01 00:00'), to: cst('2027-01-01 00:00') });
const card = async (badge: string, when = NOW, over = {}): Promise<CheckInResult> => checkInCard(desk.at(when, over), badge, 'scanner');

describe('check-in by card', () => {
  beforeEach(() => open());

  it('admits a valid member and records who, where and how', async () => {
    const result = await card('C0001');
    expect(result.decision).toMatchObject({ outcome: 'admit', reason: 'OK' });
    expect(result.member?.name).toBe('王建国');
    expect(result.record).toMatchObject({ memberId: 'm-wang', badge: 'C0001', method: 'scanner', deskId: 'desk-1', staffId: 'staff-desk', at: NOW });
    expect(await everything()).toHaveLength(1);
  });

  it.each([
    ['C0007', 'MEMBER_SUSPENDED'],
    ['C0009', 'MEMBER_EXPIRED'],
    ['C0010', 'MEMBER_EXPIRED'],
    ['C9999', 'UNKNOWN_BADGE'],
  ])('denies %s with %s and records the denial', async (badge, reason) => {
    const result = await card(badge);
    expect(result.decision).toMatchObject({ outcome: 'deny', reason });
    expect(result.record).toMatchObject({ outcome: 'deny', reason, badge });
    expect(await everything()).toHaveLength(1);
    expect(await desk.repos.checkins.openSince(cst('2026-01-01 00:00'))).toEqual([]);
  });

  it('shows the earlier check-in for a scan inside the duplicate window and records nothing', async () => {
    const first = await card('C0001');
    const again = await card('C0001', later(4));
    expect(again.decision).toMatchObject({ reason: 'ALREADY_CHECKED_IN', record: false });
    expect(again.decision.earlier?.id).toBe(first.record!.id);
    expect(again.record).toBeNull();
    expect(await everything()).toHaveLength(1);
  });

  it('treats a scan of someone inside after the window as a new visit that ends the earlier one', async () => {
    const first = await card('C0001');
    const second = await card('C0001', later(90));
    expect(second.decision.reason).toBe('OK');
    expect(second.ended.map((c) => [c.id, c.checkedOutAt, c.checkOutMethod])).toEqual([[first.record!.id, later(90), 'scan']]);
    expect((await desk.repos.checkins.openSince(cst('2026-01-01 00:00'))).map((c) => c.id)).toEqual([second.record!.id]);
  });

  it('denies STATION_CLOSED outside opening hours', async () => {
    expect((await card('C0001', cst(`${MONDAY} 22:30`))).decision).toMatchObject({ outcome: 'deny', reason: 'STATION_CLOSED' });
  });

  it('checks a member picked by hand in with method manual', async () => {
    const result = await checkInMember(desk.at(NOW), WANG);
    expect(result.record).toMatchObject({ memberId: 'm-wang', method: 'manual', outcome: 'admit' });
  });

  it('records nothing for bad input', async () => {
    expect(await checkInScan(desk.at(NOW), '3100<script>', 'manual')).toEqual({ kind: 'input-error', error: 'chars' });
    expect(await checkInScan(desk.at(NOW), '  ', 'manual')).toEqual({ kind: 'input-error', error: 'empty' });
    expect(await everything()).toEqual([]);
  });
});

describe('capacity', () => {
  beforeEach(() => open(makeStation({ capacity: 2 })));

  it('denies AT_CAPACITY when full, but never refuses someone already inside', async () => {
    await card('C0001');
    await card('C0101', later(1));
    expect((await card('C0102', later(2))).decision).toMatchObject({ outcome: 'deny', reason: 'AT_CAPACITY' });
    const rescan = await card('C0001', later(60));
    expect(rescan.decision).toMatchObject({ outcome: 'admit', reason: 'OK' });
    expect(rescan.ended).toHaveLength(1);
    expect(await desk.repos.checkins.openSince(cst('2026-01-01 00:00'))).toHaveLength(2);
  });
});

describe('the open-visits query', () => {
  beforeEach(() => open(makeStation({ capacity: 2 })));

  it('starts two days before the station day began, whatever the time of the scan (one query, answered from cache)', async () => {
    const station = makeStation();
    expect(openVisitsSince(station, Date.parse(cst(`${MONDAY} 09:00`)))).toBe(cst('2026-02-28 00:00'));
    expect(openVisitsSince(station, Date.parse(cst(`${MONDAY} 21:59`)))).toBe(cst('2026-02-28 00:00'));
    // the visits it finds still decide capacity (2 here): yesterday's has ended, today's count
    await card('C0001', cst('2026-03-01 21:00'));
    await card('C0101', cst(`${MONDAY} 08:30`));
    await card('C0102', cst(`${MONDAY} 09:00`));
    expect((await card('C0001', NOW)).decision.reason).toBe('AT_CAPACITY');
  });
});

describe('bookings', () => {
  const noShows = (memberId: string) =>
    [1, 2, 3].map((d) =>
      makeBooking({ id: `ns-${memberId}-${d}`, memberId, status: 'no-show', startsAt: cst(`2026-02-2${d} 10:00`), slotKey: `venue:v-1:ns-${d}` }),
    );

  it('denies BOOKING_REQUIRED without a booking and marks the covering booking attended', async () => {
    await open(makeStation({ rules: { bookingRequired: true } }));
    expect((await card('C0001')).decision).toMatchObject({ outcome: 'deny', reason: 'BOOKING_REQUIRED' });
    await desk.repos.bookings.save(makeBooking({ id: 'bk-1', memberId: 'm-a', startsAt: cst(`${MONDAY} 10:00`) }));
    const admitted = await card('C0101', later(5));
    expect(admitted.decision).toMatchObject({ outcome: 'admit', booking: { id: 'bk-1' } });
    expect(admitted.record?.bookingId).toBe('bk-1');
    const [booking] = await desk.repos.bookings.forMember('m-a');
    expect(booking).toMatchObject({ status: 'attended', checkInId: admitted.record!.id });
  });

  it('denies NO_SHOW_BAN where bookings are required, and warns where they are not', async () => {
    await open(makeStation({ rules: { bookingRequired: true } }));
    for (const b of noShows('m-wang')) await desk.repos.bookings.save(b);
    expect((await card('C0001')).decision).toMatchObject({ outcome: 'deny', reason: 'NO_SHOW_BAN' });
    await desk.close();
    await open();
    for (const b of noShows('m-wang')) await desk.repos.bookings.save(b);
    expect((await card('C0001')).decision).toMatchObject({ outcome: 'admit-with-warning', reason: 'NO_SHOW_BAN' });
  });
});

describe('one scan reads each thing once', () => {
  beforeEach(() => open());

  /** The desk's repositories, counting the reads a scan makes. */
  const counted = () => {
    const reads = new Map<string, number>();
    const count = <T extends object>(name: string, target: T): T =>
      new Proxy(target, {
        get: (obj, key, receiver) => {
          const value = Reflect.get(obj, key, receiver) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            reads.set(`${name}.${String(key)}`, (reads.get(`${name}.${String(key)}`) ?? 0) + 1);
            return (value as (...a: unknown[]) => unknown).apply(obj, args);
          };
        },
      });
    const repos = { ...desk.repos, members: count('members', desk.repos.members), checkins: count('checkins', desk.repos.checkins) };
    return { repos, reads };
  };

  it('a card that ends an earlier visit: the member and the open visits are read once', async () => {
    await card('C0001');
    const { repos, reads } = counted();
    const rescan = await checkInCard(desk.at(later(60), { repos }), 'C0001', 'scanner');
    expect(rescan.ended).toHaveLength(1);
    expect(reads.get('members.findByCard')).toBe(1);
    expect(reads.get('members.get')).toBeUndefined();
    expect(reads.get('checkins.openSince')).toBe(1);
  });

  it('an unknown card admitted provisionally: the card is looked up once, the ticket not read back', async () => {
    const { repos, reads } = counted();
    const first = await checkInCard(desk.at(NOW, { online: false, repos }), 'C0404', 'scanner');
    expect(first.member).toMatchObject({ cardNo: 'C0404', source: 'provisional' });
    expect(reads.get('members.findByCard')).toBe(1);
    expect(reads.get('members.get')).toBeUndefined();
    expect(reads.get('checkins.openSince')).toBe(1);
  });
});

describe('unknown card offline', () => {
  beforeEach(() => open());

  it('admits provisionally and opens one review ticket that later scans reuse', async () => {
    const first = await card('C0404', NOW, { online: false });
    expect(first.decision).toMatchObject({ outcome: 'admit-with-warning', reason: 'PROVISIONAL_UNKNOWN_CARD', provisional: true });
    const tickets = await desk.repos.members.provisional();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ cardNo: 'C0404', source: 'provisional' });
    expect(first.record).toMatchObject({ memberId: tickets[0]!.id, provisional: true });

    expect((await card('C0404', later(2), { online: false })).decision.reason).toBe('ALREADY_CHECKED_IN');
    const second = await card('C0404', later(60), { online: false });
    expect(second.decision.reason).toBe('PROVISIONAL_UNKNOWN_CARD');
    expect(second.record?.memberId).toBe(tickets[0]!.id);
    expect(second.ended.map((c) => c.id)).toEqual([first.record!.id]);
    expect(await desk.repos.members.provisional()).toHaveLength(1);
  });

  it('denies the same card online (UNKNOWN_BADGE), and offline where the station forbids provisional admission', async () => {
    expect((await card('C0404')).decision.reason).toBe('UNKNOWN_BADGE');
    await desk.close();
    await open(makeStation({ rules: { allowProvisional: false } }));
    expect((await card('C0404', NOW, { online: false })).decision.reason).toBe('UNKNOWN_BADGE');
    expect(await desk.repos.members.provisional()).toEqual([]);
  });
});

describe('member passes (through the pass resolver seam)', () => {
  beforeEach(() => open());
  const passResolvers = (status: PassStatus, member: MemberDoc | null, trustHoursAgo = 1): ScanResolvers => ({
    classify: (text) => (text.startsWith('PASS:') ? 'pass' : 'card'),
    resolvePass: async (_repos, text, now): Promise<PassScan> => ({
      kind: 'pass',
      badge: text.slice(5),
      status,
      memberId: member?.id ?? 'm-elsewhere',
      member,
      trustUpdatedAt: now - trustHoursAgo * 3_600_000,
    }),
  });
  const pass = (status: PassStatus, member: MemberDoc | null = WANG, trustHoursAgo = 1) =>
    checkInScan(desk.at(NOW), 'PASS:P-1', 'camera', passResolvers(status, member, trustHoursAgo));

  it.each([
    ['bad-signature', 'BAD_SIGNATURE'],
    ['unknown-key', 'BAD_SIGNATURE'],
    ['expired', 'PASS_EXPIRED'],
    ['not-yet-valid', 'PASS_NOT_YET_VALID'],
    ['revoked', 'PASS_REVOKED'],
  ] as const)('denies a %s pass with %s and records it', async (status, reason) => {
    const outcome = await pass(status);
    expect(outcome.kind === 'result' && outcome.result.record).toMatchObject({ outcome: 'deny', reason, method: 'camera', badge: 'P-1' });
  });

  it('admits a valid pass, warns TRUST_DATA_STALE on old trust data, and admits a member the roster lacks', async () => {
    expect(await pass('valid')).toMatchObject({ kind: 'result', result: { decision: { outcome: 'admit', reason: 'OK' } } });
    await desk.close();
    await open();
    expect(await pass('valid', WANG, 30)).toMatchObject({ kind: 'result', result: { decision: { reason: 'TRUST_DATA_STALE' } } });
    expect(await pass('valid', null)).toMatchObject({ kind: 'result', result: { record: { memberId: 'm-elsewhere', outcome: 'admit' } } });
  });
});

describe('member passes through the desk’s own pass module', () => {
  beforeEach(() => open());

  it('asks for a rescan of a pass cut short and records nothing; records a broken pass as BAD_SIGNATURE', async () => {
    expect(await checkInScan(desk.at(NOW), 'SD1.abc', 'scanner')).toEqual({ kind: 'unreadable' });
    expect(await everything()).toEqual([]);
    const broken = await checkInScan(desk.at(NOW), `SD2.${'A'.repeat(20)}.${'A'.repeat(86)}`, 'scanner');
    expect(broken).toMatchObject({ kind: 'result', result: { record: { outcome: 'deny', reason: 'BAD_SIGNATURE', memberId: '' } } });
  });
});
