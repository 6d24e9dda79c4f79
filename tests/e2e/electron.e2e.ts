// The desktop shell end to end: the built app (dist/main/index.cjs) starts in a fresh
// STATION_DESK_USER_DATA folder, serves the desk UI from app://desk and keeps the page away
// from Node. Runs only where an Electron binary exists; elsewhere it is reported as skipped
// with the reason (the web build E2E covers the renderer).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(root, 'dist/main/index.cjs');
const BRIDGE_METHODS = [
  'enrollDevice',
  'forgetDevice',
  'getAccessToken',
  'getAppInfo',
  'getDeviceStatus',
  'getPiiKey',
  'onQuitBlocked',
  'printLabels',
  'reportPendingWrites',
];

test('Electron shell: the desk loads from app://desk, sandboxed, with only the bridge', async () => {
  const binary = electronBinary();
  if (binary.path === null) {
    test.skip(true, `${binary.reason}; the web build E2E covers the renderer`);
    return;
  }
  expect(existsSync(MAIN), 'run `npm run build` first: dist/main/index.cjs is missing').toBe(true);
  expect(existsSync(path.join(root, 'dist/renderer/index.html')), 'run `npm run build` first: dist/renderer is missing').toBe(true);

  const userData = mkdtempSync(path.join(tmpdir(), 'station-desk-electron-'));
  // Chromium refuses to start as root without --no-sandbox (CI containers); the page still runs
  // in Electron's sandboxed-renderer mode, which is what the checks below observe.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', MAIN] : [MAIN];
  const app = await electron.launch({ executablePath: binary.path, args, cwd: root, env: { ...process.env, STATION_DESK_USER_DATA: userData } });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe('app://desk/index.html');
    await expect(page.locator('#root')).not.toBeEmpty();

    const pageFacts = await page.evaluate(() => {
      const bridge = (window as unknown as Record<string, Record<string, unknown> | undefined>).stationDesk;
      let evalBlocked = false;
      try {
        eval('1');
      } catch {
        evalBlocked = true;
      }
      return {
        bridgeKeys: bridge ? Object.keys(bridge).sort() : null,
        require: typeof (globalThis as Record<string, unknown>).require,
        process: typeof (globalThis as Record<string, unknown>).process,
        module: typeof (globalThis as Record<string, unknown>).module,
        ipcRenderer: bridge ? 'ipcRenderer' in bridge : null,
        evalBlocked,
        popup: window.open('https://example.org/') === null,
      };
    });
    expect(pageFacts).toEqual({
      bridgeKeys: BRIDGE_METHODS,
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: false,
      evalBlocked: true,
      popup: true,
    });

    const info = await page.evaluate(() => (window as unknown as { stationDesk: { getAppInfo(): Promise<{ shell: string }> } }).stationDesk.getAppInfo());
    expect(info.shell).toBe('electron');
    const csp = await page.evaluate(() => fetch('app://desk/index.html').then((r) => r.headers.get('content-security-policy')));
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');

    const mainFacts = await app.evaluate(({ app: electronApp, BrowserWindow }) => ({
      userData: electronApp.getPath('userData'),
      windows: BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
    }));
    expect(mainFacts).toEqual({ userData, windows: ['app://desk/index.html'] });
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
