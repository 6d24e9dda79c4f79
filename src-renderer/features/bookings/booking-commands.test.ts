// The desk's booking commands on a real local database (RxDB memory storage, schema checks on):
// create with the waitlist and refusals, cancel promoting the waitlist, move, the offline
// no-show release, fault refusal and warning, the exception queue's actions, and a check-in
// marking its booking attended.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exceptionsOf } from '../../../shared/domain/index';
import { cst, makeLog, makeMember, makeSession, makeStation, makeVenue, MONDAY } from '../../../tests/support/builders/fixed';
import { makeEquipment } from '../../../tests/support/builders/index';
import { createDatabase, createRepositories, memoryStorage, type DeskDatabase, type Repositories } from '../../data/index';
import { checkInCard } from '../check-in/check-in-command';
import {
  acknowledgeVerdict,
  cancelDeskBooking,
  createBooking,
  moveDeskBooking,
  rebookFromException,
  type BookingDeskContext,
} from './booking-commands';
import { releaseDueNoShows } from './no-show-release';

const station = makeStation(); // 08:00-22:00, UTC+8
const court = makeVenue({ capacity: 2 });
const at = (hhmm: string) => cst(`${MONDAY} ${hhmm}`);
const slot = (hhmm: string) => ({ kind: 'venue' as const, venueId: court.id, startsAt: at(hhmm) });
let n = 0;

