// The check-in desk's edge cases in real Chromium on the built web renderer, with scanner bursts
// sent as real key events (scanner-burst.ts): two cards without a suffix less than the pause
// apart, a member pass the scanner stalls in (briefly, and long enough to cut it), a pass that does
// not verify, Enter pressed again after a scan, letters typed by hand; and the smaller things
// staff noticed: the version, the override dialog's labels, the search's limit, a PIN lockout
// that counts down, and the last result leaving with the staff member who caused it.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { deskKey } from '../../src-renderer/features/check-in/desk-commands';
import { expect, test } from './fixtures';
import { typeBurst } from './scanner-burst';
import { loadDemo, signIn } from './staff';

/** A member pass in the right shape whose key no desk knows: it cannot verify (base64url of a payload, 86 signature characters). */
const FORGED_PASS = `SD1.${Buffer.from(JSON.stringify({ p: 'P-FORGED', m: 'DEMO-M-0001', c: 'U', v: 2_000_000_000, k: 'K-NOBODY', i: 1_700_000_000 })).toString('base64url')}.${'Ab9_-x'.repeat(14)}Ab`;

const counts = (page: Page) => ({
  today: page.getByTestId('today-count').locator('.ant-statistic-content-value'),
  denied: page.getByTestId('denied-count'),
  rows: page.getByTestId('recent-check-ins').locator('tbody tr.ant-table-row'),
});

test('scanner edge cases: two cards at once, a stalled pass, a forged pass, a second Enter, letters by hand', async ({ desk }) => {
  await loadDemo(desk);
  const { page } = desk;
  const result = page.getByTestId('check-in-result');
  const { today, denied, rows } = counts(page);

  // two cards, no suffix, the second 60 ms after the first: two check-ins, no unknown card
  await typeBurst(page, '310000000001310000000002', 'none', { pauses: [{ at: 12, ms: 60 }] });
  await expect(rows).toHaveCount(2);
  await expect(today).toHaveText('2');
  await expect(page.getByTestId('recent-check-ins')).toContainText('王建国');
  await expect(page.getByTestId('recent-check-ins')).toContainText('李建国');
  await expect(page.getByTestId('recent-check-ins')).not.toContainText('310000000001310000000002');
  await expect(result).toHaveAttribute('data-outcome', 'admit');

  // Enter again after a good scan: the green result stays
  await typeBurst(page, '310000000003');
  await expect(result).toHaveAttribute('data-outcome', 'admit');
  await expect(today).toHaveText('3');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(result).toHaveAttribute('data-outcome', 'admit');
  await expect(result).not.toContainText('请输入卡号');

  // a pass the scanner stalls in for 400 ms is one scan; it does not verify: 无效会员码, never its text
  await typeBurst(page, FORGED_PASS, 'enter', { pauses: [{ at: 90, ms: 400 }] });
  await expect(result).toHaveAttribute('data-reason', 'BAD_SIGNATURE');
  await expect(page.getByTestId('check-in-who')).toContainText('无效会员码');
  await expect(result).not.toContainText('SD1');
  await expect(result).not.toContainText('名册外卡号');
  await expect(denied).toHaveText('另有拒绝 1 次（不计入）');
  await expect(page.getByTestId('recent-check-ins')).not.toContainText('SD1');

  // stalled longer than a scanner ever pauses in one code: the pass is cut; a rescan is asked, nothing recorded
  await typeBurst(page, FORGED_PASS, 'enter', { pauses: [{ at: 90, ms: 1500 }] });
  await expect(result).toHaveAttribute('data-outcome', 'input-error');
  await expect(result).toHaveText('会员码不完整，请重扫');
  await expect(rows).toHaveCount(4);
  await expect(denied).toHaveText('另有拒绝 1 次（不计入）');

  // letters typed by hand are a name, not a card: the search looks for them, nothing is recorded
  await page.getByTestId('badge-input').click();
  await page.keyboard.type('abc', { delay: 150 });
  await page.keyboard.press('Enter');
  await expect(result).toContainText('已在会员搜索中查找“abc”');
  await expect(page.getByTestId('member-search')).toHaveValue('abc');
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('recent-check-ins')).not.toContainText('ABC');
});

test('the smaller things: version, labelled override pad, search limit, lockout countdown, sign-out clears the result', async ({ desk }) => {
  await loadDemo(desk);
  const { page } = desk;
  const result = page.getByTestId('check-in-result');

  // the override pad: one language per button, labelled fields
  const input = page.getByTestId('badge-input');
  await input.fill('310000000007');
  await input.press('Enter');
  await expect(result).toHaveAttribute('data-outcome', 'deny');
  await expect(page.getByTestId('override-button')).toHaveText(`经理特批（${deskKey('override')}）`);
  await page.getByTestId('override-button').click();
  await expect(page.getByTestId('override-note-label')).toHaveText('备注（可选）');
  await expect(page.getByTestId('override-pin-label')).toHaveText('站长 PIN 码');
  await expect(page.getByLabel('备注（可选）')).toBeVisible();
  await expect(page.getByLabel('站长 PIN 码')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('override-dialog')).toHaveCount(0);

  // the search says when it shows only the first hits (50 demo cards start with 3100)
  await page.keyboard.press(deskKey('search'));
  await page.getByTestId('member-search').fill('3100');
  await expect(page.getByTestId('search-result')).toHaveCount(8);
  await expect(page.getByTestId('search-more')).toContainText('只显示前 8 条');
  await page.getByTestId('member-search').press('Escape');

  // sign-out: the denial on screen leaves with the staff member who caused it
  await expect(result).toHaveAttribute('data-outcome', 'deny');
  await page.getByTestId('staff-sign-out').click();
  await expect(page.getByTestId('staff-sign-in')).toBeVisible();
  await expect(result).toHaveAttribute('data-outcome', 'idle');

  // five wrong PINs lock the manager for 30 s: the message counts down
  await page.getByTestId('staff-option').filter({ hasText: '王站长' }).click();
  const pin = page.getByTestId('sign-in-pin-input');
  for (let i = 0; i < 5; i++) {
    await pin.fill('0000');
    await pin.press('Enter');
    await expect(pin).toHaveValue('');
  }
  const error = page.getByTestId('sign-in-pin-error');
  await expect(error).toHaveText(/请 (29|30) 秒后再试/);
  const first = Number(/(\d+) 秒/.exec(await error.innerText())![1]);
  await expect.poll(async () => Number(/(\d+) 秒/.exec(await error.innerText())?.[1] ?? first), { timeout: 10_000 }).toBeLessThan(first);

  // the next staff member starts with an empty panel
  await signIn(page);
  await expect(result).toHaveAttribute('data-outcome', 'idle');

  // the real version of the app, not 0.0.0
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('app-version')).toHaveText(version);
});
