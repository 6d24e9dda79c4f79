/**
 * The bridge the renderer sees as `window.stationDesk`, derived from the IPC table
 * (channels.ts): one named method per channel, one subscribe method per event; subscriptions
 * return an unsubscribe function. Two implementations, both built by `bridgeFrom`: the Electron
 * preload (src-main/preload) and the web build (src-renderer/platform/web-bridge.ts).
 */
import type { IpcArgs, IpcChannel, IpcEvent, IpcEvents, IpcImplementations, IpcParams, IpcResult } from './channels';
import { IPC_CHANNELS, IPC_EVENT_TABLE, IPC_EVENTS, IPC_TABLE } from './channels';

type ChannelMethods = {
  [C in IpcChannel as (typeof IPC_TABLE)[C]['method']]: (...params: IpcParams<C>) => Promise<IpcResult<C>>;
};
type EventMethods = {
  [E in IpcEvent as (typeof IPC_EVENT_TABLE)[E]['method']]: (listener: (event: IpcEvents[E]) => void) => () => void;
};

export interface DeskBridge extends ChannelMethods, EventMethods {}

export const BRIDGE_GLOBAL = 'stationDesk';

/** Carries one channel's arguments to whoever implements it (main over IPC, or the web build). */
export type BridgeInvoke = <C extends IpcChannel>(channel: C, args: IpcArgs<C>) => Promise<IpcResult<C>>;
/** Listens to one event's raw payloads; returns the unsubscribe function. */
export type BridgeListen = <E extends IpcEvent>(event: E, deliver: (raw: unknown) => void) => () => void;

/** Invokes implementations in the page itself (the web build, where there is no main process). */
export const invokeIn =
  (implementations: IpcImplementations): BridgeInvoke =>
  async (channel, args) =>
    implementations[channel](...args);

/**
 * The page's bridge: for every channel a method that sends exactly the channel's arguments
 * (`arity`, `toArgs`); for every event a subscription that passes on only the declared payload.
 */
export const bridgeFrom = (invoke: BridgeInvoke, listen: BridgeListen): DeskBridge => {
  const bridge: Record<string, (...params: never[]) => unknown> = {};
  for (const channel of IPC_CHANNELS) {
    const { method, arity, toArgs }: { method: string; arity: number; toArgs?: (...params: never[]) => unknown[] } = IPC_TABLE[channel];
    // The page is untrusted either way: main validates every argument (validate.ts).
    const convert = toArgs as ((...params: unknown[]) => unknown[]) | undefined;
    bridge[method] = (...params: unknown[]) => {
      const sent = params.slice(0, arity);
      return invoke(channel, (convert ? convert(...sent) : sent) as IpcArgs<typeof channel>);
    };
  }
  for (const event of IPC_EVENTS) {
    const entry = IPC_EVENT_TABLE[event];
    bridge[entry.method] = (listener: (payload: IpcEvents[typeof event]) => void) => listen(event, (raw) => listener(entry.payload(raw)));
  }
  return bridge as unknown as DeskBridge;
};
