/**
 * The bridge in a plain browser (the web build for tablets, and the E2E tests). Same interface
 * as the Electron preload. There is no main process here, so the web build keeps its device
 * record in localStorage; see server auth for how its refresh token stays out of page scripts.
 */
import type { DeskBridge } from '../../shared/ipc/bridge';
import type { DeviceStatus } from '../../shared/ipc/channels';
import { ulid } from '../../shared/ids';

const DEVICE_KEY = 'station-desk.device';

const localDevice = (): DeviceStatus => {
  const stored = globalThis.localStorage?.getItem(DEVICE_KEY);
  if (stored) {
    try {
      return JSON.parse(stored) as DeviceStatus;
    } catch {
      // a corrupt record is replaced below
    }
  }
  const fresh: DeviceStatus = { enrolled: false, serverUrl: '', deviceId: `LOCAL-${ulid()}`, stationId: '', deskName: '' };
  globalThis.localStorage?.setItem(DEVICE_KEY, JSON.stringify(fresh));
  return fresh;
};

export const createWebBridge = (): DeskBridge => ({
  getAppInfo: async () => ({
    version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
    shell: 'web',
    platform: navigator.platform || 'web',
    locale: navigator.language,
  }),
  getDeviceStatus: async () => localDevice(),
  enrollDevice: async () => {
    throw new Error('Enrollment needs the central server (see issue: server and sync).');
  },
  getAccessToken: async () => null,
  forgetDevice: async () => {
    globalThis.localStorage?.removeItem(DEVICE_KEY);
    return localDevice();
  },
  reportPendingWrites: async () => undefined,
  printLabels: async ({ html, title }) => {
    const frame = window.open('', '_blank', 'noopener=no');
    if (!frame) return { ok: false, path: '' };
    frame.document.title = title;
    frame.document.body.innerHTML = html;
    frame.print();
    return { ok: true, path: '' };
  },
  getPiiKey: async () => '',
  onQuitBlocked: () => () => undefined,
});
