// Quit guard: unsynced writes block quitting until staff confirm.
import { describe, expect, it, vi } from 'vitest';
import { createQuitGuard, installQuitGuard, quitDialogText } from './quit-guard';

const flush = () => new Promise((resolve) => setImmediate(resolve));

const setup = (answer: boolean | Error) => {
  const deps = {
    confirm: vi.fn(() => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer))),
    notifyBlocked: vi.fn(),
    quit: vi.fn(),
  };
  return { deps, guard: createQuitGuard(deps) };
};

describe('createQuitGuard', () => {
  it('lets the app quit when nothing is pending', () => {
    const { deps, guard } = setup(false);
    const event = { preventDefault: vi.fn() };
    guard.onQuitRequested(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(deps.confirm).not.toHaveBeenCalled();
  });

  it('blocks and tells the renderer when staff choose to wait', async () => {
    const { deps, guard } = setup(false);
    guard.setPending(7);
    const event = { preventDefault: vi.fn() };
    guard.onQuitRequested(event);
    await flush();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(deps.confirm).toHaveBeenCalledWith(7);
    expect(deps.notifyBlocked).toHaveBeenCalledWith(7);
    expect(deps.quit).not.toHaveBeenCalled();
  });

  it('quits when staff confirm, and does not ask again on the follow-up quit events', async () => {
    const { deps, guard } = setup(true);
    guard.setPending(2);
    guard.onQuitRequested({ preventDefault: vi.fn() });
    await flush();
    expect(deps.quit).toHaveBeenCalledOnce();
    const followUp = { preventDefault: vi.fn() };
    guard.onQuitRequested(followUp);
    expect(followUp.preventDefault).not.toHaveBeenCalled();
    expect(deps.confirm).toHaveBeenCalledOnce();
  });

  it('shows one dialog even when close and before-quit both fire', async () => {
    const { deps, guard } = setup(false);
    guard.setPending(1);
    guard.onQuitRequested({ preventDefault: vi.fn() });
    guard.onQuitRequested({ preventDefault: vi.fn() });
    await flush();
    expect(deps.confirm).toHaveBeenCalledOnce();
  });

  it('stays open if the dialog fails', async () => {
    const { deps, guard } = setup(new Error('no display'));
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    guard.setPending(1);
    guard.onQuitRequested({ preventDefault: vi.fn() });
    await flush();
    spy.mockRestore();
    expect(deps.quit).not.toHaveBeenCalled();
    expect(deps.notifyBlocked).toHaveBeenCalledWith(1);
  });
});

describe('quitDialogText', () => {
  it('speaks Chinese to zh locales and English otherwise', () => {
    expect(quitDialogText('zh-CN', 3).message).toContain('还有 3 条记录');
    expect(quitDialogText('zh-TW', 3).buttons).toEqual(['继续等待同步', '仍然退出']);
    expect(quitDialogText('en-US', 3).message).toContain('3 record(s)');
    expect(quitDialogText('', 1).buttons[1]).toBe('Quit anyway');
  });
});

describe('installQuitGuard', () => {
  it('asks in a native dialog and sends app:quit-blocked when staff wait', async () => {
    const appListeners = new Map<string, (event: { preventDefault(): void }) => void>();
    const windowListeners = new Map<string, (event: { preventDefault(): void }) => void>();
    const app = { on: vi.fn((name: string, fn: never) => appListeners.set(name, fn)), quit: vi.fn(), getLocale: () => 'zh-CN' };
    const dialog = { showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) };
    const send = vi.fn();
    const window = { on: vi.fn((name: string, fn: never) => windowListeners.set(name, fn)), isDestroyed: () => false, webContents: { send } };
    const guard = installQuitGuard(app as never, dialog as never, window as never);
    guard.setPending(4);
    const event = { preventDefault: vi.fn() };
    windowListeners.get('close')?.(event);
    await flush();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ buttons: ['继续等待同步', '仍然退出'], cancelId: 0 }));
    expect(send).toHaveBeenCalledWith('app:quit-blocked', { pending: 4 });
    expect(appListeners.has('before-quit')).toBe(true);
  });
});
