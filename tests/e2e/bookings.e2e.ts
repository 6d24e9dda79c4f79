// Bookings in real Chromium against the real server (demo station):
// 1. a desk books the last places of a court; check-ins mark bookings attended; offline, after
//    the check-in window, the desk releases the no-show itself and another member books the freed
//    place at once, shown as pending (待确认) until the server's verdict; back online the server
//    accepts it (asked through the members' API) and the desk shows it confirmed.
// 2. a phone takes the last place while the desk, offline, gives it away too: after sync the
//    desk's exception queue shows the server's verdict (SLOT_FULL) until staff acknowledge it.
// The desk's clock is Playwright's fake clock (page.clock): the desk reads time only through
// `services.now` / Date, so the test can move it; it is kept behind the real time, so the
// server's short-lived access tokens stay valid.
import type { Page } from '@playwright/test';
import { demoCardNo, demoMember } from '../../shared/demo/members';
import { issueDemoCode } from './admin';
import { expect, SYNCING_TEST_TIMEOUT_MS, test, type Desk } from './fixtures';
import { signIn } from './staff';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const OFFSET = 8 * HOUR; // the demo station keeps China time
const COURT = 'DEMO-V-BADMINTON';
const hhmm = (t: number) => new Date(t + OFFSET).toISOString().slice(11, 16);

const enroll = async (desk: Desk) => {
  await desk.page.goto(`${desk.url}/#enroll=${await issueDemoCode()}`);
  await expect(desk.page.getByTestId('network-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(desk.page.getByTestId('last-sync')).toContainText('上次同步', { timeout: 30_000 });
  await desk.page.goto(`${desk.url}/#/check-in`);
  await signIn(desk.page);
};

const slotCell = (page: Page, startsAt: number) => page.getByTestId(`slot-${COURT}-${hhmm(startsAt).replace(':', '')}`);

/** Books member n into the court slot at `startsAt` from the timeline (the slot's day is shown). */
const book = async (page: Page, startsAt: number, n: number, expected: 'confirmed' | 'waitlisted' = 'confirmed') => {
  await slotCell(page, startsAt).click();
  await page.getByTestId('slot-book').click();
  const dialog = page.getByTestId('booking-dialog');
  await dialog.getByTestId('booking-member').click();
  await page.keyboard.type(demoCardNo(n));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: demoCardNo(n) }).click();
  // the member is chosen before the verdict is looked for: a missed click fails here, by name
  await expect(dialog.getByTestId('booking-member')).toContainText(demoCardNo(n));
  await expect(dialog.getByTestId('booking-verdict')).toHaveAttribute('data-status', expected);
  await page.locator('#booking-submit').click();
  await expect(dialog).toHaveCount(0);
  await page.getByTestId('slot-drawer').locator('.ant-drawer-close').click();
};

