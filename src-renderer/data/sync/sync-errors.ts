/**
 * Errors of the sync layer. RxDB's retry loop keeps only `name`, `message` and `code` of what a
 * handler throws (errorToPlainJson), so the HTTP status (or NETWORK / TIMEOUT) goes in `code`;
 * `reason` carries the server's ErrorCode (shared/protocol/errors.ts) or a local one, which the
 * UI turns into a sentence staff can act on.
 */
import { DEAD_CREDENTIAL_CODES, REFRESH_REFUSED_CODES } from '../../../shared/protocol/errors';
import { isErrorBody } from '../../../shared/protocol/messages';

/** Local reasons, next to the server's ErrorCodes. */
export type LocalReason = 'NETWORK' | 'TIMEOUT' | 'BAD_RESPONSE' | 'SERVER_ERROR' | 'NOT_ENROLLED' | 'LOCAL';

export class SyncError extends Error {
  constructor(
    /** HTTP status, or 'NETWORK' / 'TIMEOUT' / 'BAD_RESPONSE' when there was no usable answer. */
    readonly code: number | string,
    /** Server ErrorCode or LocalReason. */
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  /** The network is down or the server unreachable: the desk is offline, not broken. */
  get offline(): boolean {
    return this.code === 'NETWORK' || this.code === 'TIMEOUT';
  }

  get revoked(): boolean {
    return CREDENTIAL_DEAD.includes(this.reason);
  }
}

/**
 * Answers to a sync request after which this desk's credential is dead: stop, show
 * re-enrollment (ERROR_TABLE's 'dead' codes, and the local NOT_ENROLLED).
 */
export const CREDENTIAL_DEAD: readonly string[] = [...DEAD_CREDENTIAL_CODES, 'NOT_ENROLLED'];

/**
 * Codes the bridge reports when getting an access token failed because the credential is gone:
 * the answers to a refresh that Electron main forgets it on (src-main/device-errors.ts).
 */
const TOKEN_SOURCE_DEAD: readonly string[] = [...REFRESH_REFUSED_CODES, 'NOT_ENROLLED'];

/** The bridge throws `Error("<message> [CODE]")` (src-main/ipc/reply.ts); the web bridge too. */
export const bridgeErrorCode = (error: unknown): string | null => {
  const message = error instanceof Error ? error.message : String(error);
  return /\[([A-Z0-9_]+)\]\s*$/.exec(message)?.[1] ?? null;
};

/** Maps a failure of `getAccessToken()` to a SyncError. */
export const tokenSourceError = (error: unknown): SyncError => {
  const code = bridgeErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code && TOKEN_SOURCE_DEAD.includes(code)) return new SyncError(401, code === 'TOKEN_EXPIRED' || code === 'UNAUTHENTICATED' ? 'TOKEN_INVALID' : code, message);
  if (code === 'NETWORK' || code === 'TIMEOUT') return new SyncError(code, code, message);
  return new SyncError('LOCAL', code && code !== 'INTERNAL' ? code : 'LOCAL', message);
};

/** Builds the error for a non-2xx answer from its status and (maybe) `{ error: { code, message } }` body. */
export const httpError = (status: number, body: unknown): SyncError => {
  if (isErrorBody(body)) return new SyncError(status, body.error.code, body.error.message.slice(0, 300));
  return new SyncError(status, status >= 500 ? 'SERVER_ERROR' : 'BAD_RESPONSE', `HTTP ${status}`);
};
