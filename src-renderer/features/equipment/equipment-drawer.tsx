/** One item: what it is, its derived status and metrics, the next lifecycle steps, and its log. */
import { PrinterOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VenueDoc } from '../../../shared/schemas/index';
import { formatTime, StatusTag, useDurationText, venueName } from './equipment-text';
import { canReportFault, lifecycleEvents, type LifecycleEvent } from './lifecycle';
import { LogTimeline } from './log-timeline';
import type { EquipmentRow } from './use-equipment-overview';

export interface EquipmentDrawerProps {
  row: EquipmentRow | null;
  venues: Map<string, VenueDoc>;
  /** False until staff signed in: the item can be viewed, not changed. */
  canAct: boolean;
  onClose: () => void;
  onReportFault: (id: string) => void;
  onLifecycle: (id: string, event: LifecycleEvent) => void;
  onPrint: (ids: string[]) => void;
}

export const EquipmentDrawer = ({ row, venues, canAct, onClose, onReportFault, onLifecycle, onPrint }: EquipmentDrawerProps) => {
  const { t, i18n } = useTranslation();
  const duration = useDurationText();
  const status = row?.state.status ?? 'ok';
  return (
    <Drawer open={row !== null} onClose={onClose} width={560} title={row?.item.name} destroyOnHidden data-testid="equipment-drawer">
      {row && (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('equipment.detail.assetTag')}>
              <Typography.Text code>{row.item.assetTag}</Typography.Text> · {t(`equipment.category.${row.item.category}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('equipment.detail.venue')}>{venueName(venues.get(row.item.venueId), i18n.language) || t('equipment.detail.noVenue')}</Descriptions.Item>
            <Descriptions.Item label={t('equipment.detail.status')}>
              <span data-testid="drawer-status">
                <StatusTag status={status} />
              </span>
              {row.state.since !== null && `${t('equipment.detail.since')} ${formatTime(row.state.since, i18n.language)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('equipment.detail.downtime')}>{duration(row.stats.downtimeMs)}</Descriptions.Item>
            <Descriptions.Item label={t('equipment.detail.mttr')}>
              {duration(row.stats.mttrMs)} <Typography.Text type="secondary">({t('equipment.detail.incidents', { repaired: row.stats.repaired, open: row.stats.open })})</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ marginBottom: 24 }}>
            {canReportFault(status) && (
              <Button danger type="primary" icon={<WarningOutlined />} onClick={() => onReportFault(row.item.id)} disabled={!canAct} data-testid="drawer-report-fault">
                {t('equipment.reportFault')}
              </Button>
            )}
            {lifecycleEvents(status).map((event) => (
              <Button key={event} danger={event === 'retired'} onClick={() => onLifecycle(row.item.id, event)} disabled={!canAct} data-testid={`action-${event}`}>
                {t(`equipment.event.${event}`)}
              </Button>
            ))}
            <Button icon={<PrinterOutlined />} onClick={() => onPrint([row.item.id])}>
              {t('equipment.detail.printLabel')}
            </Button>
          </Space>
          <Typography.Title level={5}>{t('equipment.detail.log')}</Typography.Title>
          <LogTimeline logs={row.logs} />
        </>
      )}
    </Drawer>
  );
};
