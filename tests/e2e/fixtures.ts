// A desk = a persistent Chromium profile in a fresh temporary folder. `restart()` closes the
// browser and opens the same profile again, as when the desk PC is switched off and on.
import { chromium, test as base, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';

/**
 * Test limit for a test that syncs with the server several times (enroll, push, pull, review):
 * 10–30 s on an idle machine, up to ~2× that beside other jobs on two cores. A limit, not a wait:
 * a passing test ends as soon as its last check holds.
 */
export const SYNCING_TEST_TIMEOUT_MS = 180_000;

export interface Desk {
  page: Page;
  context: BrowserContext;
  url: string;
  restart(): Promise<Page>;
}

/**
 * Under scripts/at-time.mjs this process's Date is shifted (the server's too): a desk's browser
 * shifts its own Date by the same offset in every document it loads, so the whole run sees one
 * simulated time. A no-op on a normal run.
 *
 * Not `context.clock.setSystemTime`: Playwright replays that call on every new document with the
 * time its driver logged, and the driver runs in this (shifted) process while the page measures
 * elapsed time on its real clock, so each reload set the desk back to the moment the call was made
 * (two desks then disagreed by minutes and events sorted out of order). The shift is registered
 * before any `clock` call, so Playwright's fake clock, where a test installs one, is built on the
 * shifted Date and agrees with the driver.
 */
export const followSimulatedClock = async (context: BrowserContext) => {
  const offset = Number(process.env.STATION_DESK_CLOCK_OFFSET_MS ?? 0);
  if (!Number.isFinite(offset) || offset === 0) return;
  await context.addInitScript((shift: number) => {
    const scope = globalThis as typeof globalThis & { __stationDeskSimulatedClock?: number };
    if (scope.__stationDeskSimulatedClock !== undefined) return;
    const RealDate = Date;
    class SimulatedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(RealDate.now() + shift);
        else super(...(args as [number])); // every form: (value), (y, m, d, h, min, s, ms)
      }
      static override now() {
        return RealDate.now() + shift;
      }
    }
    // Date() called as a function returns the current time as a string
    scope.Date = new Proxy(SimulatedDate, { apply: () => new SimulatedDate().toString() }) as DateConstructor;
    scope.__stationDeskSimulatedClock = shift;
  }, offset);
};

const openProfile = async (dir: string) => {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
  });
  await followSimulatedClock(context);
  return context;
};

/** A desk (its own browser profile) at a server of the test's own; dispose() it when done. */
export const createDesk = async (url: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'station-desk-e2e-'));
  let context = await openProfile(dir);
  let page = context.pages()[0] ?? (await context.newPage());
  const desk: Desk & { dispose(): Promise<void> } = {
    get page() {
      return page;
    },
    get context() {
      return context;
    },
    url,
    async restart() {
      await context.close();
      context = await openProfile(dir);
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto(url);
      return page;
    },
    async dispose() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return desk;
};

const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL not set: global setup did not run');
  return url;
};

export const test = base.extend<{ desk: Desk; openDesk: () => Promise<Desk> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  desk: async ({}, use, testInfo) => {
    const desk = await createDesk(baseUrl());
    await use(desk);
    if (testInfo.status !== testInfo.expectedStatus) {
      await desk.page.screenshot({ path: testInfo.outputPath('failure.png'), fullPage: true }).catch(() => undefined);
    }
    await desk.dispose();
  },
  /** More desks for the same test (each its own browser profile). */
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  openDesk: async ({}, use, testInfo) => {
    const extra: Awaited<ReturnType<typeof createDesk>>[] = [];
    await use(async () => {
      const desk = await createDesk(baseUrl());
      extra.push(desk);
      return desk;
    });
    for (const [i, desk] of extra.entries()) {
      if (testInfo.status !== testInfo.expectedStatus) {
        await desk.page.screenshot({ path: testInfo.outputPath(`failure-desk-${i + 2}.png`), fullPage: true }).catch(() => undefined);
      }
      await desk.dispose();
    }
  },
});

export { expect } from '@playwright/test';
