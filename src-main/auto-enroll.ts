/**
 * `npm start` opens the demo desk already enrolled: it passes STATION_DESK_ENROLL="<url> <code>"
 * and main enrolls once, before the window loads, if this desk is not enrolled yet. The code is
 * one-time; the variable is ignored on a desk that is already enrolled.
 */
import type { DeviceService } from './device';

export const parseAutoEnroll = (value: string | undefined): { serverUrl: string; code: string } | null => {
  const [serverUrl, code] = (value ?? '').trim().split(/\s+/);
  return serverUrl && code && /^https?:\/\//.test(serverUrl) ? { serverUrl, code } : null;
};

export const autoEnroll = async (device: Pick<DeviceService, 'status' | 'enroll'>, value: string | undefined, deskName: string): Promise<void> => {
  const target = parseAutoEnroll(value);
  if (!target || (await device.status()).enrolled) return;
  try {
    await device.enroll({ serverUrl: target.serverUrl, code: target.code, deskName });
  } catch (error) {
    console.error('Station Desk: automatic enrollment failed', error);
  }
};
