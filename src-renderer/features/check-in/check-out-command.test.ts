// Check-out by scan, by member, by the button on a visit; and at closing time, also for visits
// left open since yesterday.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cst, makeCheckIn, makeMember, makeStation, MONDAY } from '../../../tests/support/builders/fixed';
import { occupancy } from '../../../shared/domain/occupancy';
import { SYSTEM_STAFF_ID } from '../../../shared/schemas/index';
import { checkInCard } from './check-in-command';
import { checkOutMember, checkOutRecord, checkOutScan } from './check-out-command';
import { runClosingCheckOut, startClosingCheckOut } from './closing-check-out';
import { openTestDesk, type TestDesk } from './desk-fixture.test-util';
import { WAIT_INTERVAL_MS, WAIT_LIMIT_MS } from '../../../tests/support/wait';

const NOW = cst(`${MONDAY} 10:00`);
const LATER = cst(`${MONDAY} 11:30`);
const WANG = makeMember({ id: 'm-wang', name: '王建国', cardNo: 'C0001' });
let desk: TestDesk;

beforeEach(async () => {
  desk = await openTestDesk(makeStation({ capacity: 10 }));
  await desk.repos.members.upsert(WANG);
});
afterEach(async () => desk.close());

const openNow = async (at: string) => occupancy(await desk.repos.checkins.openSince(cst('2026-01-01 00:00')), desk.station, at);

describe('check-out', () => {
  it('by scan in check-out mode ends the visit; a second scan finds no one inside', async () => {
    const visit = (await checkInCard(desk.at(NOW), 'C0001', 'scanner')).record!;
    expect(await openNow(LATER)).toBe(1);
    const out = await checkOutScan(desk.at(LATER), 'C0001');
    expect(out).toMatchObject({ kind: 'checked-out', member: { name: '王建国' }, visits: [{ id: visit.id, checkedOutAt: LATER, checkOutMethod: 'scan' }] });
    // the check-out names the staff member on duty, as stored
    expect(await desk.repos.checkins.get(visit.id)).toMatchObject({ checkedOutBy: 'staff-desk' });
    expect(await openNow(LATER)).toBe(0);
    expect(await checkOutScan(desk.at(LATER), 'C0001')).toMatchObject({ kind: 'not-inside', member: { id: 'm-wang' } });
    expect(await checkOutScan(desk.at(LATER), 'C9999')).toMatchObject({ kind: 'not-inside', member: null, badge: 'C9999' });
    expect(await checkOutScan(desk.at(LATER), '!!')).toEqual({ kind: 'input-error', error: 'chars' });
  });

  it('by member (search) and by the visit’s button: method manual', async () => {
    await checkInCard(desk.at(NOW), 'C0001', 'scanner');
    expect(await checkOutMember(desk.at(LATER, { staffId: 'staff-2' }), WANG)).toMatchObject({ kind: 'checked-out', visits: [{ checkOutMethod: 'manual', checkedOutBy: 'staff-2' }] });
    const again = (await checkInCard(desk.at(cst(`${MONDAY} 12:00`)), 'C0001', 'scanner')).record!;
    expect(await checkOutRecord(desk.at(cst(`${MONDAY} 12:30`)), again)).toMatchObject({ ok: true, doc: { checkOutMethod: 'manual' } });
    const stale = { ...again, checkedOutAt: null };
    expect((await desk.repos.checkins.get(again.id))?.checkedOutAt).toBe(cst(`${MONDAY} 12:30`));
    // the stored check-out stays the first one
    await checkOutRecord(desk.at(cst(`${MONDAY} 13:00`)), stale);
    expect((await desk.repos.checkins.get(again.id))?.checkedOutAt).toBe(cst(`${MONDAY} 12:30`));
  });

  it('the visit’s button ends the person’s visit from another desk too (both desks admitted them offline)', async () => {
    const mine = (await checkInCard(desk.at(NOW), 'C0001', 'scanner')).record!;
    const theirs = await desk.repos.checkins.record(makeCheckIn({ id: 'other-desk', memberId: 'm-wang', badge: 'C0001', deskId: 'desk-2', at: cst(`${MONDAY} 10:01`) }));
    await desk.repos.checkins.record(makeCheckIn({ id: 'someone-else', memberId: 'm-li', badge: 'C0002', deskId: 'desk-2', at: NOW }));
    expect(await openNow(LATER)).toBe(2);
    const result = await checkOutRecord(desk.at(LATER), mine);
    expect(result).toMatchObject({
      ok: true,
      doc: { id: mine.id, checkedOutAt: LATER, checkedOutBy: 'staff-desk' },
      others: [{ id: theirs.id, checkedOutAt: LATER, checkOutMethod: 'manual', checkedOutBy: 'staff-desk' }],
    });
    expect(await openNow(LATER)).toBe(1);
  });

  it('refuses the button on a denial', async () => {
    const denied = (await checkInCard(desk.at(cst(`${MONDAY} 23:00`)), 'C0001', 'scanner')).record!;
    expect(await checkOutRecord(desk.at(cst(`${MONDAY} 23:30`)), denied)).toEqual({ ok: false, error: 'NOT_ADMITTED' });
  });
});

