/** The desk bridge: the Electron preload's `window.stationDesk` when present, else the web bridge. */
import { BRIDGE_GLOBAL, type DeskBridge } from '../../shared/ipc/bridge';
import type { AccessToken } from '../../shared/ipc/channels';
import { createWebBridge, isWebBridge } from './web-bridge';

export const getBridge = (): DeskBridge => {
  const exposed = (globalThis as unknown as Record<string, DeskBridge | undefined>)[BRIDGE_GLOBAL];
  return exposed ?? createWebBridge();
};

/** Access tokens for sync; after a 401 TOKEN_EXPIRED both bridges refresh on demand. */
export const accessTokenProvider =
  (bridge: DeskBridge) =>
  (options?: { forceRefresh?: boolean }): Promise<AccessToken | null> =>
    isWebBridge(bridge) ? bridge.getTokenForSync(options) : bridge.getAccessToken(options);
