// Every channel has a handler, registered through the one gate, calling the right service.
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { DeviceStatus } from '../../shared/ipc/channels';
import type { Handle, IpcHandler } from './handle';
import type { MainServices } from './handlers';
import { ipcHandlers, registerIpcHandlers } from './handlers';

const STATUS: DeviceStatus = { enrolled: true, serverUrl: 'https://a.cn', deviceId: 'd1', stationId: 's1', deskName: '前台' };

const services = (): MainServices & { calls: string[] } => {
  const calls: string[] = [];
  return {
    calls,
    appInfo: () => ({ version: '0.1.0', shell: 'electron', platform: 'win32', locale: 'zh-CN' }),
    device: {
      status: vi.fn(async () => STATUS),
      enroll: vi.fn(async () => STATUS),
      getAccessToken: vi.fn(async () => ({ token: 'at', expiresAt: 1 })),
      forget: vi.fn(async () => ({ ...STATUS, enrolled: false })),
    },
    quitGuard: { setPending: vi.fn() },
    labels: { print: vi.fn(async () => ({ ok: true, path: '/l.pdf' })) },
    piiKey: { getKey: vi.fn(async () => 'ab'.repeat(32)) },
    onEnrollmentChanged: vi.fn(() => calls.push('reload')),
  };
};

describe('ipcHandlers', () => {
  it('registers exactly the contract channels through handle()', () => {
    const registered: string[] = [];
    const handle: Handle = (channel) => {
      registered.push(channel);
    };
    registerIpcHandlers(handle, ipcHandlers(services()));
    expect(registered.sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('routes each channel to its service', async () => {
    const s = services();
    const h = ipcHandlers(s);
    expect(await h['app:info']()).toMatchObject({ shell: 'electron' });
    expect(await h['device:status']()).toBe(STATUS);
    expect(await h['device:access-token']({ forceRefresh: false })).toEqual({ token: 'at', expiresAt: 1 });
    await h['sync:pending'](3);
    expect(s.quitGuard.setPending).toHaveBeenCalledWith(3);
    expect(await h['labels:print']({ html: '<p/>', title: 't' })).toEqual({ ok: true, path: '/l.pdf' });
    expect(await h['pii:key']()).toHaveLength(64);
  });

  it('reloads the page after enroll and forget (the CSP must name the new server), not after a failure', async () => {
    const s = services();
    const h = ipcHandlers(s);
    await h['device:enroll']({ serverUrl: 'https://a.cn', code: 'ABCDEF', deskName: 'x' });
    await h['device:forget']();
    expect(s.calls).toEqual(['reload', 'reload']);
    (s.device.enroll as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('refused'));
    await expect((h['device:enroll'] as IpcHandler<'device:enroll'>)({ serverUrl: 'https://a.cn', code: 'ABCDEF', deskName: 'x' })).rejects.toThrow();
    expect(s.calls).toHaveLength(2);
  });
});
