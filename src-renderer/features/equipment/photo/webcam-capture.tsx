/**
 * Takes one photo with the desk's webcam: a live preview, one button that captures the current
 * frame. The stream stops as soon as the dialog closes (the camera light goes off). The camera
 * permission is granted by the Electron main process for the desk's own origin only; a browser
 * asks the user. Errors name what staff can do (allow the camera, or choose a picture instead).
 */
import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { photoFromVideo } from './photo-encode';
import { PhotoTooLargeError } from './photo-fit';

const cameraErrorKey = (error: unknown): [string, string] => {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return ['equipment.photo.cameraDenied', ''];
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return ['equipment.photo.cameraMissing', ''];
  return ['equipment.photo.cameraFailed', (error as Error)?.message ?? String(error)];
};

export const WebcamCapture = ({ open, onClose, onPhoto }: { open: boolean; onClose: () => void; onPhoto: (dataUrl: string) => void }) => {
  const { t } = useTranslation();
  // a callback ref: the modal mounts the <video> after it opens
  const [element, setElement] = useState<HTMLVideoElement | null>(null);
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open || !element) return;
    let stream: MediaStream | null = null;
    let cancelled = false;
    setReady(false);
    setError(null);
    const start = async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw Object.assign(new Error('no mediaDevices'), { name: 'NotFoundError' });
        stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 960 } }, audio: false });
        if (cancelled || !element) return;
        element.srcObject = stream;
        await element.play();
        setReady(true);
      } catch (e) {
        if (cancelled) return;
        const [key, message] = cameraErrorKey(e);
        setError(t(key, { message }));
      }
    };
    void start();
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
      if (element) element.srcObject = null;
    };
  }, [open, element, t]);

  const capture = async () => {
    if (!element) return;
    setBusy(true);
    try {
      onPhoto(await photoFromVideo(element));
      onClose();
    } catch (e) {
      setError(t(e instanceof PhotoTooLargeError ? 'equipment.photo.tooLarge' : 'equipment.photo.unreadable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('equipment.photo.cameraTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="capture" type="primary" icon={<CameraOutlined />} disabled={!ready} loading={busy} onClick={() => void capture()} data-testid="webcam-capture">
          {t('equipment.photo.capture')}
        </Button>,
      ]}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!ready && !error && <Spin tip={t('equipment.photo.starting')}><div style={{ height: 120 }} /></Spin>}
      <video ref={setElement} muted playsInline style={{ width: '100%', display: ready ? 'block' : 'none', background: '#000' }} data-testid="webcam-preview" />
    </Modal>
  );
};
