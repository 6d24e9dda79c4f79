/**
 * The one IPC table (`noun:verb`). `IpcChannels` holds each channel's types (arguments, result),
 * `IPC_TABLE` its run-time facts (the bridge method the page calls, how many arguments go over);
 * both are keyed by the same names, and everything else is derived from them:
 * - the page's bridge type `DeskBridge` and its builder `bridgeFrom` (bridge.ts), used by the
 *   Electron preload (src-main/preload) and the web bridge (src-renderer/platform/web-bridge.ts);
 * - main's handlers (src-main/ipc/handlers.ts) and validators (validate.ts), one per channel.
 * A channel missing from any of them is a compile error. Invoke channels go page → main (in the
 * browser the web bridge stands in for main); events (`IPC_EVENT_TABLE`) go main → page.
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

/** `params`: what the page's method takes, when it differs from what goes over IPC (`args`). */
export interface IpcChannels {
  'app:info': { args: []; result: AppInfo };
  'device:status': { args: []; result: DeviceStatus };
  'device:enroll': { args: [EnrollArgs]; result: DeviceStatus };
  /** `forceRefresh`: the server refused the current token (TOKEN_EXPIRED, e.g. clock skew). */
  'device:access-token': { args: [options: AccessTokenOptions]; params: [options?: Partial<AccessTokenOptions>]; result: AccessToken | null };
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
/** What the page's bridge method takes for a channel. */
export type IpcParams<C extends IpcChannel> = IpcChannels[C] extends { params: infer P extends unknown[] } ? P : IpcArgs<C>;

/** One side's implementation of a channel: main's handler (after validation), or the web build's. */
export type IpcImplementation<C extends IpcChannel> = (...args: IpcArgs<C>) => IpcResult<C> | Promise<IpcResult<C>>;
/** Every channel implemented: a missing one is a compile error. */
export type IpcImplementations = { [C in IpcChannel]: IpcImplementation<C> };

export interface IpcChannelEntry<C extends IpcChannel> {
  /** The page's bridge method for this channel. */
  method: string;
  /** How many arguments go over IPC; extra ones the page passes are dropped. */
  arity: IpcArgs<C>['length'];
  /** Turns the method's parameters into the channel's arguments, where they differ. */
  toArgs?: (...params: IpcParams<C>) => IpcArgs<C>;
}

export const IPC_TABLE = {
  'app:info': { method: 'getAppInfo', arity: 0 },
  'device:status': { method: 'getDeviceStatus', arity: 0 },
  'device:enroll': { method: 'enrollDevice', arity: 1 },
  'device:access-token': { method: 'getAccessToken', arity: 1, toArgs: (options) => [{ forceRefresh: options?.forceRefresh === true }] },
  'device:forget': { method: 'forgetDevice', arity: 0 },
  'sync:pending': { method: 'reportPendingWrites', arity: 1 },
  'labels:print': { method: 'printLabels', arity: 1 },
  'pii:key': { method: 'getPiiKey', arity: 0 },
} as const satisfies { [C in IpcChannel]: IpcChannelEntry<C> };

export const IPC_CHANNELS = Object.keys(IPC_TABLE) as readonly IpcChannel[];

/** Events main sends to the renderer. */
export interface IpcEvents {
  /** Staff tried to quit while writes are unsynced; the renderer shows why. */
  'app:quit-blocked': { pending: number };
}
export type IpcEvent = keyof IpcEvents;

export interface IpcEventEntry<E extends IpcEvent> {
  /** The page's subscribe method; it returns an unsubscribe function. */
  method: string;
  /** Rebuilds the payload from what arrived, so only the declared fields reach the page. */
  payload: (raw: unknown) => IpcEvents[E];
}

export const IPC_EVENT_TABLE = {
  'app:quit-blocked': {
    method: 'onQuitBlocked',
    payload: (raw) => ({ pending: Number((raw as { pending?: unknown } | null)?.pending) || 0 }),
  },
} as const satisfies { [E in IpcEvent]: IpcEventEntry<E> };

export const IPC_EVENTS = Object.keys(IPC_EVENT_TABLE) as readonly IpcEvent[];
