// The main window's options against Electron's security checklist.
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { createMainWindow, enforceSandbox, loadDesk, windowOptions } from './window';

describe('windowOptions', () => {
  const prefs = windowOptions('/app/dist/main/preload.cjs', { devTools: false }).webPreferences ?? {};

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['devTools', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('uses the given preload and nothing that loosens the checklist', () => {
    expect(prefs.preload).toBe('/app/dist/main/preload.cjs');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });

  it('keeps a minimized desk running at full speed', () => {
    expect(prefs.backgroundThrottling).toBe(false);
  });

  it('allows developer tools only when asked (development)', () => {
    expect(windowOptions('/p', { devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('window wiring', () => {
  it('forces the sandbox for every renderer', () => {
    const app = { enableSandbox: vi.fn() };
    enforceSandbox(app);
    expect(app.enableSandbox).toHaveBeenCalledOnce();
  });

  it('creates the window hidden with the checklist options and loads app://desk', async () => {
    const created: BrowserWindowConstructorOptions[] = [];
    const once = vi.fn();
    class FakeWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        created.push(options);
      }
      once = once;
    }
    const window = createMainWindow(FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow, '/p.cjs', { devTools: false });
    expect(created[0]?.show).toBe(false);
    expect(created[0]?.webPreferences?.sandbox).toBe(true);
    expect(once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
    const loadURL = vi.fn(() => Promise.resolve());
    loadDesk({ loadURL });
    expect(loadURL).toHaveBeenCalledWith('app://desk/index.html');
    expect(window).toBeInstanceOf(FakeWindow);
  });
});
