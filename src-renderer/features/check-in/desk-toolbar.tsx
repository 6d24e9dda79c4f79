/** The check-in screen's title row: the mode, the camera toggle, check-out mode and the review list (with its count), keys from desk-commands.ts. */
import { Badge, Button, Space, Tag, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { commandLabel } from '../../app/shortcut-bar';
import { cameraAvailability } from '../../input/camera/index';
import { deskCommand, deskKey } from './desk-commands';

export interface DeskToolbarProps {
  ready: boolean;
  checkingOut: boolean;
  cameraOn: boolean;
  reviewCount: number;
  onCamera(): void;
  onCheckOutMode(): void;
  onReview(): void;
}

export const DeskToolbar = memo(function DeskToolbar({ ready, checkingOut, cameraOn, reviewCount, onCamera, onCheckOutMode, onReview }: DeskToolbarProps) {
  const { t } = useTranslation();
  return (
    <Space align="center" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('checkIn.title')}{' '}
        {checkingOut && (
          <Tag color="blue" data-testid="check-out-mode">
            {t('checkIn.checkOut.modeOn')}
          </Tag>
        )}
      </Typography.Title>
      <Space wrap>
        {cameraAvailability() === 'ok' && (
          <Button icon={<CameraOutlined />} type={cameraOn ? 'primary' : 'default'} onClick={onCamera} disabled={!ready} data-testid="toggle-camera">
            {cameraOn ? t('checkIn.camera.off') : t('checkIn.camera.on')}
          </Button>
        )}
        <Button onClick={onCheckOutMode} disabled={!ready} data-testid="toggle-check-out">
          {commandLabel(t, deskCommand('check-out-mode'))}
        </Button>
        <Badge count={reviewCount} size="small">
          <Button onClick={onReview} disabled={!ready} data-testid="open-review">
            {t('checkIn.review.button')} ({deskKey('review')})
          </Button>
        </Badge>
      </Space>
    </Space>
  );
});