describe('desk booking commands', () => {
  let db: DeskDatabase;
  let repos: Repositories;
  const ctx = (hhmm = '08:30', over: Partial<BookingDeskContext> = {}): BookingDeskContext => ({ repos, station, deskId: 'desk-1', staffId: 'staff-1', now: Date.parse(at(hhmm)), ...over });
  const member = (i: number) => `m-${i}`;

  beforeEach(async () => {
    db = await createDatabase({ storage: memoryStorage(), name: `booking-commands-${Date.now()}-${n++}`, devChecks: true });
    repos = createRepositories(db);
    await repos.station.save(station);
    await db.venues.insert(court);
    await db.sessions.insert(makeSession({ id: 's-1', venueId: court.id, capacity: 1 }));
    await repos.members.bulkInsert([1, 2, 3, 4].map((i) => makeMember({ id: member(i), cardNo: `C000${i}` })));
  });
  afterEach(async () => db.remove());

  it('confirms while places are free, then waitlists in order, and refuses what the rules refuse', async () => {
    expect((await createBooking(ctx(), member(1), slot('10:00'))).booking?.status).toBe('confirmed');
    expect((await createBooking(ctx(), member(2), slot('10:00'))).booking?.status).toBe('confirmed');
    const third = await createBooking(ctx(), member(3), slot('10:00'));
    expect(third.decision).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await createBooking(ctx(), member(4), slot('10:00'), { waitlist: false })).toMatchObject({ booking: null, decision: { reason: 'SLOT_FULL' } });
    expect(await createBooking(ctx(), member(1), slot('10:00'))).toMatchObject({ booking: null, decision: { reason: 'ALREADY_BOOKED' } });
    expect(await createBooking(ctx(), member(4), slot('23:00'))).toMatchObject({ booking: null, decision: { reason: 'STATION_CLOSED' } });
    expect((await createBooking(ctx(), member(4), { kind: 'session', sessionId: 's-1' })).booking).toMatchObject({ slotKey: 'session:s-1', status: 'confirmed' });
    expect((await repos.bookings.forSlots([`venue:${court.id}:${at('10:00')}`])).length).toBe(3);
  });

  it('cancels and fills the place from the waitlist', async () => {
    const first = (await createBooking(ctx(), member(1), slot('10:00'))).booking!;
    await createBooking(ctx(), member(2), slot('10:00'));
    const waiting = (await createBooking(ctx(), member(3), slot('10:00'))).booking!;
    const written = await cancelDeskBooking(ctx('09:00'), first.id);
    expect(written.map((b) => [b.id, b.status, b.reason])).toEqual([
      [first.id, 'cancelled', 'CANCELLED_BY_STAFF'],
      [waiting.id, 'confirmed', 'PROMOTED_FROM_WAITLIST'],
    ]);
    expect(await cancelDeskBooking(ctx('09:00'), first.id)).toEqual([]);
  });

  it('moves a booking to a free slot and refuses a full one', async () => {
    const mine = (await createBooking(ctx(), member(1), slot('10:00'))).booking!;
    await createBooking(ctx(), member(2), slot('11:00'));
    await createBooking(ctx(), member(3), slot('11:00'));
    expect(await moveDeskBooking(ctx(), mine.id, slot('11:00'))).toMatchObject({ ok: false, reason: 'SLOT_FULL' });
    const moved = await moveDeskBooking(ctx(), mine.id, slot('12:00'));
    expect(moved.ok && moved.booking.startsAt).toBe(at('12:00'));
    expect((await repos.bookings.get(mine.id))?.status).toBe('cancelled');
  });

  it('releases a no-show after the check-in window, offline, and the place can be booked at once', async () => {
    const a = (await createBooking(ctx(), member(1), slot('10:00'))).booking!;
    const b = (await createBooking(ctx(), member(2), slot('10:00'))).booking!;
    expect(await createBooking(ctx('10:05'), member(3), slot('10:00'), { waitlist: false })).toMatchObject({ booking: null, decision: { reason: 'SLOT_FULL' } });
    // member 1 checks in; member 2 does not come
    const checkIn = await checkInCard({ repos, station, deskId: 'desk-1', staffId: 'staff-1', online: false, now: Date.parse(at('10:05')) }, 'C0001', 'manual');
    expect(checkIn.decision.booking?.id).toBe(a.id);
    expect(await repos.bookings.get(a.id)).toMatchObject({ status: 'attended', checkInId: checkIn.record!.id });
    expect(await releaseDueNoShows(repos, Date.parse(at('10:15')))).toEqual([]);
    const released = await releaseDueNoShows(repos, Date.parse(at('10:16')));
    expect(released.map((x) => [x.id, x.status, x.reason])).toEqual([[b.id, 'no-show', 'NO_SHOW_RELEASED']]);
    expect(await releaseDueNoShows(repos, Date.parse(at('10:17')))).toEqual([]);
    const late = await createBooking(ctx('10:17'), member(3), slot('10:00'), { waitlist: false });
    expect(late.booking).toMatchObject({ status: 'confirmed', requestedAt: at('10:17') });
    expect(await releaseDueNoShows(repos, Date.parse(at('10:30')))).toEqual([]);
  });

  it('releases a due no-show itself when booking before the timer did, and writes both', async () => {
    const gone = (await createBooking(ctx(), member(1), slot('10:00'))).booking!;
    await createBooking(ctx(), member(2), slot('10:00'));
    const late = await createBooking(ctx('10:20'), member(3), slot('10:00'), { waitlist: false });
    expect(late.booking).toMatchObject({ status: 'confirmed' });
    expect(await repos.bookings.get(gone.id)).toMatchObject({ status: 'no-show', reason: 'NO_SHOW_RELEASED' });
  });

  it('promotes the waitlist when it releases a no-show', async () => {
    await createBooking(ctx(), member(1), slot('10:00'));
    await createBooking(ctx(), member(2), slot('10:00'));
    const waiting = (await createBooking(ctx(), member(3), slot('10:00'))).booking!;
    const released = await releaseDueNoShows(repos, Date.parse(at('10:20')));
    expect(released.map((x) => x.status)).toEqual(['no-show', 'no-show', 'confirmed']);
    expect(await repos.bookings.get(waiting.id)).toMatchObject({ status: 'confirmed', reason: 'PROMOTED_FROM_WAITLIST' });
  });

  it('refuses a venue with an open high-severity fault and notes the warning for a lesser one', async () => {
    const equipment = makeEquipment({ id: 'eq-1', stationId: 'st-1', updatedAt: at('08:00'), name: '跑步机', venueId: court.id });
    await db.equipment.insert(equipment);
    const log = makeLog({ id: 'l-1', updatedAt: at('08:00'), equipmentId: 'eq-1', severity: 'low', at: at('08:00') });
    await db.equipmentLogs.insert(log);
    const flagged = await createBooking(ctx(), member(1), slot('10:00'), { faultNote: '已告知会员设备故障' });
    expect(flagged.booking).toMatchObject({ status: 'confirmed', reason: 'FLAGGED_FAULT', ack: { staffId: 'staff-1', note: '已告知会员设备故障' } });
    await db.equipmentLogs.insert({ ...log, id: 'l-2', severity: 'high', at: at('08:10') });
    expect(await createBooking(ctx(), member(2), slot('10:00'))).toMatchObject({ booking: null, decision: { reason: 'VENUE_OUT_OF_SERVICE' } });
  });

  it('acts on server verdicts from the exception queue', async () => {
    const bumped = (await createBooking(ctx(), member(1), slot('10:00'))).booking!;
    const refused = (await createBooking(ctx(), member(2), slot('10:00'))).booking!;
    await repos.bookings.saveMany([
      { ...bumped, status: 'waitlisted', reason: 'SLOT_FULL', decidedBy: 'server', serverRev: 7 },
      { ...refused, status: 'rejected', reason: 'BANNED', decidedBy: 'server', serverRev: 8 },
    ]);
    const queue = async () => exceptionsOf(await repos.bookings.startingBetween({ from: at('00:00'), to: at('23:59') }), 'desk-1').map((b) => b.id);
    expect(await queue()).toEqual([bumped.id, refused.id].sort());
    // offer the bumped member another slot: the waitlisted booking moves
    const moved = await rebookFromException(ctx(), bumped.id, slot('11:00'), '改约 11:00');
    expect(moved).toMatchObject({ ok: true, booking: { startsAt: at('11:00'), status: 'confirmed' } });
    // the rejected one is rebooked anew — still refused here, so staff acknowledge it
    expect(await acknowledgeVerdict(ctx(), refused.id, '已电话告知')).toMatchObject({ ack: { note: '已电话告知' }, status: 'rejected' });
    expect(await queue()).toEqual([]);
  });
});
