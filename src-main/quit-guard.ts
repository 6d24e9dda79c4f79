/**
 * Refuses to quit while the renderer reports local writes that have not reached the server,
 * unless staff confirm in a native dialog. (Unsynced writes are safe on disk and sync on the
 * next start; the guard stops a desk being switched off for days with the only copy.)
 * Main learns the count from 'sync:pending'; a blocked quit is announced with 'app:quit-blocked'.
 */
import type { App, BrowserWindow, Dialog } from 'electron';

export interface QuitGuardDeps {
  /** Asks staff; resolves true to quit anyway. */
  confirm(pending: number): Promise<boolean>;
  /** Tells the renderer the quit was refused (it shows the sync screen). */
  notifyBlocked(pending: number): void;
  quit(): void;
}

export type QuitGuard = ReturnType<typeof createQuitGuard>;

export const createQuitGuard = (deps: QuitGuardDeps) => {
  let pending = 0;
  let allowed = false;
  let asking = false;
  return {
    setPending(count: number): void {
      pending = count;
    },
    pending: (): number => pending,
    /** For app 'before-quit' and the window's 'close': prevents the quit unless it may go ahead. */
    onQuitRequested(event: { preventDefault(): void }): void {
      if (allowed || pending === 0) return;
      event.preventDefault();
      if (asking) return;
      asking = true;
      const count = pending;
      deps.confirm(count).then(
        (quitAnyway) => {
          asking = false;
          if (quitAnyway) {
            allowed = true;
            deps.quit();
          } else {
            deps.notifyBlocked(count);
          }
        },
        (error: unknown) => {
          asking = false;
          console.error('Station Desk: quit confirmation failed', error);
          deps.notifyBlocked(count);
        },
      );
    },
  };
};

export interface QuitDialogText {
  title: string;
  message: string;
  detail: string;
  /** [stay, quit anyway] */
  buttons: [string, string];
}

/** Chinese for zh-* locales, English otherwise. */
export const quitDialogText = (locale: string, pending: number): QuitDialogText =>
  /^zh\b/i.test(locale)
    ? {
        title: '驿站前台',
        message: `还有 ${pending} 条记录尚未同步到服务器。`,
        detail: '现在退出不会丢失记录，它们会在下次启动并联网后同步。建议先等待同步完成。',
        buttons: ['继续等待同步', '仍然退出'],
      }
    : {
        title: 'Station Desk',
        message: `${pending} record(s) have not reached the server yet.`,
        detail: 'Quitting now does not lose them: they sync the next time the desk starts online. Waiting for the sync is recommended.',
        buttons: ['Keep waiting', 'Quit anyway'],
      };

/** Wires the guard to Electron: native dialog, before-quit, and the main window's close. */
export const installQuitGuard = (
  app: Pick<App, 'on' | 'quit' | 'getLocale'>,
  dialog: Pick<Dialog, 'showMessageBox'>,
  window: BrowserWindow,
): QuitGuard => {
  const guard = createQuitGuard({
    async confirm(pending) {
      const text = quitDialogText(app.getLocale(), pending);
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        title: text.title,
        message: text.message,
        detail: text.detail,
        buttons: text.buttons,
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      });
      return response === 1;
    },
    notifyBlocked(pending) {
      if (!window.isDestroyed()) window.webContents.send('app:quit-blocked', { pending });
    },
    quit: () => app.quit(),
  });
  app.on('before-quit', (event) => guard.onQuitRequested(event));
  window.on('close', (event) => guard.onQuitRequested(event));
  return guard;
};
