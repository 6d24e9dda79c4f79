/** Plain sentences for sync errors and times, shared by the status bar, sync and settings screens. */
import type { TFunction } from 'i18next';

/** One sentence staff can act on, for a server ErrorCode or a local reason; never a bare code. */
export const syncErrorText = (t: TFunction, code: string): string => {
  const key = `syncError.${code}`;
  const text = t(key);
  return text === key ? t('syncError.unknown', { code }) : text;
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
