/**
 * Threat: a link, redirect, `window.open` or injected <webview> takes the desk window (which
 * holds the preload bridge) to a page we did not ship, which could then call the bridge or
 * phish staff. Closed by allowing navigation only inside app://desk, denying every new window,
 * and refusing to attach <webview> guests. Applied to every webContents the app creates.
 */
import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** Navigation is allowed only to our own origin; everything else (http, file, data, javascript…) is refused. */
export const isAllowedNavigation = (url: unknown): boolean => isAppUrl(url);

type NavigationTarget = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export const blockNavigation = (contents: NavigationTarget): void => {
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      console.warn('Station Desk: blocked navigation to', String(event.url).slice(0, 200));
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    console.warn('Station Desk: blocked a new window for', url.slice(0, 200));
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
};
