// Two desks (two browser profiles) enrolled at the demo station of a real server: a check-in at
// one shows at the other; a desk that loses its network keeps working, shows what waits to be
// uploaded, and delivers it when the network is back — each record exactly once.
import { issueDemoCode } from './admin';
import { expect, test, type Desk } from './fixtures';
import { signIn } from './staff';

const enroll = async (desk: Desk) => {
  await desk.page.goto(`${desk.url}/?enroll=${await issueDemoCode()}`);
  await expect(desk.page.getByTestId('network-state')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(desk.page.getByTestId('last-sync')).toContainText('上次同步', { timeout: 30_000 });
};

const checkIn = async (desk: Desk, badge: string) => {
  const input = desk.page.getByTestId('badge-input');
  await input.fill(badge);
  await input.press('Enter');
};
const todayCount = (desk: Desk) => desk.page.getByTestId('today-count').locator('.ant-statistic-content-value');

test('a check-in at one desk appears at the other, online and after an outage', async ({ desk, openDesk }) => {
  const other = await openDesk();
  await enroll(desk);
  await enroll(other);
  await desk.page.goto(`${desk.url}/#/check-in`);
  await other.page.goto(`${other.url}/#/check-in`);
  await signIn(desk.page);

  await checkIn(desk, '310000000011');
  await expect(desk.page.getByTestId('check-in-result')).toHaveAttribute('data-outcome', 'admit', { timeout: 15_000 });
  await expect(todayCount(other)).toHaveText('1', { timeout: 15_000 });

  // desk A loses its network: it keeps working and queues
  await desk.context.setOffline(true);
  await expect(desk.page.getByTestId('network-state')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await checkIn(desk, '310000000012');
  await checkIn(desk, '310000000013');
  await expect(todayCount(desk)).toHaveText('3');
  await expect(desk.page.getByTestId('pending-count')).toHaveText('2 条待上传', { timeout: 10_000 });
  await expect(todayCount(other)).toHaveText('1');

  await desk.context.setOffline(false);
  await expect(todayCount(other)).toHaveText('3', { timeout: 30_000 });
  await expect(desk.page.getByTestId('pending-count')).toHaveCount(0, { timeout: 30_000 });
  await expect(other.page.getByTestId('recent-check-ins').locator('tbody tr.ant-table-row')).toHaveCount(3);
  await expect(desk.page.getByTestId('recent-check-ins').locator('tbody tr.ant-table-row')).toHaveCount(3);
});
