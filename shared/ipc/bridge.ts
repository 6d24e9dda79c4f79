/**
 * The bridge the renderer sees as `window.stationDesk`. Two implementations: the Electron
 * preload (src-main/preload) and the web build (src-renderer/platform/web-bridge.ts).
 * Named methods only; subscriptions return an unsubscribe function.
 */
import type { AccessToken, AppInfo, DeviceStatus, EnrollArgs, IpcEvents, LabelPrintArgs, PrintResult } from './channels';

export interface DeskBridge {
  getAppInfo(): Promise<AppInfo>;
  getDeviceStatus(): Promise<DeviceStatus>;
  enrollDevice(args: EnrollArgs): Promise<DeviceStatus>;
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<AccessToken | null>;
  forgetDevice(): Promise<DeviceStatus>;
  reportPendingWrites(count: number): Promise<void>;
  printLabels(args: LabelPrintArgs): Promise<PrintResult>;
  getPiiKey(): Promise<string>;
  onQuitBlocked(listener: (event: IpcEvents['app:quit-blocked']) => void): () => void;
}

export const BRIDGE_GLOBAL = 'stationDesk';
