/**
 * The web build's offline app shell (docs/architecture.md, "Offline start"): a service worker,
 * generated at build time by vite-plugin-pwa (Workbox), precaches every file of the build, so a
 * desk reopened in a cold browser during an outage still opens, signs staff in and works on its
 * local database. Electron loads the same files from app:// and registers nothing.
 *
 * Updates are never applied behind staff's back: a new build's worker waits until staff press
 * "reload" on the banner (or the page is closed everywhere). When the server refuses this build's
 * protocol (CLIENT_TOO_OLD), the desk asks the server for a newer shell at once and says so.
 *
 * Service workers, like Web Crypto, need a secure context (https:, or http://localhost): a
 * tablet that opened the desk at a plain http:// LAN address gets neither, and is told so.
 */
import { Workbox } from 'workbox-window';

export type ShellState =
  /** Electron: the files are local already. */
  | 'electron'
  /** Plain http:// on a LAN address: no offline start, no pass verification. */
  | 'insecure'
  /** The browser has no service workers (or they are disabled). */
  | 'unsupported'
  /** The shell is being stored for the first time. */
  | 'installing'
  /** Every file of this build is stored: the desk opens offline. */
  | 'ready'
  /** The worker could not be registered (the reason is logged). */
  | 'failed';

export interface ShellStatus {
  state: ShellState;
  /** A newer build is stored and waits for staff to reload. */
  updateWaiting: boolean;
}

export interface AppShell {
  status(): ShellStatus;
  subscribe(listener: (status: ShellStatus) => void): () => void;
  /** Ask the server for a newer build now (e.g. after CLIENT_TOO_OLD). */
  checkForUpdate(): void;
  /** Switch to the waiting build: the page reloads once the new worker controls it. */
  applyUpdate(): void;
}

export interface ShellEnvironment {
  electron: boolean;
  secure: boolean;
  serviceWorkers: boolean;
  /** The worker's URL, relative to the page (the build's base is './'). */
  workerUrl: string;
  reload(): void;
}

export const browserShellEnvironment = (electron: boolean): ShellEnvironment => ({
  electron: electron || window.location.protocol === 'app:',
  secure: window.isSecureContext,
  serviceWorkers: 'serviceWorker' in navigator,
  workerUrl: './sw.js',
  reload: () => window.location.reload(),
});

/** What the environment allows before anything is registered. */
export const initialShellState = (env: Pick<ShellEnvironment, 'electron' | 'secure' | 'serviceWorkers'>): ShellState => {
  if (env.electron) return 'electron';
  if (!env.secure) return 'insecure';
  if (!env.serviceWorkers) return 'unsupported';
  return 'installing';
};

export const startAppShell = (env: ShellEnvironment): AppShell => {
  let status: ShellStatus = { state: initialShellState(env), updateWaiting: false };
  const listeners = new Set<(s: ShellStatus) => void>();
  const set = (next: Partial<ShellStatus>) => {
    status = { ...status, ...next };
    for (const listener of listeners) listener(status);
  };
  let workbox: Workbox | null = null;
  if (status.state === 'installing') {
    workbox = new Workbox(env.workerUrl);
    workbox.addEventListener('waiting', () => set({ updateWaiting: true }));
    // the first install, or a reload that brought the new build: this build is stored
    workbox.addEventListener('activated', (event) => {
      if (!event.isUpdate) set({ state: 'ready' });
    });
    // another tab applied the update: this page still runs the old files; reload to match them
    workbox.addEventListener('controlling', (event) => {
      if (event.isUpdate) env.reload();
    });
    workbox
      .register()
      .then((registration) => {
        if (registration?.active && !registration.installing) set({ state: 'ready' });
        if (registration?.waiting) set({ updateWaiting: true });
      })
      .catch((error: unknown) => {
        console.warn('Station Desk: the offline app shell could not be installed', error);
        set({ state: 'failed' });
      });
  }
  return {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    checkForUpdate() {
      void workbox?.update().catch((error: unknown) => console.warn('Station Desk: update check failed', error));
    },
    applyUpdate() {
      if (!workbox || !status.updateWaiting) return;
      workbox.messageSkipWaiting();
    },
  };
};

/** Stand-in where no shell runs (unit tests, storybook-like harnesses). */
export const noAppShell = (state: ShellState = 'electron'): AppShell => ({
  status: () => ({ state, updateWaiting: false }),
  subscribe: () => () => undefined,
  checkForUpdate: () => undefined,
  applyUpdate: () => undefined,
});
