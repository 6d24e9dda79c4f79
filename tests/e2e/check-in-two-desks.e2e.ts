// Two desks at the demo station of the real server, scans typed as a keyboard-wedge scanner types
// them (physical keys, Enter or CR+LF, and bursts under an active Chinese IME). Both desks lose the
// network and check people in: the same member at both desks, different members at each, a card
// scanned twice inside the duplicate window, a denial. Back online, the server (read through the
// real sync protocol by a third, observer desk) holds every attempt exactly once, and both desks
// show the same today count and occupancy — the ones the shared rules give for the server's data.
//
// The member admitted at both desks while offline: neither desk could know of the other's scan,
// so both attempts are kept (one per desk, append-only log) and today's count counts both; the
// person is inside once (shared/domain/occupancy.ts counts people, not visits), and checking them
// out at one desk ends both visits.
import type { Page } from '@playwright/test';
import { occupancy } from '../../shared/domain/occupancy';
import { DAY_MS, HOUR_MS, isOpenAt, localDayEnd, localDayStart, MINUTE_MS, toMs } from '../../shared/domain/time';
import type { CheckInDoc, StationDoc } from '../../shared/schemas/index';
import { issueDemoCode } from './admin';
import { expect, test, type Desk } from './fixtures';
import { openObserverDesk } from './observer-desk';
import { imeBurst, typeBurst, useE2eScannerOptions } from './scanner-burst';
import { signIn } from './staff';
import { deskKey } from '../../src-renderer/features/check-in/desk-commands';

// Demo roster members no other E2E test uses (all active), and member 7 (suspended).
const SHARED = '310000000041';
const A_ONLY = ['310000000042', '310000000043'];
const B_ONLY = ['310000000044', '310000000045'];
const ONLINE = '310000000046';
const SUSPENDED = '310000000007';

const number = (page: Page, id: string) => page.getByTestId(id).locator('.ant-statistic-content-value');
const result = (page: Page) => page.getByTestId('check-in-result');

/**
 * The desks' clocks stay inside the day (06:00–22:00 station time): at night they are set back to
 * the last noon. The demo station is open around the clock, but at 05:35 a desk made three writes
 * of its own beside the test's (not yet pinned down; likely releasing no-shows of earlier
 * bookings), which the pending counts below do not expect.
 * The server does not judge check-in times.
 */
const DAYTIME = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '06:00', close: '22:00' }));
const deskClockShift = (station: StationDoc, now: number): number => {
  const day = { ...station, openingHours: DAYTIME };
  if (isOpenAt(day, now) && isOpenAt(day, now + 20 * MINUTE_MS)) return 0;
  let noon = localDayStart(station, now) + 12 * HOUR_MS;
  if (noon > now) noon -= DAY_MS;
  return noon - now;
};

