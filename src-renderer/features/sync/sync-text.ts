/**
 * Plain sentences for sync errors and times, shared by the status bar, sync and settings screens.
 * Staff see a sentence in the desk's language for every code, never the server's or the
 * browser's own English: the server's codes are the error table's (docs/sync-protocol.md, errors),
 * the local ones name what went wrong on the desk's side.
 */
import type { TFunction } from 'i18next';
import { ERROR_TABLE, isErrorCode } from '../../../shared/protocol/errors';

/** Reasons the desk itself gives (no usable answer, or the bridge's own refusals). */
export const LOCAL_ERROR_REASONS: readonly string[] = ['NETWORK', 'TIMEOUT', 'BAD_RESPONSE', 'SERVER_ERROR', 'NOT_ENROLLED', 'ALREADY_ENROLLED', 'IPC_INVALID_ARGUMENT', 'LOCAL'];

/** One sentence staff can act on, for a server ErrorCode or a local reason; an unknown code gets a general sentence naming it. */
export const syncErrorText = (t: TFunction, code: string): string => {
  const known = isErrorCode(code) ? ERROR_TABLE[code].staffVisible : LOCAL_ERROR_REASONS.includes(code);
  return known ? t(`syncError.${code}`) : t('syncError.unknown', { code });
};

/** The code of a bridge error: `Error("<message> [CODE]")` (Electron preload and web bridge). */
export const errorCodeOf = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  return /\[([A-Z0-9_]+)\]\s*$/.exec(message)?.[1] ?? 'LOCAL';
};

/** Today: time only; other days: date and time. */
export const formatSyncTime = (at: number, language: string, now = Date.now()): string => {
  const date = new Date(at);
  const sameDay = date.toDateString() === new Date(now).toDateString();
  return sameDay ? date.toLocaleTimeString(language) : date.toLocaleString(language);
};
