/** The sync state in detail: state, pending uploads, last sync, last error, live channel, "sync now". */
import { Alert, Badge, Button, Card, Descriptions, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../data/index';
import { useServices } from '../../app/services';
import { useSyncStatus } from '../../app/use-sync-status';
import { formatSyncTime, syncErrorText } from './sync-text';
import { TechnicalDetail } from './technical-detail';

export const STATE_BADGE: Record<SyncState, 'success' | 'default' | 'processing' | 'error' | 'warning'> = {
  online: 'success',
  offline: 'warning',
  syncing: 'processing',
  error: 'error',
  revoked: 'error',
  'not-enrolled': 'default',
};

export const SyncStatusCard = () => {
  const { t, i18n } = useTranslation();
  const { sync } = useServices();
  const status = useSyncStatus();
  const [toast, holder] = message.useMessage();
  const { lastError } = status;
  const syncNow = () => {
    sync.resync();
    void toast.info(t('sync.syncStarted'));
  };
  return (
    <Card title={t('sync.statusTitle')} extra={<Button type="primary" data-testid="sync-now" disabled={status.state === 'revoked'} onClick={syncNow}>{t('sync.syncNow')}</Button>}>
      {holder}
      {status.state === 'revoked' && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('sync.revokedHint')} />}
      {status.state === 'offline' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('sync.offlineHint')} />}
      {!status.leader && status.state !== 'revoked' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('sync.follower')} />}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('sync.statusTitle')}>
          <Badge status={STATE_BADGE[status.state]} text={<span data-testid="sync-state" data-state={status.state}>{t(`sync.state.${status.state}`)}</span>} />
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.pending')}>
          <span data-testid="sync-pending">{status.pending === null ? t('sync.counting') : t('sync.pendingValue', { count: status.pending })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.lastSync')}>
          {status.lastSyncAt ? formatSyncTime(status.lastSyncAt, i18n.language) : t('sync.never')}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.lastError')}>
          {lastError ? (
            <span data-testid="sync-last-error" data-code={lastError.code}>
              <Typography.Text type={status.state === 'error' || status.state === 'offline' || status.state === 'revoked' ? 'danger' : 'secondary'}>
                {formatSyncTime(lastError.at, i18n.language)} · {syncErrorText(t, lastError.code)}
              </Typography.Text>
              <TechnicalDetail code={lastError.code} status={lastError.status} message={lastError.message} />
            </span>
          ) : (
            t('sync.noError')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.live')}>
          <span data-testid="sync-live" data-live={String(status.live)}>
            {status.live ? t('sync.liveOn') : t('sync.liveOff')}
          </span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
};
