/**
 * Threat: IPC messages from a frame we did not ship (an iframe, a page the window was tricked
 * into loading, DevTools, another window) or with crafted arguments reaching privileged
 * handlers; internals leaking back in error messages. Closed by one generic `handle()` that
 * (a) accepts only the main frame of our own window at app://desk, (b) validates and
 * normalises the arguments with the channel's validator, (c) replies with public errors only.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { IpcChannel, IpcImplementation, IpcResult } from '../../shared/ipc/channels';
import { validateIpcArgs } from '../../shared/ipc/validate';
import { isAppUrl } from '../app-origin';
import { INTERNAL_ERROR, toPublicError } from '../public-error';
import type { IpcReply } from './reply';

export interface SenderInfo {
  /** `event.senderFrame` exists and is not detached (it is null after the frame navigated away). */
  hasFrame: boolean;
  url: string;
  /** The frame is the top-level frame of its webContents. */
  isMainFrame: boolean;
  /** The webContents is our desk window's. */
  fromOurWindow: boolean;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

export const checkSender = (sender: SenderInfo): SenderVerdict => {
  if (!sender.hasFrame) return { ok: false, reason: 'no sender frame' };
  if (!sender.fromOurWindow) return { ok: false, reason: 'not the desk window' };
  if (!sender.isMainFrame) return { ok: false, reason: 'not the main frame' };
  if (!isAppUrl(sender.url)) return { ok: false, reason: `foreign origin ${String(sender.url).slice(0, 100)}` };
  return { ok: true };
};

/** Reads the facts `checkSender` needs from an Electron event. */
export const senderInfoOf = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, trusted: WebContents | null): SenderInfo => {
  const frame = event.senderFrame;
  const fromOurWindow = trusted !== null && !trusted.isDestroyed() && event.sender === trusted;
  if (!frame || frame.detached) return { hasFrame: false, url: '', isMainFrame: false, fromOurWindow };
  const main = event.sender.mainFrame;
  return {
    hasFrame: true,
    url: frame.url,
    isMainFrame: frame.parent === null && frame.frameTreeNodeId === main.frameTreeNodeId && frame.processId === main.processId,
    fromOurWindow,
  };
};

/** A channel's handler in main: it receives arguments the channel's validator already checked. */
export type IpcHandler<C extends IpcChannel> = IpcImplementation<C>;

const FORBIDDEN = { code: 'IPC_FORBIDDEN_SENDER', message: '拒绝：请求并非来自前台页面。 Refused: the request did not come from the desk page.' };

/** Runs one invocation through the sender check, the validator and the error filter. */
export const invokeChecked = async <C extends IpcChannel>(
  channel: C,
  handler: IpcHandler<C>,
  sender: SenderInfo,
  args: readonly unknown[],
): Promise<IpcReply<IpcResult<C>>> => {
  const verdict = checkSender(sender);
  if (!verdict.ok) {
    console.warn(`Station Desk: refused IPC '${channel}': ${verdict.reason}`);
    return { ok: false, error: FORBIDDEN };
  }
  try {
    const valid = validateIpcArgs(channel, args);
    return { ok: true, value: await handler(...valid) };
  } catch (error) {
    const info = toPublicError(error);
    if (info === INTERNAL_ERROR) console.error(`Station Desk: IPC '${channel}' failed`, error);
    return { ok: false, error: info };
  }
};

export type Handle = <C extends IpcChannel>(channel: C, handler: IpcHandler<C>) => void;

/** The one way main registers IPC handlers. `trusted` returns the desk window's webContents. */
export const createHandle =
  (ipcMain: Pick<IpcMain, 'handle'>, trusted: () => WebContents | null): Handle =>
  (channel, handler) => {
    ipcMain.handle(channel, (event, ...args: unknown[]) => invokeChecked(channel, handler, senderInfoOf(event, trusted()), args));
  };
