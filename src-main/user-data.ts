/**
 * Where the desk keeps its data (local database, credentials, printed labels). The
 * STATION_DESK_USER_DATA environment variable moves it, so each test run (and each simulated
 * desk) gets its own folder. Must run before app 'ready', when Chromium fixes its storage paths.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { App } from 'electron';

export const USER_DATA_ENV = 'STATION_DESK_USER_DATA';

/** The absolute folder named by the environment, or null to keep Electron's default. */
export const userDataFromEnv = (env: Readonly<Record<string, string | undefined>>, cwd: string): string | null => {
  const value = env[USER_DATA_ENV]?.trim();
  if (!value) return null;
  if (value.includes('\0')) throw new Error(`${USER_DATA_ENV} contains a NUL character`);
  return path.resolve(cwd, value);
};

/** Applies STATION_DESK_USER_DATA (creating the folder) and returns the userData path in use. */
export const applyUserDataPath = (app: Pick<App, 'setPath' | 'getPath' | 'isReady'>, env: Readonly<Record<string, string | undefined>>): string => {
  const dir = userDataFromEnv(env, process.cwd());
  if (dir) {
    if (app.isReady()) throw new Error(`${USER_DATA_ENV} must be applied before the app is ready`);
    mkdirSync(dir, { recursive: true });
    app.setPath('userData', dir);
    app.setPath('sessionData', dir);
  }
  return app.getPath('userData');
};
