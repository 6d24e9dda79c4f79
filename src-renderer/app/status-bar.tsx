/** The status bar: network state, this desk, the staff on duty; sync state joins it with the server. */
import { Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from './services';

const useOnline = (isOnline: () => boolean): boolean => {
  const [online, setOnline] = useState(isOnline());
  useEffect(() => {
    const update = () => setOnline(isOnline());
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, [isOnline]);
  return online;
};

export const StatusBar = () => {
  const { t } = useTranslation();
  const { identity, isOnline } = useServices();
  const online = useOnline(isOnline);
  return (
    <Space size="middle" data-testid="status-bar">
      <Tag color={online ? 'green' : 'orange'} data-testid="network-state">
        {online ? t('status.online') : t('status.offline')}
      </Tag>
      {!identity.device.enrolled && <Typography.Text type="secondary">{t('status.notEnrolled')}</Typography.Text>}
      <Typography.Text type="secondary">{t('status.desk', { name: identity.device.deskName || identity.device.deviceId })}</Typography.Text>
      <Typography.Text type="secondary">
        {identity.staffId ? t('status.staff', { name: identity.staffId }) : t('status.noStaff')}
      </Typography.Text>
    </Space>
  );
};
