/**
 * This desk's enrollment in the web build, where there is no main process to hold secrets.
 * Threat: a page script (XSS, a malicious extension's injected code) steals the long-lived
 * refresh token. Closed by never holding it: enroll and refresh ask the server for cookie
 * delivery (`x-token-delivery: cookie`), so the refresh token lives in an HttpOnly,
 * SameSite=Strict cookie on /api/devices; the page keeps only the short-lived access token, in
 * memory, and a non-secret device record in localStorage. Refreshes are serialised across tabs
 * (Web Locks) because a rotating refresh token spent twice revokes the desk.
 */
import type { AccessToken, DeviceStatus, EnrollArgs } from '../../shared/ipc/channels';
import { IpcValidationError, validateIpcArgs } from '../../shared/ipc/validate';
import { deviceTokensSchema, isErrorBody, TOKEN_DELIVERY_HEADER, type DeviceTokens } from '../../shared/protocol/messages';
import { check } from '../../shared/protocol/parse';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version';
import { ulid } from '../../shared/ids';

export const DEVICE_KEY = 'station-desk.device';
/** Answers to a refresh after which the cookie credential is dead. */
const DEAD = ['DEVICE_REVOKED', 'REFRESH_TOKEN_REUSED', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'UNAUTHENTICATED'];
const REFRESH_MARGIN_MS = 60_000;

export interface WebDeviceDeps {
  fetch?: typeof fetch;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  locks?: Pick<LockManager, 'request'>;
  now?: () => number;
  timeoutMs?: number;
}

/** Errors read like the Electron bridge's: "<message> [CODE]" (src-main/ipc/reply.ts). */
const failure = (code: string, message: string) => new Error(`${message} [${code}]`);

export const createWebDevice = (deps: WebDeviceDeps = {}) => {
  const fetchImpl = deps.fetch ?? globalThis.fetch?.bind(globalThis);
  const storage = deps.storage ?? globalThis.localStorage;
  const locks = deps.locks ?? globalThis.navigator?.locks;
  const now = deps.now ?? Date.now;
  let access: AccessToken | null = null;
  let refreshing: Promise<AccessToken | null> | null = null;

  const read = (): DeviceStatus => {
    const stored = storage?.getItem(DEVICE_KEY);
    if (stored) {
      try {
        return JSON.parse(stored) as DeviceStatus;
      } catch {
        // a corrupt record is replaced below
      }
    }
    const fresh: DeviceStatus = { enrolled: false, serverUrl: '', deviceId: `LOCAL-${ulid()}`, stationId: '', deskName: '' };
    storage?.setItem(DEVICE_KEY, JSON.stringify(fresh));
    return fresh;
  };
  const write = (status: DeviceStatus) => storage?.setItem(DEVICE_KEY, JSON.stringify(status));

  const post = async (serverUrl: string, path: string, body: unknown): Promise<DeviceTokens> => {
    let response: Response;
    try {
      response = await fetchImpl(`${serverUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          [TOKEN_DELIVERY_HEADER]: 'cookie',
        },
        body: JSON.stringify(body),
        credentials: 'include',
        redirect: 'error',
        cache: 'no-store',
        signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
      });
    } catch (error) {
      const timedOut = (error as Error | undefined)?.name === 'TimeoutError';
      throw failure(timedOut ? 'TIMEOUT' : 'NETWORK', `cannot reach ${serverUrl}`);
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      if (isErrorBody(json)) throw failure(json.error.code, json.error.message.slice(0, 200));
      throw failure('SERVER_ERROR', `HTTP ${response.status}`);
    }
    const parsed = check(deviceTokensSchema, json);
    if (!parsed.ok) throw failure('BAD_RESPONSE', `the server answer has no device tokens (${parsed.error.message})`);
    const tokens = parsed.value;
    // Whatever the server sent as refreshToken is dropped: the cookie holds it.
    return { deviceId: tokens.deviceId, stationId: tokens.stationId, accessToken: tokens.accessToken, accessExpiresAt: tokens.accessExpiresAt, refreshToken: '' };
  };

  const refresh = async (device: DeviceStatus): Promise<AccessToken | null> => {
    try {
      const tokens = await post(device.serverUrl, '/api/devices/refresh', { deviceId: device.deviceId, refreshToken: '' });
      if (tokens.deviceId !== device.deviceId) throw failure('BAD_RESPONSE', 'tokens for another device');
      access = { token: tokens.accessToken, expiresAt: tokens.accessExpiresAt };
      return access;
    } catch (error) {
      const code = /\[([A-Z0-9_]+)\]$/.exec((error as Error).message)?.[1] ?? '';
      if (DEAD.includes(code) && read().deviceId === device.deviceId) {
        access = null;
        write({ ...read(), enrolled: false });
      }
      throw error;
    }
  };

  return {
    status: async (): Promise<DeviceStatus> => read(),

    async enroll(args: EnrollArgs): Promise<DeviceStatus> {
      let valid: EnrollArgs;
      try {
        [valid] = validateIpcArgs('device:enroll', [args]);
      } catch (error) {
        throw failure('IPC_INVALID_ARGUMENT', error instanceof IpcValidationError ? error.message : String(error));
      }
      if (read().enrolled) throw failure('ALREADY_ENROLLED', 'this desk is already enrolled');
      const tokens = await post(valid.serverUrl, '/api/devices/enroll', { code: valid.code, deskName: valid.deskName });
      access = { token: tokens.accessToken, expiresAt: tokens.accessExpiresAt };
      const status: DeviceStatus = { enrolled: true, serverUrl: valid.serverUrl, deviceId: tokens.deviceId, stationId: tokens.stationId, deskName: valid.deskName };
      write(status);
      return status;
    },

    /** A valid access token, refreshed through the cookie when missing, expiring, or `forceRefresh`. */
    async getAccessToken(options?: { forceRefresh?: boolean }): Promise<AccessToken | null> {
      const device = read();
      if (!device.enrolled) return null;
      if (!options?.forceRefresh && access && access.expiresAt - now() > REFRESH_MARGIN_MS) return access;
      const stale = access;
      refreshing ??= (async () => {
        const run = async () => {
          // Another tab (or an earlier call) may have refreshed while we waited for the lock.
          if (access && access !== stale && access.expiresAt - now() > REFRESH_MARGIN_MS) return access;
          return refresh(device);
        };
        return locks ? ((await locks.request('station-desk.device-refresh', run)) as AccessToken | null) : run();
      })().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },

    async forget(): Promise<DeviceStatus> {
      access = null;
      storage?.removeItem(DEVICE_KEY);
      return read();
    },
  };
};