const openAtCheckIn = async (desk: Desk, shift: number) => {
  if (shift !== 0) await desk.context.clock.setSystemTime(Date.now() + shift);
  await desk.page.goto(`${desk.url}/#enroll=${await issueDemoCode()}`);
  await expect(desk.page.getByTestId('network-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await useE2eScannerOptions(desk.page);
  await desk.page.goto(`${desk.url}/#/check-in`);
  await desk.page.reload();
  await signIn(desk.page);
  const deviceId = await desk.page.evaluate(() => (JSON.parse(localStorage.getItem('station-desk.device') ?? '{}') as { deviceId?: string }).deviceId);
  if (!deviceId) throw new Error('desk not enrolled');
  return deviceId;
};

const setOffline = async (desks: Desk[], offline: boolean) => {
  for (const desk of desks) await desk.context.setOffline(offline);
  for (const desk of desks) {
    await expect(desk.page.getByTestId('network-state')).toHaveAttribute('data-state', offline ? 'offline' : 'online', { timeout: 30_000 });
  }
};

const expectResult = async (page: Page, card: string, outcome: string, reason?: string) => {
  await expect(result(page)).toHaveAttribute('data-outcome', outcome);
  if (reason) await expect(result(page)).toHaveAttribute('data-reason', reason);
  await expect(result(page)).toContainText(card);
  await expect(page.getByTestId('badge-input')).toHaveValue('');
};

const badgesOf = (docs: CheckInDoc[], deskId: string) =>
  docs
    .filter((d) => d.deskId === deskId)
    .map((d) => d.badge)
    .sort();

test('two desks offline: every attempt reaches the server once, and both desks agree', async ({ desk, openDesk }) => {
  test.setTimeout(240_000);
  const observer = await openObserverDesk();
  const station = (await observer.pull('stations')).documents.find((s) => s.id === 'DEMO-SH-JA-001');
  if (!station) throw new Error('demo station not on the server');
  const shift = deskClockShift(station, Date.now());
  const deskNow = () => Date.now() + shift;

  const a = desk;
  const b = await openDesk();
  const deskA = await openAtCheckIn(a, shift);
  const deskB = await openAtCheckIn(b, shift);

  /** Both desks show what the shared rules give for the server's check-ins. */
  const expectDesksMatch = async (docs: CheckInDoc[]) => {
    const now = deskNow();
    const from = localDayStart(station, now);
    const to = localDayEnd(station, now);
    // today's count is admissions; denials are shown beside it
    const today = docs.filter((d) => toMs(d.at) >= from && toMs(d.at) < to && d.outcome !== 'deny').length;
    const inside = occupancy(docs, station, now);
    for (const page of [a.page, b.page]) {
      await expect(number(page, 'today-count')).toHaveText(String(today), { timeout: 30_000 });
      await expect(number(page, 'occupancy')).toHaveText(String(inside), { timeout: 30_000 });
    }
    return { today, inside };
  };

  const before = await observer.pull('checkins');
  const start = await expectDesksMatch(before.documents);

  // online: a burst with a CR+LF suffix is one scan, and it crosses to the other desk
  await typeBurst(a.page, ONLINE, 'crlf');
  await expectResult(a.page, ONLINE, 'admit', 'OK');
  await expect(number(b.page, 'today-count')).toHaveText(String(start.today + 1), { timeout: 30_000 });

  await setOffline([a, b], true);

  // desk A: the shared member, two of its own (one scanned twice: recorded once), one under an IME
  await typeBurst(a.page, SHARED);
  await expectResult(a.page, SHARED, 'admit', 'OK');
  await typeBurst(a.page, A_ONLY[0]!);
  await expectResult(a.page, A_ONLY[0]!, 'admit', 'OK');
  await typeBurst(a.page, A_ONLY[0]!);
  await expectResult(a.page, A_ONLY[0]!, 'admit-with-warning', 'ALREADY_CHECKED_IN');
  await imeBurst(a.page, A_ONLY[1]!);
  await expectResult(a.page, A_ONLY[1]!, 'admit', 'OK');

  // desk B: the same shared member (under an IME), two of its own (one with CR+LF), a suspended member
  await imeBurst(b.page, SHARED);
  await expectResult(b.page, SHARED, 'admit', 'OK');
  await typeBurst(b.page, B_ONLY[0]!, 'crlf');
  await expectResult(b.page, B_ONLY[0]!, 'admit', 'OK');
  await imeBurst(b.page, B_ONLY[1]!);
  await expectResult(b.page, B_ONLY[1]!, 'admit', 'OK');
  await typeBurst(b.page, SUSPENDED);
  await expectResult(b.page, SUSPENDED, 'deny', 'MEMBER_SUSPENDED');

  await expect(a.page.getByTestId('pending-count')).toHaveText('3 条待上传');
  await expect(b.page.getByTestId('pending-count')).toHaveText('4 条待上传');
  await expect(number(a.page, 'today-count')).toHaveText(String(start.today + 4));
  await expect(number(b.page, 'today-count')).toHaveText(String(start.today + 4)); // the suspended member's denial is not counted

  await setOffline([a, b], false);
  for (const page of [a.page, b.page]) await expect(page.getByTestId('pending-count')).toHaveCount(0, { timeout: 30_000 });

  // (a) the server holds every attempt exactly once: 4 from A (the duplicate recorded nothing), 4 from B
  const ours = async () => (await observer.pull('checkins', before.seq)).documents.filter((d) => d.deskId === deskA || d.deskId === deskB);
  await expect.poll(async () => (await ours()).length, { timeout: 30_000 }).toBe(8);
  const arrived = await ours();
  expect(badgesOf(arrived, deskA)).toEqual([SHARED, ...A_ONLY, ONLINE].sort());
  expect(badgesOf(arrived, deskB)).toEqual([SHARED, ...B_ONLY, SUSPENDED].sort());
  expect(arrived.filter((d) => d.outcome === 'deny').map((d) => [d.badge, d.reason])).toEqual([[SUSPENDED, 'MEMBER_SUSPENDED']]);
  expect(arrived.every((d) => d.method === 'scanner')).toBe(true);
  // (c) the shared member: two admitted attempts, one per desk
  expect(arrived.filter((d) => d.badge === SHARED).map((d) => [d.deskId, d.outcome]).sort()).toEqual([[deskA, 'admit'], [deskB, 'admit']].sort());

  // (b) both desks show the same today count (admissions) and occupancy, those of the server's
  // data; the shared member is inside once: 6 people more than before, from 7 admissions
  const all = new Map([...before.documents, ...arrived].map((d) => [d.id, d]));
  const after = await expectDesksMatch([...all.values()]);
  expect(after.today).toBe(start.today + 7);
  expect(after.inside).toBe(start.inside + 6);

  // checking the shared member out at desk A ends both visits; desk B follows
  await a.page.keyboard.press(deskKey('check-out-mode'));
  await expect(a.page.getByTestId('check-out-mode')).toBeVisible();
  await typeBurst(a.page, SHARED);
  await expect(result(a.page)).toHaveAttribute('data-outcome', 'checked-out');
  await expect(result(a.page).locator('.ant-typography').filter({ hasText: '→' })).toHaveCount(2);
  await a.page.keyboard.press(deskKey('check-out-mode'));
  for (const page of [a.page, b.page]) await expect(number(page, 'occupancy')).toHaveText(String(after.inside - 1), { timeout: 30_000 });
  await expect
    .poll(async () => (await ours()).filter((d) => d.badge === SHARED && d.checkedOutAt !== null).length, { timeout: 30_000 })
    .toBe(2);
});
