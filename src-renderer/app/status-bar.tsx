/**
 * The status bar: sync state (or the network, before enrollment), pending uploads, last sync, last
 * error, desk and staff. Fixed to the bottom of the window on every screen and at every size, one
 * line high, above drawers and dialogs (their masks do not hide it; drawers end above it): staff
 * always see whether what they do reaches the server. Parts that run long (the error, the desk's
 * name) are cut with an ellipsis and say the whole text on hover, instead of wrapping.
 */
import { Tag, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
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

/** The bar's height (px): the screens leave this much room at their end, drawers end above it. */
export const STATUS_BAR_HEIGHT = 36;
/** Above antd's drawers and dialogs (zIndexPopupBase 1000), below its popups, messages and nested layers. */
export const STATUS_BAR_Z_INDEX = 1001;

const BAR_STYLE: CSSProperties = {
  position: 'fixed',
  left: 0,
  right: 0,
  bottom: 0,
  height: STATUS_BAR_HEIGHT,
  zIndex: STATUS_BAR_Z_INDEX,
  display: 'flex',
  alignItems: 'center',
  gap: 16,
  padding: '0 16px',
  background: '#fafafa',
  borderTop: '1px solid #e8e8e8',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
};

/** One part of the bar: keeps its width, or (`shrink`) gives way first with an ellipsis. */
const Part = ({ shrink = false, children }: { shrink?: boolean; children: ReactNode }) => (
  <span style={shrink ? { flex: '0 1 auto', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' } : { flex: '0 0 auto' }}>{children}</span>
);

export const StatusBar = () => {
  const { t, i18n } = useTranslation();
  const { identity, isOnline } = useServices();
  const online = useOnline(isOnline);
  const status = useSyncStatus();
  const enrolled = status.state !== 'not-enrolled';
  const tag = enrolled ? TAG[status.state] : { color: online ? 'green' : 'orange', label: online ? 'status.online' : 'status.offline' };
  const showError = status.lastError && (status.state === 'error' || status.state === 'offline' || status.state === 'revoked');
  const errorText = showError ? syncErrorText(t, status.lastError!.code) : '';
  const desk = t('status.desk', { name: identity.device.deskName || identity.device.deviceId });
  return (
    <div data-testid="status-bar" role="status" style={BAR_STYLE}>
      <Part>
        <Tag color={tag.color} data-testid="network-state" data-state={enrolled ? status.state : online ? 'online' : 'offline'} style={{ margin: 0 }}>
          {t(tag.label)}
        </Tag>
      </Part>
      {enrolled && (status.pending ?? 0) > 0 && (
        <Part>
          <Typography.Text strong data-testid="pending-count">
            {t('status.pending', { count: status.pending ?? 0 })}
          </Typography.Text>
        </Part>
      )}
      {enrolled && (
        <Part>
          <Typography.Text type="secondary" data-testid="last-sync">
            {status.lastSyncAt ? t('status.lastSync', { time: formatSyncTime(status.lastSyncAt, i18n.language) }) : t('status.never')}
          </Typography.Text>
        </Part>
      )}
      {showError && (
        <Part shrink>
          <Typography.Text type="danger" data-testid="sync-error" title={errorText}>
            {errorText}
          </Typography.Text>
        </Part>
      )}
      <Part>
        <BookingsStatus />
      </Part>
      {!identity.device.enrolled && (
        <Part shrink>
          <Typography.Text type="secondary" title={t('status.notEnrolled')}>
            {t('status.notEnrolled')}
          </Typography.Text>
        </Part>
      )}
      <Part shrink>
        <Typography.Text type="secondary" title={desk}>
          {desk}
        </Typography.Text>
      </Part>
      <span style={{ flex: '0 0 auto', marginLeft: 'auto' }}>
        <StaffStatus />
      </span>
    </div>
  );
};
