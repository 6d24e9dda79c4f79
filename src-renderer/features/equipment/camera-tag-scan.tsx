/**
 * Reads an equipment label with the desk's camera (input/camera's CameraScanner: QR
 * decoding in a Web Worker) for desks without a handheld scanner. The first code that is a valid
 * asset tag is handed over and the camera stops.
 */
import { ScanOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraScanner } from '../../input/camera/index';
import { parseAssetTag } from './asset-tag-input';

export const CameraTagScan = ({ onTag, disabled = false }: { onTag: (tag: string) => void; disabled?: boolean }) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<ScanOutlined />} onClick={() => setOpen(true)} disabled={disabled} data-testid="equipment-camera-scan">
        {t('equipment.cameraScan')}
      </Button>
      <Modal open={open} title={t('equipment.cameraScanTitle')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <CameraScanner
          active={open}
          onScan={(scan) => {
            const parsed = parseAssetTag(scan.text);
            if (!parsed.ok) return;
            setOpen(false);
            onTag(parsed.tag);
          }}
        />
      </Modal>
    </>
  );
};
