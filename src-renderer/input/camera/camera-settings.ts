/**
 * This desk's camera choice (stored per desk) and the list of cameras the OS offers. Labels are
 * empty until the camera permission has been granted once (Electron main grants it for our own
 * origin only; the web build's browser asks), so the list is refreshed after a camera starts.
 */
import { useCallback, useEffect, useState } from 'react';
import { createLocalSetting, useLocalSetting } from '../scanner/local-setting';

export interface CameraSettings {
  /** `MediaDeviceInfo.deviceId`; null = the system's default camera. */
  deviceId: string | null;
}

export const CAMERA_SETTINGS_KEY = 'station-desk.camera';

export const normalizeCameraSettings = (raw: unknown): CameraSettings => {
  const deviceId = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).deviceId : null;
  return { deviceId: typeof deviceId === 'string' && deviceId.length > 0 && deviceId.length <= 256 ? deviceId : null };
};

export const cameraSettings = createLocalSetting<CameraSettings>(CAMERA_SETTINGS_KEY, normalizeCameraSettings);

export const useCameraSettings = (): CameraSettings => useLocalSetting(cameraSettings);

export interface CameraDevice {
  deviceId: string;
  label: string;
}

export type CameraAvailability = 'ok' | 'insecure' | 'unsupported';

/** Why cameras cannot be used here at all (getUserMedia needs a secure context: app://, https, localhost). */
export const cameraAvailability = (): CameraAvailability => {
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
    return typeof window !== 'undefined' && window.isSecureContext === false ? 'insecure' : 'unsupported';
  }
  return 'ok';
};

export const useCameraDevices = (): { devices: CameraDevice[]; refresh: () => void } => {
  const [devices, setDevices] = useState<CameraDevice[]>([]);
  const refresh = useCallback(() => {
    if (cameraAvailability() !== 'ok') return;
    void navigator.mediaDevices
      .enumerateDevices()
      .then((all) =>
        setDevices(all.filter((d) => d.kind === 'videoinput' && d.deviceId !== '').map((d, i) => ({ deviceId: d.deviceId, label: d.label || `#${i + 1}` }))),
      )
      .catch(() => setDevices([]));
  }, []);
  useEffect(() => {
    refresh();
    if (cameraAvailability() !== 'ok') return;
    navigator.mediaDevices.addEventListener('devicechange', refresh);
    return () => navigator.mediaDevices.removeEventListener('devicechange', refresh);
  }, [refresh]);
  return { devices, refresh };
};
