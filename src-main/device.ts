/**
 * Threat: the refresh token (long-lived access to the station's data) leaks to a page, or two
 * overlapping refreshes spend the same rotating refresh token twice and get the desk revoked.
 * Closed by keeping the refresh token in main only (the renderer receives short-lived access
 * tokens), running at most one refresh at a time, and storing each rotated token before use.
 *
 * Enroll:  POST {serverUrl}/api/devices/enroll   EnrollRequest  → DeviceTokens
 * Refresh: POST {serverUrl}/api/devices/refresh  RefreshRequest → DeviceTokens (rotated)
 */
import type { AccessToken, DeviceStatus, EnrollArgs } from '../shared/ipc/channels';
import { deviceTokensSchema, isErrorBody, type DeviceTokens, type EnrollRequest, type RefreshRequest } from '../shared/protocol/messages';
import { check } from '../shared/protocol/parse';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../shared/protocol/version';
import type { SecretStore } from './credentials';
import { alreadyEnrolled, badResponse, CREDENTIAL_DEAD_CODES, httpFailure, notEnrolled, serverRefused, timedOut, unreachable } from './device-errors';
import { PublicError } from './public-error';

/** What main stores (encrypted) about this desk. */
export interface DeviceCredential extends DeviceTokens {
  serverUrl: string;
  deskName: string;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

const TOKEN_MAX = 8192;
const FORCED_REFRESH_MIN_MS = 30_000;

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= TOKEN_MAX;

/**
 * Checks a DeviceTokens body from the server against the protocol schema; the server is trusted,
 * but not blindly. Main always takes the refresh token in the body, so it must not be empty.
 */
export const parseDeviceTokens = (value: unknown): DeviceTokens | null => {
  const parsed = check(deviceTokensSchema, value);
  if (!parsed.ok) return null;
  const v = parsed.value;
  if (![v.deviceId, v.stationId, v.accessToken, v.refreshToken].every(isText)) return null;
  return { deviceId: v.deviceId, stationId: v.stationId, accessToken: v.accessToken, accessExpiresAt: v.accessExpiresAt, refreshToken: v.refreshToken };
};

export const parseDeviceCredential = (value: unknown): DeviceCredential => {
  const tokens = parseDeviceTokens(value);
  const v = value as Record<string, unknown>;
  if (!tokens || !isText(v.serverUrl) || typeof v.deskName !== 'string') throw new Error('malformed device credential');
  return { ...tokens, serverUrl: v.serverUrl, deskName: v.deskName };
};

const NOT_ENROLLED: DeviceStatus = { enrolled: false, serverUrl: '', deviceId: '', stationId: '', deskName: '' };

const statusOf = (credential: DeviceCredential | null): DeviceStatus =>
  credential
    ? { enrolled: true, serverUrl: credential.serverUrl, deviceId: credential.deviceId, stationId: credential.stationId, deskName: credential.deskName }
    : NOT_ENROLLED;

export interface DeviceServiceOptions {
  store: SecretStore<DeviceCredential>;
  /** Electron's net.fetch in the app (system proxy and certificates); Node's fetch in tests. */
  fetch?: FetchLike;
  now?: () => number;
  timeoutMs?: number;
  /** Refresh this long before the access token expires. */
  refreshMarginMs?: number;
}

export type DeviceService = ReturnType<typeof createDeviceService>;

export const createDeviceService = (options: DeviceServiceOptions) => {
  const { store, fetch: fetchImpl = globalThis.fetch, now = Date.now, timeoutMs = 15_000, refreshMarginMs = 60_000 } = options;
  let cache: DeviceCredential | null | undefined;
  let refreshing: Promise<AccessToken> | null = null;
  let lastForcedAt = -Infinity;
  /** Bumped by forget(): a refresh that finishes afterwards must not resurrect the credential. */
  let generation = 0;

  const load = async (): Promise<DeviceCredential | null> => {
    if (cache === undefined) cache = await store.read();
    return cache;
  };

  const post = async (serverUrl: string, path: string, body: EnrollRequest | RefreshRequest): Promise<DeviceTokens> => {
    const origin = new URL(serverUrl).origin;
    let response: Response;
    try {
      response = await fetchImpl(`${serverUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
        body: JSON.stringify(body),
        // Never follow a redirect with a token in the body (it could leave https or the host).
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw (error as Error | undefined)?.name === 'TimeoutError' ? timedOut(origin) : unreachable(origin);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      if (isErrorBody(json)) throw serverRefused(json.error.code, json.error.message);
      throw httpFailure(response.status);
    }
    const tokens = parseDeviceTokens(json);
    if (!tokens) throw badResponse(json === undefined ? 'not JSON' : 'no device tokens');
    return tokens;
  };

  const refresh = async (credential: DeviceCredential, started: number): Promise<AccessToken> => {
    let tokens: DeviceTokens;
    try {
      tokens = await post(credential.serverUrl, '/api/devices/refresh', { deviceId: credential.deviceId, refreshToken: credential.refreshToken });
    } catch (error) {
      if (error instanceof PublicError && CREDENTIAL_DEAD_CODES.includes(error.code) && started === generation) {
        cache = null;
        await store.clear();
      }
      throw error;
    }
    if (tokens.deviceId !== credential.deviceId || tokens.stationId !== credential.stationId) throw badResponse('tokens for another device');
    if (started !== generation) throw notEnrolled();
    const next: DeviceCredential = { ...credential, ...tokens };
    cache = next;
    try {
      await store.write(next);
    } catch (error) {
      // The server already rotated: keep the new token in memory so this session keeps working.
      console.error('Station Desk: could not store the rotated device credential', error);
    }
    return { token: next.accessToken, expiresAt: next.accessExpiresAt };
  };

  return {
    /** The enrolled server's base URL (for the CSP), once loaded. */
    serverUrl: (): string | null => cache?.serverUrl ?? null,

    load,

    async status(): Promise<DeviceStatus> {
      return statusOf(await load());
    },

    /** `args` come validated and normalised by shared/ipc/validate.ts. */
    async enroll(args: EnrollArgs): Promise<DeviceStatus> {
      if (await load()) throw alreadyEnrolled();
      // A one-time code must not be spent when the tokens could not be stored afterwards.
      await store.assertWritable();
      const tokens = await post(args.serverUrl, '/api/devices/enroll', { code: args.code, deskName: args.deskName });
      const credential: DeviceCredential = { ...tokens, serverUrl: args.serverUrl, deskName: args.deskName };
      await store.write(credential);
      cache = credential;
      return statusOf(credential);
    },

    /** A valid access token (refreshed when close to expiry), or null when not enrolled. */
    /**
     * The current access token, refreshed when close to expiry — or when the server refused it
     * (`forceRefresh`), at most once per FORCED_REFRESH_MIN_MS so a misbehaving page cannot spin
     * the rotating refresh token.
     */
    async getAccessToken(options: { forceRefresh?: boolean } = {}): Promise<AccessToken | null> {
      const started = generation;
      const credential = await load();
      if (!credential) return null;
      const forced = options.forceRefresh === true && now() - lastForcedAt >= FORCED_REFRESH_MIN_MS;
      if (forced) lastForcedAt = now();
      if (!forced && credential.accessExpiresAt - now() > refreshMarginMs) return { token: credential.accessToken, expiresAt: credential.accessExpiresAt };
      refreshing ??= refresh(credential, started).finally(() => {
        refreshing = null;
      });
      return refreshing;
    },

    async forget(): Promise<DeviceStatus> {
      generation++;
      cache = null;
      await store.clear();
      return NOT_ENROLLED;
    },
  };
};
