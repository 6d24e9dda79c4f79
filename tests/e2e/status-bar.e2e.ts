// The status bar in real Chromium on the built web renderer: fixed to the window at a desk PC's
// 1366×768 and at 1920×1080, in Chinese and English, on every screen at its top and scrolled to
// its end (the check-in list full, offline so the bar says the most), and with a drawer open: the
// bar stays in the viewport, one line high, with nothing over it, and the drawer ends above it.
// (It was the page's last element: below the fold on long screens, two lines offline, and under
// a drawer's mask.) And the sync screen offline: no live channel claimed, no raw English.
import type { Page } from '@playwright/test';
import { issueDemoCode } from './admin';
import { expect, SYNCING_TEST_TIMEOUT_MS, test, type Desk } from './fixtures';
import { loadDemo } from './staff';

/** Every screen of the side navigation (src-renderer/app/screens.ts). */
const SCREENS = ['check-in', 'bookings', 'equipment', 'sync', 'reports', 'settings'] as const;
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const LANGUAGES = [
  { name: 'English', nav: 'Check-in', offline: 'Offline' },
  { name: '简体中文', nav: '签到', offline: '离线' },
] as const;
/** The bar's height (status-bar.tsx STATUS_BAR_HEIGHT): one line of text with its tag. */
const ONE_LINE_PX = 36;

/** Cards no other E2E test checks in: the demo station is shared by the whole run, and a card
 *  checked in here would be a duplicate (ALREADY_CHECKED_IN) in a later test's first check-in. */
const FIRST_CARD = 201;

/** Twenty visits on today's list (demo cards 201–220): a page longer than the window. */
const fillRecentList = async (page: Page) => {
  const input = page.getByTestId('badge-input');
  for (let n = 1; n <= 20; n++) {
    await input.fill(`3100000${String(FIRST_CARD + n - 1).padStart(5, '0')}`);
    await input.press('Enter');
    await expect(page.getByTestId('recent-check-ins').locator('tbody tr.ant-table-row')).toHaveCount(n);
  }
};

/** The bar's box, and whether what the page shows at points along it belongs to the bar. */
const barAsSeen = (page: Page) =>
  page.evaluate(() => {
    const bar = document.querySelector('[data-testid="status-bar"]')!;
    const box = bar.getBoundingClientRect();
    const y = box.top + box.height / 2;
    const xs = [box.left + 8, box.left + box.width / 2, box.right - 8];
    const onTop = xs.map((x) => document.elementFromPoint(x, y)?.closest('[data-testid="status-bar"]') === bar);
    const parts = ['network-state', 'staff-on-duty', 'staff-sign-out'].map((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      const r = el?.getBoundingClientRect();
      return r ? { id, top: r.top, bottom: r.bottom, left: r.left, right: r.right } : { id, missing: true };
    });
    return {
      top: box.top,
      bottom: box.bottom,
      left: box.left,
      right: box.right,
      height: box.height,
      onTop,
      parts,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      scrolled: window.scrollY,
    };
  });

const expectBarInView = async (page: Page, where: string) => {
  const seen = await barAsSeen(page);
  expect(seen.height, `${where}: one line`).toBeLessThanOrEqual(ONE_LINE_PX + 1);
  expect(seen.top, `${where}: inside the window`).toBeGreaterThanOrEqual(0);
  expect(seen.bottom, `${where}: at the window's bottom`).toBeCloseTo(seen.viewport.height, 0);
  expect(seen.left, where).toBe(0);
  expect(seen.right, where).toBeCloseTo(seen.viewport.width, 0);
  expect(seen.onTop, `${where}: nothing covers the bar`).toEqual([true, true, true]);
  for (const part of seen.parts) {
    expect(part, `${where}: ${part.id} shown`).not.toHaveProperty('missing');
    if ('missing' in part) continue;
    expect(part.top, `${where}: ${part.id} on the bar's line`).toBeGreaterThanOrEqual(seen.top);
    expect(part.bottom, `${where}: ${part.id} on the bar's line`).toBeLessThanOrEqual(seen.bottom);
    expect(part.right, `${where}: ${part.id} not cut off`).toBeLessThanOrEqual(seen.viewport.width);
  }
  return seen;
};

const scrollToEnd = (page: Page) => page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));

