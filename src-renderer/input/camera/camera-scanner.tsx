/**
 * `<CameraScanner onScan={…} />`: shows the desk's camera and reads QR member passes and
 * Code128 cards from it. Frames are grabbed as ImageBitmaps (downscaled) and decoded in a Web
 * Worker, one frame in flight at a time; the same code is reported once while it stays in view.
 * The camera stops when the component unmounts or `active` turns false.
 */
import { Alert, Typography } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { createSameCodeFilter } from '../scanner/same-code-filter';
import { scannerSettings } from '../scanner/scanner-settings';
import { cameraAvailability, useCameraSettings } from './camera-settings';
import { createDecodeClient } from './decode-client';
import type { CameraFormat } from './decode-frame';

export interface CameraScan {
  text: string;
  method: 'camera';
  format: CameraFormat;
  /** performance.now() when it was read */
  at: number;
}

export interface CameraScannerProps {
  onScan: (scan: CameraScan) => void;
  /** Camera to use; defaults to this desk's choice in settings (null = system default). */
  deviceId?: string | null;
  /** Default true; false stops the camera. */
  active?: boolean;
  /** Called when the camera is running (e.g. to refresh device labels after the permission). */
  onStarted?: () => void;
  style?: CSSProperties;
}

type Problem = 'denied' | 'notFound' | 'busy' | 'insecure' | 'unsupported' | 'failed' | 'decoder';
type Status = { kind: 'starting' } | { kind: 'running'; fellBack: boolean } | { kind: 'error'; problem: Problem; message: string };

/** Pause between decoded frames (≈ 8 decodes a second is plenty for a badge held up). */
const FRAME_GAP_MS = 120;
const MAX_FRAME_WIDTH = 800;

const problemOf = (error: unknown): Problem => {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'notFound';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
};

const openCamera = async (deviceId: string | null): Promise<{ stream: MediaStream; fellBack: boolean }> => {
  const video = (id: string | null): MediaTrackConstraints => ({
    ...(id ? { deviceId: { exact: id } } : { facingMode: 'environment' }),
    width: { ideal: 1280 },
    height: { ideal: 720 },
  });
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ video: video(deviceId), audio: false }), fellBack: false };
  } catch (error) {
    // The chosen camera was unplugged: use the default one rather than none.
    if (deviceId && problemOf(error) === 'notFound') {
      return { stream: await navigator.mediaDevices.getUserMedia({ video: video(null), audio: false }), fellBack: true };
    }
    throw error;
  }
};

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

export const CameraScanner = ({ onScan, deviceId, active = true, onStarted, style }: CameraScannerProps) => {
  const { t } = useTranslation();
  const saved = useCameraSettings();
  const chosen = deviceId === undefined ? saved.deviceId : deviceId;
  const videoRef = useRef<HTMLVideoElement>(null);
  const callbacks = useRef({ onScan, onStarted });
  const [status, setStatus] = useState<Status>({ kind: 'starting' });

  useEffect(() => {
    callbacks.current = { onScan, onStarted };
  });

  useEffect(() => {
    if (!active) return;
    const availability = cameraAvailability();
    if (availability !== 'ok') {
      setStatus({ kind: 'error', problem: availability, message: '' });
      return;
    }
    const video = videoRef.current;
    let stopped = false;
    let stream: MediaStream | null = null;
    const client = createDecodeClient();
    const sameCode = createSameCodeFilter(() => scannerSettings.get().debounceMs);
    setStatus({ kind: 'starting' });

    const grab = async (video: HTMLVideoElement) => {
      const scale = Math.min(1, MAX_FRAME_WIDTH / video.videoWidth);
      const bitmap = await createImageBitmap(video, {
        resizeWidth: Math.round(video.videoWidth * scale),
        resizeHeight: Math.round(video.videoHeight * scale),
      });
      return client.decode(bitmap);
    };

    const loop = async (video: HTMLVideoElement) => {
      while (!stopped) {
        if (!document.hidden && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
          const result = await grab(video);
          const at = performance.now();
          if (!stopped && result && sameCode.accept(result.text, at)) callbacks.current.onScan({ ...result, method: 'camera', at });
        }
        await sleep(FRAME_GAP_MS);
      }
    };

    let decoding = false;
    void (async () => {
      try {
        if (!video) return;
        const opened = await openCamera(chosen);
        stream = opened.stream;
        if (stopped) {
          stream.getTracks().forEach((track) => track.stop());
          return;
        }
        video.srcObject = stream;
        await video.play();
        if (stopped) return;
        setStatus({ kind: 'running', fellBack: opened.fellBack });
        callbacks.current.onStarted?.();
        decoding = true;
        await loop(video);
      } catch (error) {
        if (stopped) return;
        setStatus({ kind: 'error', problem: decoding ? 'decoder' : problemOf(error), message: error instanceof Error ? error.message : String(error) });
      }
    })();

    return () => {
      stopped = true;
      client.dispose();
      stream?.getTracks().forEach((track) => track.stop());
      if (video) video.srcObject = null;
    };
  }, [active, chosen]);

  if (!active) return null;
  return (
    <div style={style} data-testid="camera-scanner" data-status={status.kind}>
      {status.kind === 'error' && (
        <Alert type="error" showIcon title={t(`scanner.camera.problems.${status.problem}`, { message: status.message })} style={{ marginBottom: 8 }} />
      )}
      {status.kind === 'running' && status.fellBack && <Alert type="warning" showIcon title={t('scanner.camera.fellBack')} style={{ marginBottom: 8 }} />}
      <video
        ref={videoRef}
        muted
        playsInline
        data-testid="camera-video"
        style={{ width: '100%', maxHeight: 360, background: '#111', borderRadius: 8, display: status.kind === 'error' ? 'none' : 'block' }}
      />
      <Typography.Text type="secondary">{status.kind === 'starting' ? t('scanner.camera.starting') : status.kind === 'running' ? t('scanner.camera.running') : ''}</Typography.Text>
    </div>
  );
};
