// The web build opens with no network (src-renderer/platform/app-shell.ts): a desk enrolled at
// its own server, the server stopped (a real outage: nothing answers at the desk's address), the
// browser closed and opened cold — the desk opens from its stored shell, staff sign in with their
// PIN, a check-in is recorded; the server back on the same address, the check-in arrives once.
// And where it cannot work (no secure context: no Web Crypto, no service worker), it says why.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/database';
import { openDatabase } from '../../server/db/open';
import { createEnrollmentCode } from '../../server/repositories/enrollment';
import { seedDemoStation } from '../../server/services/demo/seed';
import { demoCardNo } from '../../shared/demo/members';
import { createDesk, expect, SYNCING_TEST_TIMEOUT_MS, test } from './fixtures';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { signIn } from './staff';

const STATION = 'DEMO-SH-JA-001';

/** A server of this test's own on PGlite, so the test can stop it and start it again on the same port. */
const ownServer = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-desk-e2e-offline-'));
  let db: Database | null = null;
  let app: FastifyInstance | null = null;
  let port = 0;
  const start = async () => {
    db = await openDatabase({ dataDir });
    app = await buildApp({ db, webRoot: 'dist/renderer', rateLimitPerMinute: 100_000 });
    const url = await app.listen({ host: '127.0.0.1', port });
    port = Number(new URL(url).port);
    return url;
  };
  const stop = async () => {
    await app?.close();
    await db?.close();
    app = null;
    db = null;
  };
  const url = await start();
  return {
    url,
    db: () => db!,
    start,
    stop,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

const checkInsStored = async (db: Database) =>
  Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM sync_docs WHERE station_id = $1 AND collection = 'checkins'`, [STATION])).rows[0]!.n);

// two first starts of the desk (one a full first sync of the demo roster) and a server restart
test.setTimeout(2 * SYNCING_TEST_TIMEOUT_MS);
/** The desk retries with capped backoff (a minute at most) after the outage; then it uploads. */
const UPLOAD_AFTER_OUTAGE_LIMIT_MS = 150_000;

test('the web desk opens cold with no server, signs staff in and checks in; the check-in arrives once the server is back', async () => {
  const server = await ownServer();
  const desk = await createDesk(server.url);
  try {
    await seedDemoStation(server.db(), { now: Date.now() });
    const { code } = await createEnrollmentCode(server.db(), STATION, { now: Date.now(), ttlHours: 1 });
    await desk.page.goto(`${server.url}/#enroll=${code}`);
    await expect(desk.page.getByTestId('last-sync')).toContainText('上次同步', { timeout: 30_000 });
    // the shell is stored: a worker controls the page and its cache holds the desk's files
    await desk.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => desk.page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).length))).reduce((a, b) => a + b, 0))).toBeGreaterThan(3);
    await desk.page.goto(`${server.url}/#/check-in`);
    await signIn(desk.page);
    const before = await checkInsStored(server.db());

    // the outage: nothing answers at the desk's address; the browser is closed and opened cold
    await server.stop();
    const page = await desk.restart();
    await expect(page.getByTestId('app-title')).toBeVisible({ timeout: 30_000 });
    await page.goto(`${server.url}/#/check-in`);
    await signIn(page);
    const input = page.getByTestId('badge-input');
    await input.fill(demoCardNo(5));
    await input.press('Enter');
    await expect(page.getByTestId('check-in-result')).toHaveAttribute('data-outcome', 'admit');
    await expect(page.getByTestId('pending-count')).toHaveText('1 条待上传');

    // the server back on the same address: the check-in arrives, once
    await server.start();
    await expect(page.getByTestId('pending-count')).toHaveCount(0, { timeout: UPLOAD_AFTER_OUTAGE_LIMIT_MS });
    expect(await checkInsStored(server.db())).toBe(before + 1);
  } finally {
    await desk.dispose();
    await server.dispose();
  }
});

test('a desk opened at a plain http:// LAN address says why it cannot work there and opens nothing', async () => {
  const port = new URL(process.env.E2E_BASE_URL!).port;
  // a LAN name for this machine: not localhost, so Chromium gives the page no secure context
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP station-lan.test 127.0.0.1'] });
  try {
    const page = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.goto(`http://station-lan.test:${port}/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await expect(page.getByTestId('shell-insecure')).toContainText('加密保存会员资料、校验会员码，断网后也无法重新打开');
    await expect(page.getByTestId('app-title')).toHaveCount(0);
    await expect(page.getByTestId('shell-insecure')).toContainText(`http://station-lan.test:${port}`);
  } finally {
    await browser.close();
  }
});
