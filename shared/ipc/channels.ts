/**
 * The one IPC channel map (`noun:verb`). Both ends are typed from it: main registers handlers
 * through `handle()` (src-main/ipc/handle.ts), the preload exposes one named method per channel.
 * Runtime validators for every channel's arguments live in `validate.ts`.
 */

export interface AppInfo {
  version: string;
  /** 'electron' inside the desktop shell, 'web' in a browser. */
  shell: 'electron' | 'web';
  platform: string;
  locale: string;
}

export interface DeviceStatus {
  enrolled: boolean;
  serverUrl: string;
  deviceId: string;
  stationId: string;
  deskName: string;
}

export interface EnrollArgs {
  serverUrl: string;
  code: string;
  deskName: string;
}

export interface AccessToken {
  token: string;
  /** ms since epoch */
  expiresAt: number;
}

export interface AccessTokenOptions {
  forceRefresh: boolean;
}

export interface LabelPrintArgs {
  /** Self-contained HTML of the label page, rendered by the desk. */
  html: string;
  title: string;
}

export interface PrintResult {
  ok: boolean;
  /** Path of the saved PDF, when printed to PDF. */
  path: string;
}

export interface IpcChannels {
  'app:info': { args: []; result: AppInfo };
  'device:status': { args: []; result: DeviceStatus };
  'device:enroll': { args: [EnrollArgs]; result: DeviceStatus };
  /** `forceRefresh`: the server refused the current token (TOKEN_EXPIRED, e.g. clock skew). */
  'device:access-token': { args: [options: AccessTokenOptions]; result: AccessToken | null };
  'device:forget': { args: []; result: DeviceStatus };
  /** The renderer reports how many local writes are not yet on the server (quit guard). */
  'sync:pending': { args: [count: number]; result: void };
  'labels:print': { args: [LabelPrintArgs]; result: PrintResult };
  /** Key that encrypts member PII at rest; held by main in safeStorage. */
  'pii:key': { args: []; result: string };
}

export type IpcChannel = keyof IpcChannels;
export type IpcArgs<C extends IpcChannel> = IpcChannels[C]['args'];
export type IpcResult<C extends IpcChannel> = IpcChannels[C]['result'];

/** Events main sends to the renderer. */
export interface IpcEvents {
  /** Staff tried to quit while writes are unsynced; the renderer shows why. */
  'app:quit-blocked': { pending: number };
}
export type IpcEvent = keyof IpcEvents;

export const IPC_CHANNELS = [
  'app:info',
  'device:status',
  'device:enroll',
  'device:access-token',
  'device:forget',
  'sync:pending',
  'labels:print',
  'pii:key',
] as const satisfies readonly IpcChannel[];

export const IPC_EVENTS = ['app:quit-blocked'] as const satisfies readonly IpcEvent[];
