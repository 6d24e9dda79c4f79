/**
 * Threat: two copies of the desk on one PC open the same local database and credential files,
 * racing each other's writes and rotating the same refresh token twice (which the server
 * treats as token theft and revokes the desk). Closed by taking the single-instance lock:
 * a second launch quits and focuses the running desk instead.
 */
import type { App, BrowserWindow } from 'electron';

/** Brings a window to the front, restoring it when minimized. */
export const focusWindow = (window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'> | null): void => {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
};

/**
 * Returns false when another instance already runs (this one then quits). The lock is per
 * userData folder, so call it after `applyUserDataPath`.
 */
export const acquireSingleInstance = (
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  getWindow: () => Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'> | null,
): boolean => {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusWindow(getWindow()));
  return true;
};
