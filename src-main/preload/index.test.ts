// The preload bridge, with 'electron' replaced (the real module needs the binary): named
// methods only, each bound to one fixed channel; no ipcRenderer, no IPC event objects.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeskBridge } from '../../shared/ipc/bridge';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'v' })),
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => electron.exposed.set(name, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, fn: (...args: unknown[]) => void) => {
      const set = electron.listeners.get(channel) ?? new Set();
      set.add(fn);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => electron.listeners.get(channel)?.delete(fn),
  },
}));

let bridge: DeskBridge;
beforeAll(async () => {
  await import('./index');
  bridge = electron.exposed.get('stationDesk') as DeskBridge;
});

describe('preload bridge', () => {
  it('exposes exactly one global with exactly the DeskBridge methods', () => {
    expect([...electron.exposed.keys()]).toEqual(['stationDesk']);
    expect(Object.keys(bridge).sort()).toEqual(
      ['enrollDevice', 'forgetDevice', 'getAccessToken', 'getAppInfo', 'getDeviceStatus', 'getPiiKey', 'onQuitBlocked', 'printLabels', 'reportPendingWrites'].sort(),
    );
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipc|invoke|send|require/i);
  });

  it.each([
    ['getAppInfo', [], 'app:info'],
    ['getDeviceStatus', [], 'device:status'],
    ['enrollDevice', [{ serverUrl: 'https://a.cn', code: 'ABCDEF', deskName: 'x' }], 'device:enroll'],
    ['getAccessToken', [], 'device:access-token', [{ forceRefresh: false }]],
    ['getAccessToken', [{ forceRefresh: true }], 'device:access-token', [{ forceRefresh: true }]],
    ['forgetDevice', [], 'device:forget'],
    ['reportPendingWrites', [3], 'sync:pending'],
    ['printLabels', [{ html: '<p/>', title: 't' }], 'labels:print'],
    ['getPiiKey', [], 'pii:key'],
  ] as const)('%s invokes %s with its arguments only', async (method, args, channel, ...sent: (readonly unknown[])[]) => {
    electron.invoke.mockClear();
    const call = bridge[method] as (...a: unknown[]) => Promise<unknown>;
    expect(await call(...args, 'smuggled extra')).toBe('v');
    expect(electron.invoke).toHaveBeenCalledWith(channel, ...(sent[0] ?? args));
  });

  it('turns an error reply into an Error with the message and code', async () => {
    electron.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'ENROLLMENT_CODE_INVALID', message: '登记码无效。 The enrollment code is not valid.' } });
    await expect(bridge.getDeviceStatus()).rejects.toThrow('登记码无效。 The enrollment code is not valid. [ENROLLMENT_CODE_INVALID]');
  });

  it('delivers quit-blocked events without the IPC event object, and unsubscribes', () => {
    const received: unknown[] = [];
    const unsubscribe = bridge.onQuitBlocked((event) => received.push(event));
    const [forward] = [...(electron.listeners.get('app:quit-blocked') ?? [])];
    forward?.({ sender: 'ipcRenderer-internals' }, { pending: 5, extra: 'dropped' });
    expect(received).toEqual([{ pending: 5 }]);
    unsubscribe();
    expect(electron.listeners.get('app:quit-blocked')?.size).toBe(0);
  });
});
