/**
 * Threat: a page with raw `ipcRenderer` (or Node) can call any channel with any arguments or
 * listen to everything main sends. Closed by exposing, through contextBridge, only the named
 * methods of `DeskBridge`, each bound to one fixed channel; events are delivered without the
 * IPC event object. Sandboxed preload: bundled to one CommonJS file that requires only 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DeskBridge } from '../../shared/ipc/bridge';
import { BRIDGE_GLOBAL } from '../../shared/ipc/bridge';
import type { IpcArgs, IpcChannel, IpcEvents, IpcResult } from '../../shared/ipc/channels';
import type { IpcReply } from '../ipc/reply';
import { errorText } from '../ipc/reply';

const invoke = async <C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> => {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as IpcReply<IpcResult<C>>;
  if (reply.ok) return reply.value;
  throw new Error(errorText(reply.error));
};

const bridge = {
  getAppInfo: () => invoke('app:info'),
  getDeviceStatus: () => invoke('device:status'),
  enrollDevice: (args) => invoke('device:enroll', args),
  getAccessToken: (options) => invoke('device:access-token', { forceRefresh: options?.forceRefresh === true }),
  forgetDevice: () => invoke('device:forget'),
  reportPendingWrites: (count) => invoke('sync:pending', count),
  printLabels: (args) => invoke('labels:print', args),
  getPiiKey: () => invoke('pii:key'),
  onQuitBlocked: (listener) => {
    const forward = (_event: unknown, payload: IpcEvents['app:quit-blocked']): void => listener({ pending: Number(payload?.pending) || 0 });
    ipcRenderer.on('app:quit-blocked', forward);
    return () => {
      ipcRenderer.removeListener('app:quit-blocked', forward);
    };
  },
} satisfies DeskBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
