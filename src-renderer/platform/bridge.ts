/** The desk bridge: the Electron preload's `window.stationDesk` when present, else the web bridge. */
import { BRIDGE_GLOBAL, type DeskBridge } from '../../shared/ipc/bridge';
import { createWebBridge } from './web-bridge';

export const getBridge = (): DeskBridge => {
  const exposed = (globalThis as unknown as Record<string, DeskBridge | undefined>)[BRIDGE_GLOBAL];
  return exposed ?? createWebBridge();
};
