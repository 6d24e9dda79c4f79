/**
 * Threat: a page with raw `ipcRenderer` (or Node) can call any channel with any arguments or
 * listen to everything main sends. Closed by exposing, through contextBridge, only the named
 * methods of `DeskBridge` that `bridgeFrom` derives from the IPC table, each bound to one fixed
 * channel; events are delivered without the IPC event object. Sandboxed preload: bundled to one
 * CommonJS file that requires only 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, bridgeFrom, type BridgeInvoke, type BridgeListen } from '../../shared/ipc/bridge';
import type { IpcResult } from '../../shared/ipc/channels';
import type { IpcReply } from '../ipc/reply';
import { errorText } from '../ipc/reply';

const invoke: BridgeInvoke = async (channel, args) => {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as IpcReply<IpcResult<typeof channel>>;
  if (reply.ok) return reply.value;
  throw new Error(errorText(reply.error));
};

const listen: BridgeListen = (event, deliver) => {
  const forward = (_event: unknown, payload: unknown): void => deliver(payload);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridgeFrom(invoke, listen));
