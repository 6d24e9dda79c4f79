/**
 * A one-click enrollment link for the web build: `/#enroll=CODE` on the server that served the
 * page (what `npm start` prints for the demo desk). In the fragment, the one-time code never
 * reaches a server log or a proxy. Used only when the desk is not enrolled yet; the code leaves
 * the address bar before anything else happens, so a reload never reuses it. (`/?enroll=CODE`
 * is still understood.)
 */
import type { DeskBridge } from '../../shared/ipc/bridge';
import type { DeviceStatus } from '../../shared/ipc/channels';

export const takeEnrollCode = (location: Pick<Location, 'search' | 'pathname' | 'hash'>, history: Pick<History, 'replaceState'>): string | null => {
  const fromHash = /^#enroll=([^&]*)$/.exec(location.hash);
  const params = new URLSearchParams(location.search);
  const fromSearch = params.get('enroll');
  if (fromHash === null && fromSearch === null) return null;
  params.delete('enroll');
  const rest = params.toString();
  const hash = fromHash ? '' : location.hash;
  history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${hash}`);
  const code = fromHash ? decodeURIComponent(fromHash[1]!) : fromSearch!;
  return code.trim() || null;
};

/** Enrolls with the code from the address, if any; returns the (possibly new) device status. */
export const enrollFromLink = async (bridge: DeskBridge, device: DeviceStatus, deskName: string): Promise<DeviceStatus> => {
  const code = takeEnrollCode(window.location, window.history);
  if (!code || device.enrolled) return device;
  try {
    return await bridge.enrollDevice({ serverUrl: window.location.origin, code, deskName });
  } catch (error) {
    console.warn('Station Desk: enrollment link refused', error);
    return device;
  }
};
