// Scanners in real Chromium on the built web renderer, served by the real server with its CSP:
// - the scanner test page in settings reads a scanner burst (CDP key events stamped as a scanner
//   types them, so a busy machine cannot stretch the burst), keeps human
//   typing in the field, and restores a field an IME filled with composition junk;
// - the camera test reads a QR code from Chromium's fake camera (a Y4M video made here),
//   decoded by @zxing/library in the Web Worker, with no CSP violation on the way.
import { chromium, type Page } from '@playwright/test';
import bwipjs from 'bwip-js/node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { expect, followSimulatedClock, test } from './fixtures';
import { typeBurst } from './scanner-burst';

const CARD = '310000000001';
const PASS = 'SD1.eyJtIjoiMDFKOVg3UTJNNFo4SzNONlI1VDBXMVk5QTIifQ.c2lnbmF0dXJl-_Ab';

/** Generous thresholds: Playwright's key events on a busy CI machine are slower than a real scanner. */
const E2E_SCANNER_OPTIONS = { maxAvgIntervalMs: 60, minLength: 4, maxGapMs: 200, flushWithoutTerminator: true, tabTerminates: false, debounceMs: 5000 };

const openScannerTest = async (page: Page, url: string) => {
  await page.goto(`${url}/#/settings`);
  await page.evaluate((options) => localStorage.setItem('station-desk.scanner', JSON.stringify(options)), E2E_SCANNER_OPTIONS);
  await page.reload();
  const input = page.getByTestId('scanner-test-input');
  await input.click();
  return input;
};

const logRows = (page: Page) => page.getByTestId('scanner-log').locator('tbody tr[data-verdict]');

test('the scanner test page reads a burst and leaves human typing in the field', async ({ desk }) => {
  const { page } = desk;
  const input = await openScannerTest(page, desk.url);

  await page.keyboard.type('ab', { delay: 400 });
  await page.waitForTimeout(400); // a pause, as between typing and picking up the scanner
  await typeBurst(page, CARD);
  await page.waitForTimeout(400);
  await page.keyboard.type('c', { delay: 400 });

  await expect(logRows(page).first()).toHaveAttribute('data-verdict', 'scanner');
  await expect(logRows(page).first()).toContainText(CARD);
  await expect(logRows(page).first()).toContainText('扫码枪');
  await expect(input).toHaveValue('abc');

  // the same code again at once: dropped as a duplicate, and Enter does not reach the field
  await typeBurst(page, CARD);
  await expect(logRows(page).first()).toHaveAttribute('data-verdict', 'duplicate');
  await expect(input).toHaveValue('abc');

  // a person typing a code and Enter: listed as typed by hand; Enter clears the test box as usual
  await page.keyboard.type('3100', { delay: 300 });
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue('');
});

test('a burst under an active IME is read from physical keys and the junk leaves the field', async ({ desk }) => {
  const { page } = desk;
  const input = await openScannerTest(page, desk.url);
  await page.keyboard.type('12', { delay: 300 });
  await page.waitForTimeout(300);

  // What Chromium delivers with a Chinese IME on: keydown 'Process'/229 with the right `code`,
  // composition events, and composition text written into the field.
  await page.evaluate((text) => {
    const field = document.activeElement as HTMLInputElement;
    const setValue = (value: string) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, value);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const key = (code: string, shiftKey = false) =>
      field.dispatchEvent(new KeyboardEvent('keydown', { code, key: 'Process', keyCode: 229, shiftKey, bubbles: true, cancelable: true, isComposing: true }));
    field.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    let junk = field.value;
    for (const ch of text) {
      const code = /[0-9]/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`;
      key(code, /[A-Z]/.test(ch));
      junk += '拼';
      setValue(junk);
    }
    key('Enter');
    setValue(`${junk}山东`);
    field.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '山东' }));
  }, 'AB310000000009');

  await expect(logRows(page).first()).toHaveAttribute('data-verdict', 'scanner');
  await expect(logRows(page).first()).toContainText('AB310000000009');
  await expect(logRows(page).first()).toContainText('输入法开启');
  await expect(input).toHaveValue('12');
});

/** A Y4M video (Chromium's fake camera input): a QR code, dark on light, in the middle of each frame. */
const qrVideo = (text: string, file: string) => {
  const [symbol] = bwipjs.raw('qrcode', text, {}) as { pixs: number[]; pixx: number; pixy: number }[];
  if (!symbol) throw new Error('no QR');
  const width = 640;
  const height = 480;
  const scale = Math.floor(360 / symbol.pixx);
  const left = Math.floor((width - symbol.pixx * scale) / 2);
  const top = Math.floor((height - symbol.pixy * scale) / 2);
  const luma = Buffer.alloc(width * height, 225);
  symbol.pixs.forEach((on, i) => {
    if (!on) return;
    const x0 = left + (i % symbol.pixx) * scale;
    const y0 = top + Math.floor(i / symbol.pixx) * scale;
    for (let y = y0; y < y0 + scale; y++) luma.fill(20, y * width + x0, y * width + x0 + scale);
  });
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
};

test('the camera test reads a QR code through the decode worker, within the CSP', async () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL not set: global setup did not run');
  const dir = mkdtempSync(join(tmpdir(), 'station-desk-e2e-camera-'));
  const video = join(dir, 'qr.y4m');
  qrVideo(PASS, video);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
  });
  await followSimulatedClock(context);
  try {
    await context.grantPermissions(['camera'], { origin: url });
    const page = context.pages()[0] ?? (await context.newPage());
    const problems: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|unsafe-eval|Refused/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${url}/#/settings`);
    await page.getByTestId('camera-test').click();
    await expect(page.getByTestId('camera-scanner')).toHaveAttribute('data-status', 'running');
    await expect(page.getByTestId('camera-last')).toContainText(PASS, { timeout: 20_000 });
    await expect(page.getByTestId('camera-last')).toContainText('QR');
    expect(problems).toEqual([]);
    await page.getByTestId('camera-test').click();
    await expect(page.getByTestId('camera-scanner')).toHaveCount(0);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
