/**
 * The optional photo of a fault report: take one with the webcam or choose a picture file; it is
 * shrunk on the desk (≤ 1280 px JPEG within the schema's limit) before it is shown, so what staff
 * see is exactly what is stored and synced.
 */
import { CameraOutlined, DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { photoFromFile } from './photo-encode';
import { PhotoTooLargeError } from './photo-fit';
import { WebcamCapture } from './webcam-capture';

/** A form control: `value` is the data URL ('' for none); Form.Item passes value and onChange. */
export const PhotoPicker = ({ value = '', onChange = () => undefined }: { value?: string; onChange?: (dataUrl: string) => void }) => {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [camera, setCamera] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file can be chosen again
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      onChange(await photoFromFile(file));
    } catch (e) {
      setError(t(e instanceof PhotoTooLargeError ? 'equipment.photo.tooLarge' : 'equipment.photo.unreadable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="photo-picker">
      <Space wrap>
        <Button icon={<CameraOutlined />} onClick={() => setCamera(true)} data-testid="photo-camera">
          {t('equipment.photo.camera')}
        </Button>
        <Button icon={<PictureOutlined />} onClick={() => fileInput.current?.click()} loading={busy}>
          {t('equipment.photo.file')}
        </Button>
        {value && (
          <Button icon={<DeleteOutlined />} danger onClick={() => onChange('')} data-testid="photo-remove">
            {t('equipment.photo.remove')}
          </Button>
        )}
      </Space>
      <input ref={fileInput} type="file" accept="image/*" style={{ display: 'none' }} onChange={(e) => void onFile(e)} data-testid="photo-file-input" />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      {value && (
        <img src={value} alt={t('equipment.photo.preview')} data-testid="photo-preview" style={{ display: 'block', marginTop: 8, maxWidth: '100%', maxHeight: 240, borderRadius: 4 }} />
      )}
      <WebcamCapture open={camera} onClose={() => setCamera(false)} onPhoto={onChange} />
    </div>
  );
};
