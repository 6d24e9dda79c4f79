/** The check-in screen's title row: the mode, the camera toggle, check-out mode (F9), and the review list (F10) with its count. */
import { Badge, Button, Space, Tag, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraAvailability } from '../../input/camera/index';

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
            {t('frontDesk.checkOut.modeOn')}
          </Tag>
        )}
      </Typography.Title>
      <Space wrap>
        {cameraAvailability() === 'ok' && (
          <Button icon={<CameraOutlined />} type={cameraOn ? 'primary' : 'default'} onClick={onCamera} disabled={!ready} data-testid="toggle-camera">
            {cameraOn ? t('frontDesk.camera.off') : t('frontDesk.camera.on')}
          </Button>
        )}
        <Button onClick={onCheckOutMode} disabled={!ready} data-testid="toggle-check-out">
          {t('frontDesk.keys.checkOutMode')}
        </Button>
        <Badge count={reviewCount} size="small">
          <Button onClick={onReview} disabled={!ready} data-testid="open-review">
            {t('frontDesk.review.button')} (F10)
          </Button>
        </Badge>
      </Space>
    </Space>
  );
});
