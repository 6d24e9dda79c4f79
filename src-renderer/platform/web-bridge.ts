/**
 * The bridge in a plain browser (the web build for tablets, and the E2E tests). Same interface
 * as the Electron preload. There is no main process here: enrollment and tokens are in
 * web-device.ts (refresh token in an HttpOnly cookie, never in page scripts).
 */
import type { DeskBridge } from '../../shared/ipc/bridge';
import type { AccessToken } from '../../shared/ipc/channels';
import { printInSandboxedFrame } from './print-frame';
import { createWebDevice, type WebDeviceDeps } from './web-device';

export interface WebBridge extends DeskBridge {
  /** Like getAccessToken, but can refresh on demand (after the server called the token expired). */
  getTokenForSync(options?: { forceRefresh?: boolean }): Promise<AccessToken | null>;
}

const webBridges = new WeakSet<DeskBridge>();
export const isWebBridge = (bridge: DeskBridge): bridge is WebBridge => webBridges.has(bridge);

export const createWebBridge = (deps: WebDeviceDeps = {}): WebBridge => {
  const device = createWebDevice(deps);
  const bridge: WebBridge = {
    getAppInfo: async () => ({
      version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
      shell: 'web',
      platform: navigator.platform || 'web',
      locale: navigator.language,
    }),
    getDeviceStatus: device.status,
    enrollDevice: device.enroll,
    getAccessToken: () => device.getAccessToken(),
    getTokenForSync: device.getAccessToken,
    forgetDevice: device.forget,
    reportPendingWrites: async () => undefined,
    printLabels: ({ html, title }) => printInSandboxedFrame(html, title),
    getPiiKey: async () => '',
    onQuitBlocked: () => () => undefined,
  };
  webBridges.add(bridge);
  return bridge;
};
