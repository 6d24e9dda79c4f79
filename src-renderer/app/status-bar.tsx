/** The status bar: sync state (or the network, before enrollment), pending uploads, last sync, last error, desk and staff. */
import { Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../data/index';
import { BookingsStatus } from '../features/bookings/bookings-status';
import { StaffStatus } from '../features/staff/staff-status';
import { formatSyncTime, syncErrorText } from '../features/sync/sync-text';
import { useServices } from './services';
import { useSyncStatus } from './use-sync-status';

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

const TAG: Record<SyncStatus['state'], { color: string; label: string }> = {
  online: { color: 'green', label: 'status.online' },
  offline: { color: 'orange', label: 'status.offline' },
  syncing: { color: 'blue', label: 'status.syncing' },
  error: { color: 'red', label: 'status.error' },
  revoked: { color: 'red', label: 'status.revoked' },
  'not-enrolled': { color: 'default', label: 'status.offline' },
};

export const StatusBar = () => {
  const { t, i18n } = useTranslation();
  const { identity, isOnline } = useServices();
  const online = useOnline(isOnline);
  const status = useSyncStatus();
  const enrolled = status.state !== 'not-enrolled';
  const tag = enrolled ? TAG[status.state] : { color: online ? 'green' : 'orange', label: online ? 'status.online' : 'status.offline' };
  const showError = status.lastError && (status.state === 'error' || status.state === 'offline' || status.state === 'revoked');
  return (
    <Space size="middle" data-testid="status-bar" wrap>
      <Tag color={tag.color} data-testid="network-state" data-state={enrolled ? status.state : online ? 'online' : 'offline'}>
        {t(tag.label)}
      </Tag>
      {enrolled && (status.pending ?? 0) > 0 && (
        <Typography.Text strong data-testid="pending-count">
          {t('status.pending', { count: status.pending ?? 0 })}
        </Typography.Text>
      )}
      {enrolled && (
        <Typography.Text type="secondary" data-testid="last-sync">
          {status.lastSyncAt ? t('status.lastSync', { time: formatSyncTime(status.lastSyncAt, i18n.language) }) : t('status.never')}
        </Typography.Text>
      )}
      {showError && (
        <Typography.Text type="danger" data-testid="sync-error" ellipsis style={{ maxWidth: 420 }}>
          {syncErrorText(t, status.lastError!.code)}
        </Typography.Text>
      )}
      <BookingsStatus />
      {!identity.device.enrolled && <Typography.Text type="secondary">{t('status.notEnrolled')}</Typography.Text>}
      <Typography.Text type="secondary">{t('status.desk', { name: identity.device.deskName || identity.device.deviceId })}</Typography.Text>
      <StaffStatus />
    </Space>
  );
};
