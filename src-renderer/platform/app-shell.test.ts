import { describe, expect, it } from 'vitest';
import { initialShellState, noAppShell } from './app-shell';

describe('the offline app shell', () => {
  it.each([
    [{ electron: true, secure: false, serviceWorkers: false }, 'electron'],
    [{ electron: false, secure: false, serviceWorkers: true }, 'insecure'],
    [{ electron: false, secure: true, serviceWorkers: false }, 'unsupported'],
    [{ electron: false, secure: true, serviceWorkers: true }, 'installing'],
  ] as const)('starts in the state the environment allows: %o → %s', (env, state) => {
    expect(initialShellState(env)).toBe(state);
  });

  it('a stand-in shell never has an update and ignores requests', () => {
    const shell = noAppShell();
    shell.checkForUpdate();
    shell.applyUpdate();
    expect(shell.status()).toEqual({ state: 'electron', updateWaiting: false });
  });
});