describe('closing time', () => {
  const record = (over: Parameters<typeof makeCheckIn>[0]) => desk.repos.checkins.record(makeCheckIn(over));

  it('closes this desk’s visits at the closing time itself, even when run the next morning', async () => {
    await record({ id: 'mine', deskId: 'desk-1', at: cst(`${MONDAY} 20:00`) });
    await record({ id: 'theirs-recent', deskId: 'desk-2', at: cst(`${MONDAY} 21:00`) });
    await record({ id: 'denied', deskId: 'desk-1', at: cst(`${MONDAY} 20:30`), outcome: 'deny', reason: 'AT_CAPACITY' });
    await record({ id: 'out', deskId: 'desk-1', at: cst(`${MONDAY} 19:00`), checkedOutAt: cst(`${MONDAY} 19:30`), checkOutMethod: 'scan' });

    expect(await runClosingCheckOut(desk.repos, 'desk-1', Date.parse(cst(`${MONDAY} 21:59`)))).toBe(0);
    // 22:10: mine is due; the other desk's is left to that desk for an hour
    expect(await runClosingCheckOut(desk.repos, 'desk-1', Date.parse(cst(`${MONDAY} 22:10`)))).toBe(1);
    expect(await desk.repos.checkins.get('mine')).toMatchObject({ checkedOutAt: cst(`${MONDAY} 22:00`), checkOutMethod: 'closing', checkedOutBy: SYSTEM_STAFF_ID });
    expect((await desk.repos.checkins.get('theirs-recent'))?.checkedOutAt).toBeNull();
    // next morning (the desk was off): the other desk's visit too, still at 22:00
    expect(await runClosingCheckOut(desk.repos, 'desk-1', Date.parse(cst('2026-03-03 08:00')))).toBe(1);
    expect(await desk.repos.checkins.get('theirs-recent')).toMatchObject({ checkedOutAt: cst(`${MONDAY} 22:00`), checkOutMethod: 'closing' });
    expect((await desk.repos.checkins.get('denied'))?.checkedOutAt).toBeNull();
    expect((await desk.repos.checkins.get('out'))?.checkOutMethod).toBe('scan');
  });

  it('looks 30 days back at start and two days back on the minute in between', async () => {
    await record({ id: 'last-week', deskId: 'desk-1', at: cst('2026-02-23 20:00') });
    await record({ id: 'yesterday', deskId: 'desk-1', at: cst('2026-03-01 20:00') });
    expect(await runClosingCheckOut(desk.repos, 'desk-1', Date.parse(NOW), false)).toBe(1);
    expect((await desk.repos.checkins.get('last-week'))?.checkedOutAt).toBeNull();
    expect(await runClosingCheckOut(desk.repos, 'desk-1', Date.parse(NOW))).toBe(1);
    expect(await desk.repos.checkins.get('last-week')).toMatchObject({ checkedOutAt: cst('2026-02-23 22:00'), checkOutMethod: 'closing' });
  });

  it('runs at start and on a timer until stopped', async () => {
    await record({ id: 'yesterday', deskId: 'desk-1', at: cst(`${MONDAY} 20:00`) });
    let now = Date.parse(cst(`${MONDAY} 21:00`));
    const stop = startClosingCheckOut({ repos: desk.repos, deskId: 'desk-1', now: () => now, intervalMs: 20 });
    now = Date.parse(cst('2026-03-03 09:00'));
    // The run at start (21:00, before closing: closes nothing) is the 30-day look, 720 hourly
    // slices each after a timer turn: seconds on a loaded machine. Only a later run on the timer
    // (09:00 next day) can close the visit, so this proves the timer; it needs a generous limit.
    // Real timers: the slices wait on setTimeout and RxDB uses timers too, so fake ones would stall it.
    try {
      await expect
        .poll(async () => (await desk.repos.checkins.get('yesterday'))?.checkOutMethod, { timeout: WAIT_LIMIT_MS, interval: WAIT_INTERVAL_MS })
        .toBe('closing');
    } finally {
      stop();
    }
  });
});
