/**
 * Scan-to-paint in the real desk app (the Vite build, on the database the bench page loaded):
 * staff sign in on the check-in screen, then each scan is a keyboard-wedge burst of real key
 * events (tests/e2e/scanner-burst.ts: CDP key events, one every 3 ms, each sent when typed), and
 * its latency runs from the Enter keydown's timeStamp (the scan's last keystroke, as the page saw
 * it) until the result panel shows the card and a frame has been painted after it (a
 * MutationObserver, then requestAnimationFrame, then the task after that frame).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { typeBurst } from '../../tests/e2e/scanner-burst';

export interface ScanTiming {
  card: string;
  /** Enter keydown → the page handles it (keys queue while the page is busy). */
  inputLagMs: number;
  /** Enter keydown → result panel in the DOM (React committed). */
  committedMs: number;
  /** Enter keydown → the frame after it painted. */
  paintedMs: number;
  outcome: string | null;
  reason: string | null;
}

type Probe = { enterAt: number; handledAt: number; committedAt: number; paintedAt: number; outcome: string | null; reason: string | null };
type ProbeWindow = Window & { __scanProbe: { arm(card: string): void; done: Promise<Probe> | null } };

/** Runs in the page before the app: the Enter keydown's time, and a wait for the panel to show a card. */
const installProbe = () => {
  const w = window as unknown as ProbeWindow;
  let lastEnter = Number.NaN;
  let handledAt = Number.NaN;
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.code !== 'Enter') return;
      lastEnter = e.timeStamp;
      handledAt = performance.now();
    },
    true,
  );
  w.__scanProbe = {
    done: null,
    arm(card) {
      lastEnter = Number.NaN;
      this.done = new Promise<Probe>((resolve) => {
        const observer = new MutationObserver(() => {
          const panel = document.querySelector('[data-testid="check-in-result"]');
          if (!panel?.textContent?.includes(card)) return;
          observer.disconnect();
          const committedAt = performance.now();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () =>
              resolve({ enterAt: lastEnter, handledAt, committedAt, paintedAt: performance.now(), outcome: panel.getAttribute('data-outcome'), reason: panel.getAttribute('data-reason') });
            channel.port2.postMessage(null);
          });
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
    },
  };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const openCheckIn = async (context: BrowserContext, url: string, blank?: Page): Promise<Page> => {
  const page = blank ?? (await context.newPage());
  await page.addInitScript(installProbe);
  await page.goto(`${url}/#/check-in`);
  const card = page.getByTestId('staff-sign-in');
  await card.waitFor({ timeout: 120_000 });
  await card.getByTestId('staff-option').filter({ hasText: '李前台' }).click();
  await page.getByTestId('sign-in-pin-input').fill('1234');
  await page.getByTestId('sign-in-pin-input').press('Enter');
  await page.getByTestId('staff-on-duty').waitFor();
  await page.waitForFunction(() => !(document.querySelector('[data-testid="badge-input"]') as HTMLInputElement | null)?.disabled);
  return page;
};

/** One scan, timed. `gapMs` of quiet after it (a desk between two people). */
export const timeScan = async (page: Page, card: string, gapMs: number, timeoutMs = 15_000): Promise<ScanTiming> => {
  await page.evaluate((c) => (window as unknown as ProbeWindow).__scanProbe.arm(c), card);
  await typeBurst(page, card, 'enter', { paced: true });
  const probe = await page.evaluate(
    (ms) =>
      Promise.race([
        (window as unknown as ProbeWindow).__scanProbe.done,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), ms)),
      ]),
    timeoutMs,
  );
  if (!probe) {
    const panel = await page.getByTestId('check-in-result').innerText().catch(() => '?');
    const field = await page.getByTestId('badge-input').inputValue().catch(() => '?');
    throw new Error(`scan ${card}: no result on the panel within ${timeoutMs / 1000} s (panel: ${JSON.stringify(panel)}, field: ${JSON.stringify(field)})`);
  }
  if (Number.isNaN(probe.enterAt)) throw new Error(`scan ${card}: the Enter keydown was not seen`);
  await sleep(gapMs);
  return {
    card,
    inputLagMs: probe.handledAt - probe.enterAt,
    committedMs: probe.committedAt - probe.enterAt,
    paintedMs: probe.paintedAt - probe.enterAt,
    outcome: probe.outcome,
    reason: probe.reason,
  };
};