const phone = async (baseUrl: string, n: number) => {
  const res = await fetch(`${baseUrl}/api/members/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ stationId: 'DEMO-SH-JA-001', cardNo: demoCardNo(n), phoneTail: demoMember(n, '').phoneTail }),
  });
  expect(res.status).toBe(201);
  const { accessToken } = (await res.json()) as { accessToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}/api/members/me${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return (await r.json()) as Record<string, unknown>;
  };
  return {
    book: async (startsAt: number) => ((await call('POST', '/bookings', { slot: { kind: 'venue', venueId: COURT, startsAt: new Date(startsAt).toISOString() } })).booking as { status: string }),
    bookings: async () => ((await call('GET', '/bookings')).bookings as { startsAt: string; status: string }[]),
  };
};

/**
 * The slot for the no-show test: the latest whole hour between 07:00 and 17:00 at the station that
 * started at least 20 minutes ago in real time (the fake desk clock then never runs ahead of it),
 * and is free of demo bookings (those keep the court to 18:00 and later).
 */
const pastCourtSlot = (now: number): number => {
  let t = Math.floor((now - 20 * MINUTE) / HOUR) * HOUR;
  for (;;) {
    const hour = new Date(t + OFFSET).getUTCHours();
    if (hour >= 7 && hour <= 17) return t;
    t -= HOUR;
  }
};

// several bookings, check-ins and two syncs each: more than the default minute on a loaded machine
test.setTimeout(SYNCING_TEST_TIMEOUT_MS);

test('a check-in marks the booking attended; offline, the desk releases a no-show and the place is booked again', async ({ desk }) => {
  const page = desk.page;
  const startsAt = pastCourtSlot(Date.now());
  await page.clock.install({ time: startsAt - 20 * MINUTE });
  await enroll(desk);

  await page.getByTestId('nav-bookings').click();
  await expect(slotCell(page, startsAt)).toHaveAttribute('data-free', '4', { timeout: 30_000 });
  for (const n of [21, 22, 23, 24]) await book(page, startsAt, n);
  await expect(slotCell(page, startsAt)).toHaveAttribute('data-free', '0');
  await expect(page.getByTestId('pending-count')).toHaveCount(0, { timeout: 30_000 });

  // three of them come: the check-in marks each booking attended
  await page.getByTestId('nav-check-in').click();
  for (const n of [21, 22, 23]) {
    const input = page.getByTestId('badge-input');
    await input.fill(demoCardNo(n));
    await input.press('Enter');
    await expect(page.getByTestId('check-in-result')).toHaveAttribute('data-outcome', 'admit');
  }
  await page.getByTestId('nav-bookings').click();
  await slotCell(page, startsAt).click();
  const drawer = page.getByTestId('slot-drawer');
  await expect(drawer.getByTestId('slot-booking').and(page.locator('[data-status="attended"]'))).toHaveCount(3);
  await drawer.locator('.ant-drawer-close').click();

  // offline, past the check-in window: the desk releases member 24's booking by itself
  await desk.context.setOffline(true);
  await expect(page.getByTestId('network-state')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  const deskNow = await page.evaluate(() => Date.now());
  await page.clock.fastForward(startsAt + 17 * MINUTE - deskNow);
  await expect(slotCell(page, startsAt)).toHaveAttribute('data-free', '1', { timeout: 15_000 });
  await slotCell(page, startsAt).click();
  await expect(drawer.locator(`[data-member="${demoCardNo(24)}"]`)).toHaveAttribute('data-status', 'no-show', { timeout: 15_000 });
  await expect(drawer).toContainText('超时未签到，已释放');
  await drawer.locator('.ant-drawer-close').click();

  // the desk sat 36 minutes without input, so the idle sign-out (10 min) signed staff out
  await expect(page.getByTestId('staff-on-duty')).toHaveCount(0);
  await page.getByTestId('nav-check-in').click();
  await signIn(page);
  await page.getByTestId('nav-bookings').click();

  // and another member takes the place at once, still offline: pending (待确认), not final
  await book(page, startsAt, 25);
  await expect(slotCell(page, startsAt)).toHaveAttribute('data-free', '0');
  await expect(slotCell(page, startsAt)).toHaveAttribute('data-provisional', '1');
  await expect(page.getByTestId('pending-count')).toBeVisible();
  await slotCell(page, startsAt).click();
  const offlineBooking = drawer.locator(`[data-member="${demoCardNo(25)}"]`);
  await expect(offlineBooking).toHaveAttribute('data-provisional', 'true');
  await expect(offlineBooking.getByTestId('booking-provisional')).toHaveText('待确认');
  await drawer.locator('.ant-drawer-close').click();

  // back online: the server confirms member 25's booking, and the desk stops calling it pending
  await desk.context.setOffline(false);
  await expect(page.getByTestId('pending-count')).toHaveCount(0, { timeout: 30_000 });
  await expect(slotCell(page, startsAt)).toHaveAttribute('data-provisional', '0', { timeout: 30_000 });
  await slotCell(page, startsAt).click();
  await expect(offlineBooking).toHaveAttribute('data-provisional', 'false');
  await expect(offlineBooking).toHaveAttribute('data-status', 'confirmed');
  await expect(offlineBooking.getByTestId('booking-provisional')).toHaveCount(0);
  await drawer.locator('.ant-drawer-close').click();
  const mine = await (await phone(desk.url, 25)).bookings();
  expect(mine.find((b) => b.startsAt === new Date(startsAt).toISOString())?.status).toBe('confirmed');
  await expect(page.getByTestId('booking-exceptions-badge')).toHaveCount(0);
});

test('a phone takes the last place first: the desk’s offline booking comes back SLOT_FULL in its exception queue', async ({ desk }) => {
  const page = desk.page;
  await enroll(desk);
  // tomorrow 10:00 at the station: always ahead, inside opening hours, free of demo bookings
  const startsAt = Math.floor((Date.now() + OFFSET) / (24 * HOUR)) * 24 * HOUR - OFFSET + 24 * HOUR + 10 * HOUR;
  for (const n of [31, 32, 33]) expect((await (await phone(desk.url, n)).book(startsAt)).status).toBe('confirmed');

  await page.getByTestId('nav-bookings').click();
  await page.getByTestId('booking-next-day').click();
  await expect(slotCell(page, startsAt)).toHaveAttribute('data-free', '1', { timeout: 30_000 });

  await desk.context.setOffline(true);
  await expect(page.getByTestId('network-state')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await book(page, startsAt, 34);
  expect((await (await phone(desk.url, 35)).book(startsAt)).status).toBe('confirmed');

  await desk.context.setOffline(false);
  const queue = page.getByTestId('exception-queue');
  await expect(queue).toBeVisible({ timeout: 30_000 });
  const row = queue.getByTestId('exception-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-reason', 'SLOT_FULL');
  await expect(row).toContainText('该时段已约满');
  await expect(row).toContainText(demoCardNo(34));
  await expect(page.getByTestId('booking-exceptions-badge')).toHaveText('预约异常 1');

  await row.getByTestId('exception-acknowledge').click();
  await page.getByTestId('exception-note').fill('已电话告知会员，保留候补');
  await page.locator('#exception-ack-submit').click();
  await expect(queue).toHaveCount(0);
  await expect(page.getByTestId('booking-exceptions-badge')).toHaveCount(0);
  await expect(page.getByTestId('pending-count')).toHaveCount(0, { timeout: 30_000 });
});
