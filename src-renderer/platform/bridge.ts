/** The desk bridge: the Electron preload's `window.stationDesk` when present, else the web bridge. */
import { BRIDGE_GLOBAL, type DeskBridge } from '../../shared/ipc/bridge';
import type { AccessToken } from '../../shared/ipc/channels';
import { createWebBridge, isWebBridge } from './web-bridge';

export const getBridge = (): DeskBridge => {
  const exposed = (globalThis as unknown as Record<string, DeskBridge | undefined>)[BRIDGE_GLOBAL];
  return exposed ?? createWebBridge();
};

/**
 * Access tokens for sync. After a 401 TOKEN_EXPIRED the web bridge refreshes on demand; the
 * Electron bridge has no such argument (`device:access-token` takes none) and refreshes when
 * its token is within a minute of expiry.
 */
export const accessTokenProvider =
  (bridge: DeskBridge) =>
  (options?: { forceRefresh?: boolean }): Promise<AccessToken | null> =>
    isWebBridge(bridge) ? bridge.getTokenForSync(options) : bridge.getAccessToken();
