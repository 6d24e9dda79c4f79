// The check-in desk in real Chromium on the built web renderer: Chinese by default, staff sign
// in with a PIN, a typed card number decided by the shared rule against the local roster, stored
// in IndexedDB, still there after a reload and after the browser is restarted; bad input changes
// nothing; a manager overrides a denial; manual search; check-out; the language switch.
import { expect, SYNCING_TEST_TIMEOUT_MS, test, type Desk } from './fixtures';
import { loadDemo } from './staff';
import { deskKey } from '../../src-renderer/features/check-in/desk-commands';

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

  // a suspended member is denied with a translated reason, and the attempt is stored too: beside
  // today's count (admissions), not in it
  await checkIn(desk, '310000000007');
  await expect(result).toHaveAttribute('data-outcome', 'deny');
  await expect(desk.page.getByTestId('check-in-reason')).toHaveText('会员资格已暂停');
  await expect(todayCount(desk)).toHaveText('1');
  await expect(desk.page.getByTestId('denied-count')).toHaveText('另有拒绝 1 次（不计入）');

  // the same member again inside the duplicate window: shown again, nothing new recorded
  await checkIn(desk, '310000000001');
  await expect(result).toHaveAttribute('data-reason', 'ALREADY_CHECKED_IN');
  await expect(todayCount(desk)).toHaveText('1');

  await desk.page.reload();
  await expect(todayCount(desk)).toHaveText('1');
  await expect(desk.page.getByTestId('recent-check-ins')).toContainText('王建国');

  const page = await desk.restart();
  await page.getByTestId('nav-check-in').click();
  await expect(todayCount(desk)).toHaveText('1');
  await expect(page.getByTestId('recent-check-ins')).toContainText('会员资格已暂停');
  await expect(page.getByTestId('occupancy').locator('.ant-statistic-content-value')).toHaveText('1');
});

test('bad input gets a clear message and records nothing', async ({ desk }) => {
  await loadDemo(desk);
  const result = desk.page.getByTestId('check-in-result');
  await checkIn(desk, '3100<script>');
  await expect(result).toHaveAttribute('data-outcome', 'input-error');
  await expect(result).toContainText('卡号只能包含数字、字母和短横线');
  // an empty Enter leaves the last result on screen
  await checkIn(desk, '   ');
  await expect(result).toContainText('卡号只能包含数字、字母和短横线');
  await expect(todayCount(desk)).toHaveText('0');

  // an unknown card while online is denied and the denial is recorded (beside the count)
  await checkIn(desk, '999999');
  await expect(result).toHaveAttribute('data-reason', 'UNKNOWN_BADGE');
  await expect(todayCount(desk)).toHaveText('0');
  await expect(desk.page.getByTestId('denied-count')).toContainText('1');
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

test('staff sign in with a PIN before check-in; a wrong PIN is refused; sign-out asks again', async ({ desk }) => {
  const { page } = desk;
  await page.goto(`${desk.url}/#/settings`);
  await page.getByTestId('load-demo').click();
  await expect(page.getByText('已载入演示数据：50 名会员')).toBeVisible();
  await page.getByTestId('nav-check-in').click();
  await expect(page.getByTestId('staff-sign-in')).toBeVisible();
  await expect(page.getByTestId('badge-input')).toHaveCount(0);

  // keyboard only: the PIN field has focus; a wrong PIN, then the right one
  await expect(page.getByTestId('sign-in-pin-input')).toBeFocused();
  await page.keyboard.type('0000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sign-in-pin-error')).toHaveText('PIN 码错误');
  await page.getByTestId('sign-in-pin-input').fill('1234');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('staff-on-duty')).toContainText('李前台');
  await expect(page.getByTestId('badge-input')).toBeFocused();

  await page.getByTestId('staff-sign-out').click();
  await expect(page.getByTestId('staff-sign-in')).toBeVisible();
});

