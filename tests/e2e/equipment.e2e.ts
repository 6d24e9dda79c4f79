// Equipment across two desks of the demo station on the real server: desk A reports an
// out-of-service fault with a photo while offline; once A is back online, desk B sees the item
// out of service with the photo (shrunk to a JPEG on A) and the venue closed; a repair recorded
// at B lifts the block at A. An out-of-service fault also flags the venue's existing bookings
// (server) and refuses new ones (desk rule) until the repair. Labels print from a script-less
// sandboxed frame.
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { qrMatrix } from '../../src-renderer/features/equipment/labels/qr-svg';
import { issueDemoCode } from './admin';
import { expect, followSimulatedClock, SYNCING_TEST_TIMEOUT_MS, test, type Desk } from './fixtures';
import { stripedPng } from './png';
import { signIn } from './staff';

/** Enrolled at the demo station, staff signed in, on the equipment screen with the inventory synced. */
const enrollPage = async (page: Page, url: string) => {
  await page.goto(`${url}/#enroll=${await issueDemoCode()}`);
  await expect(page.getByTestId('network-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await page.goto(`${url}/#/check-in`);
  await signIn(page);
  await page.goto(`${url}/#/equipment`);
  await expect(page.getByTestId('equipment-table').getByRole('row', { name: /JA-TM-01/ })).toBeVisible({ timeout: 30_000 });
};
const enroll = (desk: Desk) => enrollPage(desk.page, desk.url);

/**
 * Tomorrow's 10:00 gym slot on the bookings screen (today's 10:00 may be over), its drawer open.
 * `day` (the bookings screen's day label) pins the day a test started with: a run that crosses
 * midnight keeps looking at the same slot.
 */
const openGymSlotTomorrow = async (desk: Desk, day?: string) => {
  await desk.page.goto(`${desk.url}/#/equipment`); // leaving the screen resets it to today
  await desk.page.goto(`${desk.url}/#/bookings`);
  const label = desk.page.getByTestId('booking-day-label');
  const today = (await label.textContent()) ?? '';
  await desk.page.getByTestId('booking-next-day').click();
  await expect(label).not.toHaveText(today);
  if (day !== undefined && (await label.textContent()) !== day) await desk.page.getByRole('button', { name: '前一天' }).click();
  if (day !== undefined) await expect(label).toHaveText(day);
  await desk.page.getByTestId('slot-DEMO-V-GYM-1000').click();
  return desk.page.getByTestId('slot-drawer');
};
const gymDayLabel = async (desk: Desk) => {
  await openGymSlotTomorrow(desk);
  return (await desk.page.getByTestId('booking-day-label').textContent()) ?? '';
};

/**
 * Desk staff book that slot for a member (the booking dialog opened from the slot: venue and
 * time are filled in); returns the verdict the dialog shows before anything is written.
 */
const tryBookGym = async (desk: Desk, card: string, day?: string) => {
  const drawer = await openGymSlotTomorrow(desk, day);
  await drawer.getByTestId('slot-book').click();
  const member = desk.page.getByTestId('booking-dialog').getByTestId('booking-member');
  await member.click();
  await member.getByRole('combobox').fill(card);
  // search results re-render while they load: wait until the member is the active option, pick with Enter
  const option = desk.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: card });
  await expect(option).toHaveClass(/ant-select-item-option-active/);
  await desk.page.keyboard.press('Enter');
  await expect(member).toContainText(card);
  return desk.page.getByTestId('booking-verdict');
};
const closeDialog = async (desk: Desk, button: RegExp) => {
  await desk.page.getByTestId('booking-dialog').getByRole('button', { name: button }).click();
  await expect(desk.page.getByTestId('booking-dialog')).toHaveCount(0);
};
/** The member's booking in tomorrow's 10:00 gym slot carries the fault flag. */
const expectFaultFlag = async (desk: Desk, card: string, day: string, timeout?: number) => {
  const drawer = await openGymSlotTomorrow(desk, day);
  await expect(drawer.locator(`[data-testid="slot-booking"][data-member="${card}"]`)).toContainText('场地设备故障，需处理', { timeout });
};

const row = (desk: Desk, tag: string) => desk.page.getByTestId('equipment-table').getByRole('row', { name: new RegExp(tag) });
const statusOf = (desk: Desk, tag: string) => row(desk, tag).getByTestId('equipment-status');
// antd spaces out a two-character Chinese button label ("确 认")
const confirm = (desk: Desk) => desk.page.getByRole('dialog').getByRole('button', { name: /^确\s*认$/ }).click();
const gymAlert = (desk: Desk) => desk.page.locator('[data-testid="venue-fault"][data-venue="DEMO-V-GYM"]');

