/**
 * HTTP for sync: every request carries the protocol version and a bearer access token from the
 * bridge (the renderer never sees a refresh token). A 401 TOKEN_EXPIRED gets exactly one token
 * refresh and one retry; a dead credential reports `revoked`; every outcome is reported so the
 * status shows online / offline / error. Requests wait at a shared backoff gate first. Every
 * answer is parsed through its protocol schema (shared/protocol/messages.ts): a malformed one is
 * a BAD_RESPONSE error, retried like any other failure.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { AccessToken } from '../../../shared/ipc/channels';
import { REFRESH_CREDENTIAL_CODES } from '../../../shared/protocol/errors';
import { check } from '../../../shared/protocol/parse';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/protocol/version';
import type { BackoffGate } from './backoff';
import { httpError, SyncError, tokenSourceError } from './sync-errors';

/** Gives an access token; `forceRefresh` after the server refused the last one as expired. */
export type AccessTokenProvider = (options?: { forceRefresh?: boolean }) => Promise<AccessToken | null>;

export type SyncOutcome = { ok: true } | { ok: false; error: SyncError };

export interface SyncHttpOptions {
  serverUrl: string;
  getAccessToken: AccessTokenProvider;
  fetch: typeof fetch;
  gate: BackoffGate;
  /** Aborted by stop(): every request and wait ends. */
  signal: AbortSignal;
  timeoutMs: number;
  onOutcome(outcome: SyncOutcome): void;
}

export interface SyncHttp {
  /** The answer, checked against `schema`. */
  getJson<S extends TSchema>(path: string, schema: S): Promise<Static<S>>;
  postJson<S extends TSchema>(path: string, schema: S, body: unknown): Promise<Static<S>>;
  /** Opens a long-lived response (SSE); the timeout covers only the wait for headers. */
  openStream(path: string, signal: AbortSignal): Promise<Response>;
}

/** A 401 with these codes: refresh the access token and try once more (ERROR_TABLE's 'refresh' verdict). */
const REFRESHABLE: readonly string[] = REFRESH_CREDENTIAL_CODES;

export const createSyncHttp = (options: SyncHttpOptions): SyncHttp => {
  const { serverUrl, fetch: fetchImpl, gate, signal: stopSignal, timeoutMs } = options;
  const base = serverUrl.replace(/\/+$/, '');
  // One listener on the stop signal aborts every request in flight.
  const inflight = new Set<AbortController>();
  stopSignal.addEventListener('abort', () => {
    gate.close();
    for (const controller of inflight) controller.abort();
  });

  const fetchToken = async (forceRefresh: boolean): Promise<string> => {
    let access: AccessToken | null;
    try {
      access = await (forceRefresh ? options.getAccessToken({ forceRefresh: true }) : options.getAccessToken());
    } catch (error) {
      throw tokenSourceError(error);
    }
    if (!access) throw new SyncError(401, 'NOT_ENROLLED', 'this desk is no longer enrolled');
    return access.token;
  };

  // All requests refused with the same expired token share one refresh (ten collections pull
  // at once; a rotating refresh token must not be spent ten times).
  let forced: { rejected: string; token: Promise<string> } | null = null;
  const refreshedToken = (rejected: string): Promise<string> => {
    if (forced?.rejected !== rejected) {
      const entry = { rejected, token: fetchToken(true) };
      entry.token.catch(() => {
        if (forced === entry) forced = null;
      });
      forced = entry;
    }
    return forced.token;
  };

  /** One HTTP exchange with its own timeout; a successful STREAM keeps its body unread. */
  const exchange = async (method: string, path: string, body: unknown, signal: AbortSignal | null, token: string) => {
    const headers: Record<string, string> = {
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      authorization: `Bearer ${token}`,
      accept: method === 'STREAM' ? 'text/event-stream' : 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (stopSignal.aborted) throw new Error('sync stopped');
    const controller = new AbortController();
    const abort = () => controller.abort();
    inflight.add(controller);
    signal?.addEventListener('abort', abort);
    const timer = setTimeout(() => controller.abort(new SyncError('TIMEOUT', 'TIMEOUT', `no answer within ${timeoutMs} ms`)), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      inflight.delete(controller);
      signal?.removeEventListener('abort', abort);
    };
    try {
      const response = await fetchImpl(`${base}${path}`, {
        method: method === 'STREAM' ? 'GET' : method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        cache: 'no-store',
        redirect: 'error',
      });
      if (method === 'STREAM' && response.ok) {
        // The body stays open: only the stream's own signal (and stop) may end it now.
        clearTimeout(timer);
        signal?.addEventListener('abort', cleanup, { once: true });
        return { response, json: undefined };
      }
      const json: unknown = await response.json().catch(() => undefined);
      cleanup();
      return { response, json };
    } catch (error) {
      cleanup();
      if (signal?.aborted || stopSignal.aborted) throw error;
      const reason = controller.signal.reason;
      if (reason instanceof SyncError) throw reason;
      throw new SyncError('NETWORK', 'NETWORK', `cannot reach ${base}: ${(error as Error)?.message ?? String(error)}`);
    }
  };

  const request = async (method: string, path: string, body: unknown, signal: AbortSignal | null) => {
    try {
      if (method !== 'STREAM') await gate.wait();
      let token = await fetchToken(false);
      for (let attempt = 0; ; attempt++) {
        const { response, json } = await exchange(method, path, body, signal, token);
        if (response.ok) {
          if (method !== 'STREAM') {
            gate.succeeded();
            options.onOutcome({ ok: true });
          }
          return { response, json };
        }
        const error = httpError(response.status, json);
        if (response.status !== 401 || attempt > 0 || !REFRESHABLE.includes(error.reason)) throw error;
        token = await refreshedToken(token);
      }
    } catch (error) {
      if (signal?.aborted || stopSignal.aborted) throw error;
      const syncError = error instanceof SyncError ? error : new SyncError('LOCAL', 'LOCAL', String(error));
      // The stream's own failures do not decide the desk's state (a proxy may block SSE while
      // pull and push work); only a dead credential does. Its reconnect triggers real pulls.
      if (method !== 'STREAM') {
        if (!syncError.revoked) gate.failed();
        options.onOutcome({ ok: false, error: syncError });
      } else if (syncError.revoked) options.onOutcome({ ok: false, error: syncError });
      throw syncError;
    }
  };

  const json = async <S extends TSchema>(method: string, path: string, schema: S, body?: unknown): Promise<Static<S>> => {
    const { json: value } = await request(method, path, body, null);
    const parsed = value === undefined ? null : check(schema, value);
    if (parsed?.ok) return parsed.value;
    const error = new SyncError('BAD_RESPONSE', 'BAD_RESPONSE', `${path.split('?')[0]}: ${parsed ? `not a protocol answer (${parsed.error.message})` : 'the answer is not JSON'}`);
    gate.failed();
    options.onOutcome({ ok: false, error });
    throw error;
  };

  return {
    getJson: (path, schema) => json('GET', path, schema),
    postJson: (path, schema, body) => json('POST', path, schema, body),
    async openStream(path, signal) {
      const { response } = await request('STREAM', path, undefined, signal);
      return response;
    },
  };
};
