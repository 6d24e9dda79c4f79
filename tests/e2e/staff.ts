// Staff PIN sign-in for E2E tests: any desk whose station has staff records (the demo data, the
// server's demo station) asks for it before check-in. Demo PINs: 李前台 1234, 王站长 9999.
import type { Page } from '@playwright/test';
import { expect, type Desk } from './fixtures';

export const signIn = async (page: Page, name = '李前台', pin = '1234') => {
  const card = page.getByTestId('staff-sign-in');
  await expect(card).toBeVisible({ timeout: 30_000 });
  await card.getByTestId('staff-option').filter({ hasText: name }).click();
  const field = page.getByTestId('sign-in-pin-input');
  await field.fill(pin);
  await field.press('Enter');
  await expect(page.getByTestId('staff-on-duty')).toContainText(name);
  await expect(page.getByTestId('badge-input')).toBeEnabled();
};

/** A desk with no station: load the demo data in settings, then sign 李前台 in on check-in. */
export const loadDemo = async (desk: Desk) => {
  const { page } = desk;
  await page.goto(`${desk.url}/#/settings`);
  await page.getByTestId('load-demo').click();
  await expect(page.getByText('已载入演示数据：50 名会员')).toBeVisible();
  await page.getByTestId('nav-check-in').click();
  await signIn(page);
};