test('a manager overrides a denial with their PIN; both records are kept', async ({ desk }) => {
  await loadDemo(desk);
  const { page } = desk;
  const result = page.getByTestId('check-in-result');
  await checkIn(desk, '310000000007');
  await expect(result).toHaveAttribute('data-outcome', 'deny');
  await expect(page.getByTestId('override-button')).toBeVisible();

  await page.keyboard.press(deskKey('override'));
  const pin = page.getByTestId('override-pin-input');
  await expect(pin).toBeFocused();
  // a desk member's PIN does not override
  await page.keyboard.type('1234');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('override-pin-error')).toContainText('前台人员');
  await page.getByTestId('override-note').fill('家属陪同，已核实');
  await pin.fill('9999');
  await pin.press('Enter');

  await expect(result).toHaveAttribute('data-reason', 'MANAGER_OVERRIDE');
  await expect(result).toHaveAttribute('data-outcome', 'admit-with-warning');
  await expect(page.getByTestId('override-approved-by')).toContainText('王站长');
  await expect(page.getByTestId('override-button')).toHaveCount(0);
  // the denial stays recorded; the count is admissions: the override's
  await expect(todayCount(desk)).toHaveText('1');
  const recent = page.getByTestId('recent-check-ins');
  await expect(recent).toContainText('经理特批放行');
  await expect(recent).toContainText('会员资格已暂停');
});

test('manual search by phone tail checks a member in by keyboard', async ({ desk }) => {
  await loadDemo(desk);
  const { page } = desk;
  await page.keyboard.press(deskKey('search'));
  const search = page.getByTestId('member-search');
  await expect(search).toBeFocused();
  await search.fill('1002');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await expect(page.getByTestId('search-result')).toContainText('李建国');
  await search.press('ArrowDown');
  await search.press('Enter');
  const result = page.getByTestId('check-in-result');
  await expect(result).toHaveAttribute('data-outcome', 'admit');
  await expect(result).toContainText('李建国');
  await expect(page.getByTestId('recent-check-ins')).toContainText('手动');
  await expect(search).toHaveValue('');
});

test('check-out by scan in check-out mode and from the recent list; occupancy follows', async ({ desk }) => {
  await loadDemo(desk);
  const { page } = desk;
  const occupancy = page.getByTestId('occupancy').locator('.ant-statistic-content-value');
  const result = page.getByTestId('check-in-result');
  await checkIn(desk, '310000000001');
  await checkIn(desk, '310000000002');
  await expect(occupancy).toHaveText('2');

  await page.keyboard.press(deskKey('check-out-mode'));
  await expect(page.getByTestId('check-out-mode')).toBeVisible();
  await checkIn(desk, '310000000001');
  await expect(result).toHaveAttribute('data-outcome', 'checked-out');
  await expect(result).toContainText('王建国');
  await expect(occupancy).toHaveText('1');
  await checkIn(desk, '310000000001');
  await expect(result).toHaveAttribute('data-outcome', 'not-inside');
  await page.keyboard.press(deskKey('check-out-mode'));
  await expect(page.getByTestId('check-out-mode')).toHaveCount(0);

  await page.getByTestId('recent-check-out').first().click();
  await expect(result).toHaveAttribute('data-outcome', 'checked-out');
  await expect(result).toContainText('李建国');
  await expect(occupancy).toHaveText('0');
  await expect(page.getByTestId('recent-check-out')).toHaveCount(0);
  await expect(todayCount(desk)).toHaveText('2');
});

test('an unknown card offline is admitted provisionally, then reviewed and registered as a walk-in', async ({ desk }) => {
  test.setTimeout(SYNCING_TEST_TIMEOUT_MS); // offline, online again, then the review asks the server
  await loadDemo(desk);
  const { page } = desk;
  const result = page.getByTestId('check-in-result');
  await desk.context.setOffline(true);
  await expect(page.getByTestId('network-state')).toHaveAttribute('data-state', 'offline');
  await checkIn(desk, '888888');
  await expect(result).toHaveAttribute('data-reason', 'PROVISIONAL_UNKNOWN_CARD');
  await expect(result).toHaveAttribute('data-outcome', 'admit-with-warning');
  await expect(page.getByTestId('recent-check-ins')).toContainText('临时放行');
  await desk.context.setOffline(false);

  await page.keyboard.press(deskKey('review'));
  const list = page.getByTestId('review-list');
  await expect(list).toContainText('888888');
  await expect(list.getByTestId('review-state')).toHaveText('名册中仍无此卡');
  await list.getByTestId('review-register').click();
  await page.getByTestId('review-name').fill('赵六');
  await page.getByTestId('review-register-submit').click();
  await expect(list).toContainText('没有待复核的卡');
  await page.keyboard.press('Escape'); // the drawer's own key (the clear command is off while it is open)
  await expect(list).toHaveCount(0);

  // the card is the walk-in member now (still inside the duplicate window: shown, not recorded)
  await checkIn(desk, '888888');
  await expect(result).toHaveAttribute('data-reason', 'ALREADY_CHECKED_IN');
  await expect(result).toContainText('赵六');
  await expect(todayCount(desk)).toHaveText('1');
});