test('a fault reported offline reaches the other desk with its photo and closes the venue until repaired', async ({ desk, openDesk }) => {
  test.setTimeout(SYNCING_TEST_TIMEOUT_MS); // two desks enroll and sync the demo station first
  const other = await openDesk();
  await enroll(desk);
  await enroll(other);
  // the demo's repair history gives the station an MTTR
  await expect(other.page.getByTestId('stat-mttr')).toContainText(/小时|分钟/);
  await expect(statusOf(other, 'JA-TM-01')).toHaveAttribute('data-status', 'ok');

  // desk A loses its network and reports the fault by scanning the treadmill's label
  await desk.context.setOffline(true);
  await expect(desk.page.getByTestId('network-state')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  const scan = desk.page.getByTestId('equipment-scan');
  await scan.fill('ja-tm-01');
  await scan.press('Enter');
  const form = desk.page.getByTestId('fault-form');
  await expect(form.getByTestId('fault-equipment')).toContainText('JA-TM-01 跑步机 1号');
  await form.getByRole('radio', { name: /严重（停用）/ }).check();
  await form.getByTestId('fault-description').fill('跑步带断裂，急停后无法启动');
  await form.getByTestId('photo-file-input').setInputFiles({ name: 'belt.png', mimeType: 'image/png', buffer: stripedPng(2400, 1800) });
  await expect(form.getByTestId('photo-preview')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  await desk.page.getByRole('button', { name: '提交故障报告' }).click();
  await expect(form).toHaveCount(0);

  await expect(statusOf(desk, 'JA-TM-01')).toHaveAttribute('data-status', 'out-of-service');
  await expect(gymAlert(desk)).toHaveAttribute('data-state', 'blocked');
  await expect(desk.page.getByTestId('pending-count')).toHaveText('1 条待上传');
  await expect(statusOf(other, 'JA-TM-01')).toHaveAttribute('data-status', 'ok');
  await expect(gymAlert(other)).toHaveCount(0);

  // back online: desk B sees the item out of service, the venue closed, and the photo
  await desk.context.setOffline(false);
  await expect(statusOf(other, 'JA-TM-01')).toHaveAttribute('data-status', 'out-of-service', { timeout: 30_000 });
  await expect(gymAlert(other)).toHaveAttribute('data-state', 'blocked');
  await expect(gymAlert(other)).toContainText('健身区：设备停用，暂停预约');
  await expect(desk.page.getByTestId('pending-count')).toHaveCount(0, { timeout: 30_000 });
  await row(other, 'JA-TM-01').click();
  const drawer = other.page.getByTestId('equipment-drawer');
  await expect(drawer.getByTestId('drawer-status').getByTestId('equipment-status')).toHaveAttribute('data-status', 'out-of-service');
  const fault = drawer.locator('[data-testid="log-event"][data-event="fault-reported"]').first();
  await expect(fault).toContainText('跑步带断裂，急停后无法启动');
  const photo = fault.locator('img');
  await expect(photo).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  const size = await photo.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight, length: img.src.length };
  });
  expect(size).toEqual({ width: 1280, height: 960, length: expect.any(Number) });
  expect(size.length).toBeLessThanOrEqual(300_000);

  // desk B follows the repair through; the block lifts at desk A
  await drawer.getByTestId('action-repair-started').click();
  await other.page.getByTestId('lifecycle-note').fill('厂家已上门');
  await confirm(other);
  await expect(drawer.getByTestId('drawer-status').getByTestId('equipment-status')).toHaveAttribute('data-status', 'under-repair');
  await drawer.getByTestId('action-repaired').click();
  await confirm(other);
  await expect(drawer.getByTestId('drawer-status').getByTestId('equipment-status')).toHaveAttribute('data-status', 'ok');
  await expect(statusOf(desk, 'JA-TM-01')).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
  await expect(gymAlert(desk)).toHaveCount(0);
  const newest = drawer.getByTestId('log-event');
  for (const [i, event] of ['repaired', 'repair-started', 'fault-reported'].entries()) await expect(newest.nth(i)).toHaveAttribute('data-event', event);
});

