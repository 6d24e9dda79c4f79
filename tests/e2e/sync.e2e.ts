// Two desks (two browser profiles) enrolled at the demo station of a real server: a check-in at
// one shows at the other; a desk that loses its network keeps working, shows what waits to be
// uploaded, and delivers it when the network is back — each record exactly once.
import { issueDemoCode } from './admin';
import { expect, test, type Desk } from './fixtures';
import { signIn } from './staff';

const enroll = async (desk: Desk) => {
  await desk.page.goto(`${desk.url}/#enroll=${await issueDemoCode()}`);
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
  // other tests share the server's demo station: count from where both desks agree
  await expect.poll(async () => (await todayCount(desk).innerText()) === (await todayCount(other).innerText()), { timeout: 30_000 }).toBe(true);
  const base = Number(await todayCount(desk).innerText());
  const count = (n: number) => String(base + n);
  const rows = (d: Desk) => d.page.getByTestId('recent-check-ins').locator('tbody tr.ant-table-row');
  const baseRows = await rows(other).count();

  await checkIn(desk, '310000000011');
  await expect(desk.page.getByTestId('check-in-result')).toHaveAttribute('data-outcome', 'admit', { timeout: 15_000 });
  await expect(todayCount(other)).toHaveText(count(1), { timeout: 15_000 });

  // desk A loses its network: it keeps working and queues
  await desk.context.setOffline(true);
  await expect(desk.page.getByTestId('network-state')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await checkIn(desk, '310000000012');
  await checkIn(desk, '310000000013');
  await expect(todayCount(desk)).toHaveText(count(3));
  await expect(desk.page.getByTestId('pending-count')).toHaveText('2 条待上传');
  await expect(todayCount(other)).toHaveText(count(1));

  await desk.context.setOffline(false);
  await expect(todayCount(other)).toHaveText(count(3), { timeout: 30_000 });
  await expect(desk.page.getByTestId('pending-count')).toHaveCount(0, { timeout: 30_000 });
  await expect(rows(other)).toHaveCount(Math.min(20, baseRows + 3));
  // the newest three attempts read the same on both desks
  const newest = async (d: Desk) => (await rows(d).allInnerTexts()).slice(0, 3).map((text) => text.split('\n')[0]);
  await expect.poll(async () => JSON.stringify(await newest(other))).toBe(JSON.stringify(await newest(desk)));
});
