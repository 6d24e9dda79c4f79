/**
 * The bridge in a plain browser (the web build for tablets, and the E2E tests). Same interface
 * as the Electron preload, built from the same IPC table: here the page itself implements every
 * channel (a missing one is a compile error). There is no main process: enrollment and tokens are
 * in web-device.ts (refresh token in an HttpOnly cookie, never in page scripts).
 */
import { bridgeFrom, type DeskBridge, invokeIn } from '../../shared/ipc/bridge';
import type { AccessToken, IpcImplementations } from '../../shared/ipc/channels';
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
  const channels: IpcImplementations = {
    'app:info': () => ({
      version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
      shell: 'web',
      platform: navigator.platform || 'web',
      locale: navigator.language,
    }),
    'device:status': device.status,
    'device:enroll': device.enroll,
    'device:access-token': () => device.getAccessToken(),
    'device:forget': device.forget,
    'sync:pending': () => undefined,
    'labels:print': ({ html, title }) => printInSandboxedFrame(html, title),
    // no main process holds a secret here: the page keeps its own non-extractable keys (data/pii-keys.ts)
    'pii:key': () => '',
  };
  // No main process sends events here (nothing blocks quitting a browser tab).
  const bridge: WebBridge = { ...bridgeFrom(invokeIn(channels), () => () => undefined), getTokenForSync: device.getAccessToken };
  webBridges.add(bridge);
  return bridge;
};
