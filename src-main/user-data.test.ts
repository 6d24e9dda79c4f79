import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { applyUserDataPath, userDataFromEnv } from './user-data';

describe('userDataFromEnv', () => {
  it('resolves STATION_DESK_USER_DATA against the working directory', () => {
    expect(userDataFromEnv({ STATION_DESK_USER_DATA: 'run-1/desk-a' }, '/work')).toBe(path.resolve('/work', 'run-1/desk-a'));
    expect(userDataFromEnv({ STATION_DESK_USER_DATA: '/tmp/desk' }, '/work')).toBe(path.resolve('/tmp/desk'));
  });

  it('keeps the default when unset or blank, and refuses NUL', () => {
    expect(userDataFromEnv({}, '/work')).toBeNull();
    expect(userDataFromEnv({ STATION_DESK_USER_DATA: '  ' }, '/work')).toBeNull();
    expect(() => userDataFromEnv({ STATION_DESK_USER_DATA: 'a\0b' }, '/work')).toThrow(/NUL/);
  });
});

describe('applyUserDataPath', () => {
  it('creates the folder and sets userData and sessionData before ready', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'desk-userdata-'));
    const dir = path.join(base, 'desk-a');
    const paths = new Map<string, string>();
    const app = { isReady: () => false, setPath: vi.fn((n: string, p: string) => paths.set(n, p)), getPath: (n: string) => paths.get(n) ?? '' };
    expect(applyUserDataPath(app as never, { STATION_DESK_USER_DATA: dir })).toBe(dir);
    expect(existsSync(dir)).toBe(true);
    expect(paths.get('sessionData')).toBe(dir);
    rmSync(base, { recursive: true, force: true });
  });

  it('refuses to move userData after ready', () => {
    const app = { isReady: () => true, setPath: vi.fn(), getPath: () => '' };
    expect(() => applyUserDataPath(app as never, { STATION_DESK_USER_DATA: path.join(tmpdir(), 'x') })).toThrow(/before the app is ready/);
    expect(app.setPath).not.toHaveBeenCalled();
  });
});
