// The IPC gate: sender check, argument validation and error filtering, for every channel.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PublicError } from '../public-error';
import type { SenderInfo } from './handle';
import { checkSender, createHandle, invokeChecked, senderInfoOf } from './handle';

const GOOD: SenderInfo = { hasFrame: true, url: 'app://desk/index.html', isMainFrame: true, fromOurWindow: true };

describe('checkSender', () => {
  it('accepts the main frame of our window at app://desk', () => {
    expect(checkSender(GOOD)).toEqual({ ok: true });
    expect(checkSender({ ...GOOD, url: 'app://desk/bookings?day=1#x' })).toEqual({ ok: true });
  });

  it.each([
    ['no sender frame (navigated away or destroyed)', { hasFrame: false }],
    ['a subframe', { isMainFrame: false }],
    ['another window', { fromOurWindow: false }],
    ['another origin', { url: 'https://evil.example/' }],
    ['a look-alike origin', { url: 'app://desk.evil/index.html' }],
    ['user info in URL', { url: 'app://desk@evil/index.html' }],
    ['file://', { url: 'file:///C:/Users/desk/evil.html' }],
    ['DevTools', { url: 'devtools://devtools/bundled/devtools_app.html' }],
    ['about:blank', { url: 'about:blank' }],
    ['data: URL', { url: 'data:text/html,<script>1</script>' }],
    ['empty URL', { url: '' }],
  ] as const)('refuses %s', (_name, change) => {
    expect(checkSender({ ...GOOD, ...change }).ok).toBe(false);
  });
});

describe('senderInfoOf', () => {
  const mainFrame = { url: 'app://desk/index.html', parent: null, frameTreeNodeId: 1, processId: 7, detached: false };
  const contents = { mainFrame, isDestroyed: () => false };

  it('recognises our main frame', () => {
    const info = senderInfoOf({ sender: contents, senderFrame: mainFrame } as never, contents as never);
    expect(checkSender(info)).toEqual({ ok: true });
  });

  it('flags a subframe, a missing frame, a detached frame and another webContents', () => {
    const child = { ...mainFrame, parent: mainFrame, frameTreeNodeId: 2 };
    expect(senderInfoOf({ sender: contents, senderFrame: child } as never, contents as never).isMainFrame).toBe(false);
    expect(senderInfoOf({ sender: contents, senderFrame: null } as never, contents as never).hasFrame).toBe(false);
    expect(senderInfoOf({ sender: contents, senderFrame: { ...mainFrame, detached: true } } as never, contents as never).hasFrame).toBe(false);
    const other = { mainFrame, isDestroyed: () => false };
    expect(senderInfoOf({ sender: other, senderFrame: mainFrame } as never, contents as never).fromOurWindow).toBe(false);
    expect(senderInfoOf({ sender: contents, senderFrame: mainFrame } as never, null).fromOurWindow).toBe(false);
  });
});

beforeEach(() => {
  vi.restoreAllMocks();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('invokeChecked', () => {
  it('calls the handler with validated, normalised arguments', async () => {
    const handler = vi.fn(() => Promise.resolve({ enrolled: true, serverUrl: 'https://a.cn', deviceId: 'd', stationId: 's', deskName: 'x' }));
    const reply = await invokeChecked('device:enroll', handler, GOOD, [{ serverUrl: 'HTTPS://A.CN/', code: 'abc def', deskName: ' x ' }]);
    expect(reply.ok).toBe(true);
    expect(handler).toHaveBeenCalledWith({ serverUrl: 'https://a.cn', code: 'ABCDEF', deskName: 'x' });
  });

  it('never runs the handler for a foreign sender', async () => {
    const handler = vi.fn(() => 'key');
    const reply = await invokeChecked('pii:key', handler, { ...GOOD, url: 'https://evil.example/' }, []);
    expect(handler).not.toHaveBeenCalled();
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'IPC_FORBIDDEN_SENDER' }) });
  });

  it('never runs the handler for invalid arguments, and says what was wrong', async () => {
    const handler = vi.fn();
    const reply = await invokeChecked('sync:pending', handler, GOOD, [-3]);
    expect(handler).not.toHaveBeenCalled();
    expect(reply).toEqual({ ok: false, error: { code: 'IPC_INVALID_ARGUMENT', message: expect.stringMatching(/'sync:pending'.*count.*non-negative/) } });
  });

  it('passes public errors through and hides everything else', async () => {
    const publicFailure = await invokeChecked('pii:key', () => Promise.reject(new PublicError('SECRET_UNREADABLE', '无法解密。', 'Cannot decrypt.')), GOOD, []);
    expect(publicFailure).toEqual({ ok: false, error: { code: 'SECRET_UNREADABLE', message: '无法解密。 Cannot decrypt.' } });

    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const internal = await invokeChecked('pii:key', () => {
      throw new Error('ENOENT: /home/desk/.config/secret at Object.open (node:fs:1)');
    }, GOOD, []);
    spy.mockRestore();
    expect(internal.ok).toBe(false);
    const text = JSON.stringify(internal);
    expect(text).not.toMatch(/ENOENT|secret|node:fs|at Object/);
    expect(text).toContain('INTERNAL');
  });
});

describe('createHandle', () => {
  it('registers on ipcMain and routes the real event through the gate', async () => {
    const ipcMain = { handle: vi.fn() };
    const mainFrame = { url: 'app://desk/index.html', parent: null, frameTreeNodeId: 1, processId: 3, detached: false };
    const contents = { mainFrame, isDestroyed: () => false };
    const handle = createHandle(ipcMain as never, () => contents as never);
    handle('sync:pending', (count) => {
      expect(count).toBe(4);
    });
    const [[channel, listener]] = ipcMain.handle.mock.calls as [[string, (event: unknown, ...args: unknown[]) => Promise<unknown>]];
    expect(channel).toBe('sync:pending');
    expect(await listener({ sender: contents, senderFrame: mainFrame }, 4)).toEqual({ ok: true, value: undefined });
    expect(await listener({ sender: contents, senderFrame: mainFrame }, 4, 5)).toMatchObject({ ok: false });
    expect(await listener({ sender: contents, senderFrame: { ...mainFrame, url: 'devtools://devtools/x' } }, 4)).toMatchObject({
      ok: false,
      error: { code: 'IPC_FORBIDDEN_SENDER' },
    });
  });
});
