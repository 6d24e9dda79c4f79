/**
 * Threat: a page that gains script execution (XSS through a member name, a malicious label, a
 * compromised dependency) escalates to the operating system. Closed by running the renderer
 * sandboxed and context-isolated with no Node.js, web security on, no <webview>, no insecure
 * content, and only the preload's named methods as a bridge (Electron security checklist 1–7).
 */
import type { App, BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export interface WindowSettings {
  /** Developer tools: on in development, off in packaged builds. */
  devTools: boolean;
}

/** The main window's options: the security checklist lives in `webPreferences`. */
export const windowOptions = (preloadPath: string, settings: WindowSettings): BrowserWindowConstructorOptions => ({
  width: 1280,
  height: 800,
  minWidth: 1024,
  minHeight: 640,
  show: false,
  title: 'Station Desk 驿站前台',
  backgroundColor: '#ffffff',
  autoHideMenuBar: true,
  webPreferences: {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: settings.devTools,
    // A minimized desk must keep syncing and expiring bookings (docs/sync-protocol.md).
    backgroundThrottling: false,
  },
});

/** Forces the sandbox on every renderer, including any created without our options. Before ready. */
export const enforceSandbox = (app: Pick<App, 'enableSandbox'>): void => app.enableSandbox();

type WindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** Creates the desk window (hidden until painted). Load it with `loadDesk` once IPC is wired. */
export const createMainWindow = (Window: WindowClass, preloadPath: string, settings: WindowSettings): BrowserWindow => {
  const window = new Window(windowOptions(preloadPath, settings));
  window.once('ready-to-show', () => window.show());
  return window;
};

export const loadDesk = (window: Pick<BrowserWindow, 'loadURL'>): void => {
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Station Desk: the desk UI failed to load', error);
  });
};
