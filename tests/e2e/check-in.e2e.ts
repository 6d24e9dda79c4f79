// The foundation's vertical slice in real Chromium on the built web renderer: Chinese by
// default, a typed card number decided by the shared rule against the local roster, stored in
// IndexedDB, still there after a reload and after the browser is restarted; bad input changes
// nothing; the language switch works and is remembered.
import { expect, test, type Desk } from './fixtures';

const loadDemo = async (desk: Desk) => {
  const { page } = desk;
  await page.goto(`${desk.url}/#/settings`);
  await page.getByTestId('load-demo').click();
  await expect(page.getByText('已载入演示数据：50 名会员')).toBeVisible();
  await page.getByTestId('nav-check-in').click();
  await expect(page.getByTestId('badge-input')).toBeEnabled();
};

const checkIn = async (desk: Desk, badge: string) => {
  const input = desk.page.getByTestId('badge-input');
  await input.fill(badge);
  await input.press('Enter');
};

const todayCount = (desk: Desk) => desk.page.getByTestId('today-count').locator('.ant-statistic-content-value');

test('opens in Chinese and explains that the desk has no station yet', async ({ desk }) => {
  await desk.page.goto(desk.url);
  await expect(desk.page.getByTestId('app-title')).toHaveText('驿站前台');
  await expect(desk.page.getByTestId('nav-check-in')).toContainText('签到');
  await expect(desk.page.getByTestId('no-station')).toBeVisible();
  await expect(desk.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('records a check-in that survives a reload and a restart', async ({ desk }) => {
  await loadDemo(desk);
  await checkIn(desk, '310000000001');
  const result = desk.page.getByTestId('check-in-result');
  await expect(result).toHaveAttribute('data-outcome', 'admit');
  await expect(result).toContainText('准入');
  await expect(result).toContainText('王建国');
  await expect(todayCount(desk)).toHaveText('1');

  // a suspended member is denied with a translated reason, and the attempt is stored too
  await checkIn(desk, '310000000007');
  await expect(result).toHaveAttribute('data-outcome', 'deny');
  await expect(desk.page.getByTestId('check-in-reason')).toHaveText('会员资格已暂停');
  await expect(todayCount(desk)).toHaveText('2');

  // the same member again inside the duplicate window: shown again, nothing new recorded
  await checkIn(desk, '310000000001');
  await expect(result).toHaveAttribute('data-reason', 'ALREADY_CHECKED_IN');
  await expect(todayCount(desk)).toHaveText('2');

  await desk.page.reload();
  await expect(todayCount(desk)).toHaveText('2');
  await expect(desk.page.getByTestId('recent-check-ins')).toContainText('王建国');

  const page = await desk.restart();
  await page.getByTestId('nav-check-in').click();
  await expect(todayCount(desk)).toHaveText('2');
  await expect(page.getByTestId('recent-check-ins')).toContainText('会员资格已暂停');
  await expect(page.getByTestId('occupancy').locator('.ant-statistic-content-value')).toHaveText('1');
});

test('bad input gets a clear message and records nothing', async ({ desk }) => {
  await loadDemo(desk);
  const result = desk.page.getByTestId('check-in-result');
  await checkIn(desk, '3100<script>');
  await expect(result).toHaveAttribute('data-outcome', 'input-error');
  await expect(result).toContainText('卡号只能包含数字、字母和短横线');
  await checkIn(desk, '   ');
  await expect(result).toContainText('请输入卡号');
  await expect(todayCount(desk)).toHaveText('0');

  // an unknown card while online is denied and the denial is recorded
  await checkIn(desk, '999999');
  await expect(result).toHaveAttribute('data-reason', 'UNKNOWN_BADGE');
  await expect(todayCount(desk)).toHaveText('1');
});

test('switches to English and remembers it', async ({ desk }) => {
  await desk.page.goto(`${desk.url}/#/settings`);
  await desk.page.getByTestId('language-switch').getByText('English').click();
  await expect(desk.page.getByTestId('nav-check-in')).toContainText('Check-in');
  await desk.page.reload();
  await expect(desk.page.getByTestId('app-title')).toHaveText('Station Desk');
  await desk.page.getByTestId('nav-check-in').click();
  await expect(desk.page.getByText('Scan a member card or pass')).toBeVisible();
  await desk.page.getByTestId('nav-settings').click();
  await desk.page.getByTestId('language-switch').getByText('简体中文').click();
  await expect(desk.page.getByTestId('nav-check-in')).toContainText('签到');
});