const switchLanguage = async (desk: Desk, language: (typeof LANGUAGES)[number]) => {
  await desk.page.getByTestId('nav-settings').click();
  await desk.page.getByTestId('language-switch').getByText(language.name).click();
  await expect(desk.page.getByTestId('nav-check-in')).toContainText(language.nav);
};

test('the status bar stays in the window, one line, above drawers, on every screen and size', async ({ desk }) => {
  test.setTimeout(180_000); // 20 check-ins, then 6 screens × 2 sizes × 2 languages
  const { page } = desk;
  await loadDemo(desk);
  await fillRecentList(page);
  // offline the bar says the most (offline, not enrolled, desk, staff): it used to wrap
  await desk.context.setOffline(true);

  for (const language of LANGUAGES) {
    await switchLanguage(desk, language);
    await expect(page.getByTestId('network-state')).toHaveText(language.offline);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      const size = `${viewport.width}×${viewport.height} ${language.name}`;
      for (const screen of SCREENS) {
        await page.getByTestId(`nav-${screen}`).click();
        await expect(page).toHaveURL(new RegExp(`#/${screen}$`));
        await page.evaluate(() => window.scrollTo(0, 0));
        await expectBarInView(page, `${screen} at ${size}, at the top`);
        await scrollToEnd(page);
        await expectBarInView(page, `${screen} at ${size}, scrolled to the end`);
      }

      // the check-in screen with its list is longer than the window: the bar did not scroll away
      await page.getByTestId('nav-check-in').click();
      await scrollToEnd(page);
      const seen = await expectBarInView(page, `check-in at ${size}, list of 20`);
      expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight), `${size}: the page scrolls`).toBe(true);
      expect(seen.scrolled, `${size}: scrolled`).toBeGreaterThan(0);

      // a drawer open: the bar is above its mask, and the drawer ends above the bar
      await page.getByTestId('open-review').click();
      const drawer = page.locator('.ant-drawer-content-wrapper');
      await expect(page.getByTestId('review-list')).toBeVisible();
      const bar = await expectBarInView(page, `review drawer at ${size}`);
      const drawerBox = await drawer.boundingBox();
      expect(drawerBox, size).not.toBeNull();
      expect(drawerBox!.y + drawerBox!.height, `${size}: the drawer ends above the bar`).toBeLessThanOrEqual(bar.top + 1);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('review-list')).toHaveCount(0);
    }
  }
});

test('offline, the sync screen claims no live channel and says every error in the desk’s language', async ({ desk }) => {
  test.setTimeout(SYNCING_TEST_TIMEOUT_MS); // enroll, first sync, offline, then both languages
  const { page } = desk;
  await page.goto(`${desk.url}/#enroll=${await issueDemoCode()}`);
  await expect(page.getByTestId('network-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await page.goto(`${desk.url}/#/sync`);
  await expect(page.getByTestId('sync-live')).toHaveAttribute('data-live', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('sync-live')).toHaveText('已连接');

  await desk.context.setOffline(true);
  await page.getByTestId('sync-now').click(); // a request that cannot reach the server, at once
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
  await expect(page.getByTestId('sync-live')).toHaveAttribute('data-live', 'false');
  await expect(page.getByTestId('sync-live')).toHaveText('未连接（每分钟自动检查）');
  const lastError = page.getByTestId('sync-last-error');
  await expect(lastError).toContainText('无法连接中心服务器');
  await expect(page.getByTestId('sync-error')).toContainText('无法连接中心服务器');
  // what the browser said, word for word, is folded under a translated heading
  const detail = lastError.getByTestId('technical-detail');
  await expect(detail).toContainText('技术详情（供管理员）');
  await expect(detail.locator('[lang="en"]')).toBeHidden();
  const visible = await page.locator('main, [data-testid="status-bar"]').allInnerTexts();
  expect(visible.join('\n')).not.toMatch(/NETWORK ·|cannot reach|Failed to fetch/i);

  await switchLanguage(desk, LANGUAGES[0]);
  await page.getByTestId('nav-sync').click();
  await expect(page.getByTestId('sync-live')).toHaveText('Not connected (checked every minute)');
  await expect(page.getByTestId('technical-detail').first()).toContainText('Technical detail');
  await desk.context.setOffline(false);
});
