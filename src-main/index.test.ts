// Wiring of the main process with 'electron' replaced by recorders (the real module needs the
// binary): the order Electron requires, and that every security module is actually installed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../shared/ipc/channels';
import { WAIT_LIMIT_MS } from '../tests/support/wait';

const fake = vi.hoisted(() => {
  const log: string[] = [];
  const windows: { options: Record<string, unknown>; url?: string }[] = [];
  let ready: () => void = () => undefined;
  const fakeSession = (name: string) => ({
    setPermissionRequestHandler: () => log.push(`${name}:permission-request`),
    setPermissionCheckHandler: () => log.push(`${name}:permission-check`),
    setDevicePermissionHandler: () => log.push(`${name}:device-permission`),
    webRequest: { onBeforeRequest: () => log.push(`${name}:request-filter`) },
  });
  const sessions = { defaultSession: fakeSession('default'), label: fakeSession('label-print') };
  class BrowserWindow {
    record: { options: Record<string, unknown>; url?: string };
    webContents = { send: () => undefined, reload: () => undefined, isDestroyed: () => false };
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      windows.push(this.record);
      log.push('window:create');
    }
    once() {}
    on() {}
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      this.record.url = url;
      log.push(`window:load ${url}`);
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      isReady: () => false,
      setPath: (name: string) => log.push(`app:setPath ${name}`),
      getPath: () => '',
      enableSandbox: () => log.push('app:enableSandbox'),
      requestSingleInstanceLock: () => (log.push('app:singleInstance'), true),
      on: (event: string) => log.push(`app:on ${event}`),
      whenReady: () => (log.push('app:whenReady'), new Promise<void>((resolve) => (ready = resolve))),
      quit: () => undefined,
      exit: () => undefined,
      getVersion: () => '0.1.0',
      getLocale: () => 'zh-CN',
      isPackaged: true,
    },
    protocol: {
      registerSchemesAsPrivileged: () => log.push('protocol:registerSchemes'),
      handle: (scheme: string) => log.push(`protocol:handle ${scheme}`),
    },
    ipcMain: { handle: (channel: string) => log.push(`ipc:${channel}`) },
    session: { defaultSession: sessions.defaultSession, fromPartition: () => sessions.label },
    safeStorage: {},
    net: { fetch: () => Promise.reject(new Error('offline')) },
    dialog: {},
    shell: {},
    BrowserWindow,
  };
  return { log, windows, electron, ready: () => ready() };
});

vi.mock('electron', () => fake.electron);

let userData: string;
beforeAll(async () => {
  userData = mkdtempSync(path.join(tmpdir(), 'desk-main-'));
  vi.stubEnv('STATION_DESK_USER_DATA', userData);
  await import('./index');
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(userData, { recursive: true, force: true });
});

const index = (entry: string) => fake.log.indexOf(entry);

describe('main process wiring', () => {
  it('does the before-ready work before waiting for ready', () => {
    const ready = index('app:whenReady');
    for (const step of ['app:setPath userData', 'app:enableSandbox', 'protocol:registerSchemes', 'app:singleInstance', 'app:on web-contents-created']) {
      expect(index(step), step).toBeGreaterThanOrEqual(0);
      expect(index(step), step).toBeLessThan(ready);
    }
    expect(index('app:setPath userData')).toBeLessThan(index('app:singleInstance'));
    expect(fake.windows).toHaveLength(0);
  });

  it('after ready: permissions, protocol and every IPC handler are in place before the UI loads', async () => {
    fake.ready();
    await vi.waitFor(() => expect(fake.windows[0]?.url).toBe('app://desk/index.html'), { timeout: WAIT_LIMIT_MS });
    const load = index('window:load app://desk/index.html');
    for (const step of ['default:permission-request', 'default:permission-check', 'default:device-permission', 'label-print:permission-request', 'label-print:request-filter', 'protocol:handle app']) {
      expect(index(step), step).toBeGreaterThanOrEqual(0);
      expect(index(step), step).toBeLessThan(load);
    }
    for (const channel of IPC_CHANNELS) {
      expect(index(`ipc:${channel}`), channel).toBeGreaterThanOrEqual(0);
      expect(index(`ipc:${channel}`), channel).toBeLessThan(load);
    }
  });

  it('creates the desk window with the secure options and the bundled preload', () => {
    const prefs = fake.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false, devTools: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
  });
});