test('an out-of-service fault flags the venue’s bookings on every desk and refuses new ones until repaired', async ({ desk, openDesk }, testInfo) => {
  test.setTimeout(SYNCING_TEST_TIMEOUT_MS);
  // members of the demo grid nobody else books (another pair on a repeated run against the same server)
  const [first, second] = [21, 22].map((n) => `3100000000${n + 2 * testInfo.repeatEachIndex}`) as [string, string];
  const other = await openDesk();
  await enroll(desk);
  await enroll(other);
  // desk B books the gym floor for tomorrow before anything breaks
  const day = await gymDayLabel(other);
  const before = await tryBookGym(other, first, day);
  await expect(before).toHaveAttribute('data-status', 'confirmed');
  await closeDialog(other, /确认预约/);

  // desk A reports a spin bike in the gym out of service
  const scan = desk.page.getByTestId('equipment-scan');
  await scan.fill('JA-BK-03');
  await scan.press('Enter');
  const form = desk.page.getByTestId('fault-form');
  await form.getByRole('radio', { name: /严重（停用）/ }).check();
  await form.getByTestId('fault-description').fill('飞轮卡死');
  await desk.page.getByRole('button', { name: '提交故障报告' }).click();

  // desk B: the server flagged B's booking (exception queue), and a new booking is refused
  await expect(gymAlert(desk)).toHaveAttribute('data-state', 'blocked');
  await expectFaultFlag(other, first, day, 30_000);
  const refused = await tryBookGym(other, second, day);
  await expect(refused).toHaveAttribute('data-status', 'rejected');
  await expect(refused).toHaveAttribute('data-reason', 'VENUE_OUT_OF_SERVICE');
  await expect(refused).toContainText('场地或设备故障停用中');
  await closeDialog(other, /取\s*消/);

  // desk A records the repair: desk B may book again; the flag stays until staff acknowledge it
  await row(desk, 'JA-BK-03').click();
  await desk.page.getByTestId('equipment-drawer').getByTestId('action-repaired').click();
  await confirm(desk);
  await other.page.goto(`${other.url}/#/equipment`);
  await expect(statusOf(other, 'JA-BK-03')).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
  await expect(gymAlert(other)).toHaveCount(0);
  const allowed = await tryBookGym(other, second, day);
  await expect(allowed).toHaveAttribute('data-status', 'confirmed');
  await closeDialog(other, /取\s*消/);
  await expectFaultFlag(other, first, day);
});

test('prints QR labels from a sandboxed frame where no script runs', async ({ desk }) => {
  await enroll(desk);
  await row(desk, 'JA-AED-01').getByRole('checkbox').check();
  await row(desk, 'JA-VR-01').getByRole('checkbox').check();
  await desk.page.getByTestId('print-labels').click();
  const frame = desk.page.getByTestId('label-print-frame');
  await expect(frame).toHaveAttribute('sandbox', 'allow-same-origin allow-modals');
  const sheet = desk.page.frameLocator('[data-testid="label-print-frame"]');
  await expect(sheet.locator('.label')).toHaveCount(2);
  await expect(sheet.locator('.tag')).toHaveText(['JA-AED-01', 'JA-VR-01']);
  await expect(sheet.locator('.label svg path')).toHaveCount(2);
});

/** A Y4M video for Chromium's fake camera: the QR code of an equipment label, as the label prints it. */
const labelVideo = (tag: string, file: string) => {
  const { size, dark } = qrMatrix(tag);
  const [width, height] = [640, 480];
  const scale = Math.floor(400 / size);
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  const luma = Buffer.alloc(width * height, 230);
  dark.forEach((line, y) =>
    line.forEach((on, x) => {
      if (!on) return;
      for (let dy = 0; dy < scale; dy++) luma.fill(15, (top + y * scale + dy) * width + left + x * scale, (top + y * scale + dy) * width + left + (x + 1) * scale);
    }),
  );
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
};

test('the camera reads a printed label and takes the fault photo (Chromium’s fake camera)', async () => {
  test.setTimeout(120_000);
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL not set: global setup did not run');
  const dir = mkdtempSync(join(tmpdir(), 'station-desk-e2e-equipment-camera-'));
  const video = join(dir, 'label.y4m');
  labelVideo('JA-MR-01', video);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 900 },
  });
  await followSimulatedClock(context);
  try {
    await context.grantPermissions(['camera'], { origin: url });
    const page = context.pages()[0] ?? (await context.newPage());
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (/Content.Security.Policy|unsafe-eval|Refused/i.test(message.text())) problems.push(message.text());
    });
    await enrollPage(page, url);

    await page.getByTestId('equipment-camera-scan').click();
    const form = page.getByTestId('fault-form');
    await expect(form.getByTestId('fault-equipment')).toContainText('JA-MR-01 AI健身镜', { timeout: 20_000 });
    await form.getByRole('radio', { name: /轻微/ }).check();
    await form.getByTestId('fault-description').fill('屏幕偶尔闪烁');
    await form.getByTestId('photo-camera').click();
    await page.getByTestId('webcam-capture').click();
    await expect(form.getByTestId('photo-preview')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
    await page.getByRole('button', { name: '提交故障报告' }).click();
    const mirror = page.getByTestId('equipment-table').getByRole('row', { name: /JA-MR-01/ });
    await expect(mirror.getByTestId('equipment-status')).toHaveAttribute('data-status', 'faulty');

    // checked and found fine: the item is back in service
    await mirror.click();
    await page.getByTestId('equipment-drawer').getByTestId('action-inspected').click();
    await page.getByRole('dialog').getByRole('button', { name: /^确\s*认$/ }).click();
    await expect(mirror.getByTestId('equipment-status')).toHaveAttribute('data-status', 'ok');
    const events = page.getByTestId('equipment-drawer').getByTestId('log-event');
    await expect(events.first()).toHaveAttribute('data-event', 'inspected');
    await expect(events.nth(1).locator('img')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
