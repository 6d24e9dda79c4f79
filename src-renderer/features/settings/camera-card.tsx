/**
 * Camera choice for this desk (a card in settings): the cameras the OS offers, the choice saved
 * per desk, and a live test that shows what the camera reads. The permission is asked for (or,
 * in Electron, granted by main for our own origin only) when the test starts.
 */
import { Alert, Button, Card, Form, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraScanner, cameraAvailability, cameraSettings, useCameraDevices, useCameraSettings, type CameraScan } from '../../input/camera/index';

const DEFAULT_OPTION = '';

export const CameraCard = () => {
  const { t } = useTranslation();
  const { deviceId } = useCameraSettings();
  const { devices, refresh } = useCameraDevices();
  const [testing, setTesting] = useState(false);
  const [last, setLast] = useState<CameraScan | null>(null);
  const availability = cameraAvailability();
  const known = deviceId === null || devices.some((d) => d.deviceId === deviceId);

  return (
    <Card title={t('scanner.camera.title')} data-testid="camera-settings">
      <Typography.Paragraph type="secondary">{t('scanner.camera.hint')}</Typography.Paragraph>
      {availability !== 'ok' ? (
        <Alert type="warning" showIcon title={t(`scanner.camera.problems.${availability}`)} />
      ) : (
        <>
          <Form layout="vertical">
            <Form.Item label={t('scanner.camera.device')}>
              <Select
                data-testid="camera-device"
                value={deviceId ?? DEFAULT_OPTION}
                onChange={(value: string) => cameraSettings.set({ deviceId: value === DEFAULT_OPTION ? null : value })}
                onOpenChange={(open) => open && refresh()}
                options={[
                  { value: DEFAULT_OPTION, label: t('scanner.camera.systemDefault') },
                  ...devices.map((d) => ({ value: d.deviceId, label: d.label })),
                  ...(known || deviceId === null ? [] : [{ value: deviceId, label: `${deviceId.slice(0, 8)}…` }]),
                ]}
                style={{ maxWidth: 420 }}
              />
            </Form.Item>
          </Form>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Button data-testid="camera-test" onClick={() => setTesting((on) => !on)}>
              {testing ? t('scanner.camera.stop') : t('scanner.camera.test')}
            </Button>
            {testing && <CameraScanner onScan={setLast} onStarted={refresh} style={{ maxWidth: 480 }} />}
            {last && (
              <Typography.Text data-testid="camera-last" strong>
                {t('scanner.camera.last', { text: last.text, format: last.format === 'QR_CODE' ? 'QR' : 'Code 128' })}
              </Typography.Text>
            )}
          </Space>
        </>
      )}
    </Card>
  );
};
