/**
 * Every IPC channel's handler, in one table typed by the channel map: a channel without a
 * handler is a compile error. Handlers receive arguments already checked by handle().
 */
import type { AppInfo, IpcChannel, IpcImplementations, LabelPrintArgs, PrintResult } from '../../shared/ipc/channels';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { DeviceService } from '../device';
import type { Handle } from './handle';

export interface MainServices {
  appInfo(): AppInfo;
  device: Pick<DeviceService, 'status' | 'enroll' | 'getAccessToken' | 'forget'>;
  quitGuard: { setPending(count: number): void };
  labels: { print(args: LabelPrintArgs): Promise<PrintResult> };
  piiKey: { getKey(): Promise<string> };
  /** After enroll/forget: the page reloads so its CSP names the (new) server. */
  onEnrollmentChanged(): void;
}

export type IpcHandlers = IpcImplementations;

export const ipcHandlers = (services: MainServices): IpcHandlers => ({
  'app:info': () => services.appInfo(),
  'device:status': () => services.device.status(),
  'device:enroll': async (args) => {
    const status = await services.device.enroll(args);
    services.onEnrollmentChanged();
    return status;
  },
  'device:access-token': (options) => services.device.getAccessToken(options),
  'device:forget': async () => {
    const status = await services.device.forget();
    services.onEnrollmentChanged();
    return status;
  },
  'sync:pending': (count) => services.quitGuard.setPending(count),
  'labels:print': (args) => services.labels.print(args),
  'pii:key': () => services.piiKey.getKey(),
});

export const registerIpcHandlers = (handle: Handle, handlers: IpcHandlers): void => {
  const register = <C extends IpcChannel>(channel: C): void => handle(channel, handlers[channel]);
  for (const channel of IPC_CHANNELS) register(channel);
};
