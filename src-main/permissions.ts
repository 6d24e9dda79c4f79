/**
 * Threat: a page silently gains the microphone, screen capture, geolocation, notifications,
 * USB/HID/serial devices or clipboard reads. Electron grants most permissions by default.
 * Closed by answering every permission request and check with one rule: only the camera
 * (video, never audio), only for the app://desk main frame; devices are always refused.
 */
import type { PermissionCheckHandlerHandlerDetails, Session } from 'electron';
import { isAppUrl } from './app-origin';

export interface PermissionDetails {
  /** Request handler: the media kinds asked for. */
  mediaTypes?: readonly string[];
  /** Check handler: the single media kind being checked. */
  mediaType?: string;
  isMainFrame?: boolean;
  requestingUrl?: string;
  securityOrigin?: string;
}

/** True only for camera access by our own origin's main frame. */
export const permissionDecision = (permission: string, details: PermissionDetails, origin: string | undefined): boolean => {
  if (permission !== 'media') return false;
  if (!isAppUrl(origin)) return false;
  if (details.securityOrigin !== undefined && !isAppUrl(details.securityOrigin)) return false;
  if (details.requestingUrl !== undefined && !isAppUrl(details.requestingUrl)) return false;
  if (details.isMainFrame === false) return false;
  if (details.mediaTypes !== undefined) {
    return Array.isArray(details.mediaTypes) && details.mediaTypes.length > 0 && details.mediaTypes.every((kind) => kind === 'video');
  }
  return details.mediaType === 'video';
};

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

export const restrictPermissions = (session: PermissionSession): void => {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const origin = 'securityOrigin' in details && details.securityOrigin ? details.securityOrigin : details.requestingUrl;
    const media = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const granted = permissionDecision(permission, { ...details, mediaTypes: media ?? [] }, origin ?? contents.getURL());
    if (!granted) console.warn('Station Desk: denied permission', permission);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details: PermissionCheckHandlerHandlerDetails) =>
    permissionDecision(permission, details, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
};
