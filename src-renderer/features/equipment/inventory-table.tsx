/** The station's inventory: one row per item with its derived status, venue and 30-day metrics. */
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VenueDoc } from '../../../shared/schemas/index';
import { formatTime, StatusTag, useDurationText, venueName } from './equipment-text';
import type { EquipmentRow } from './use-equipment-overview';

export interface InventoryTableProps {
  rows: EquipmentRow[];
  venues: Map<string, VenueDoc>;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onOpen: (id: string) => void;
}

export const InventoryTable = ({ rows, venues, selected, onSelect, onOpen }: InventoryTableProps) => {
  const { t, i18n } = useTranslation();
  const duration = useDurationText();
  return (
    <Table<EquipmentRow>
      data-testid="equipment-table"
      size="middle"
      rowKey={(r) => r.item.id}
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t('equipment.empty') }}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)) }}
      onRow={(r) => ({ onClick: () => onOpen(r.item.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('equipment.column.tag'), key: 'tag', width: 130, render: (_, r) => <Typography.Text code>{r.item.assetTag}</Typography.Text> },
        { title: t('equipment.column.name'), key: 'name', render: (_, r) => r.item.name },
        { title: t('equipment.column.category'), key: 'category', render: (_, r) => t(`equipment.category.${r.item.category}`) },
        { title: t('equipment.column.venue'), key: 'venue', render: (_, r) => venueName(venues.get(r.item.venueId), i18n.language) },
        { title: t('equipment.column.status'), key: 'status', render: (_, r) => <StatusTag status={r.state.status} /> },
        { title: t('equipment.column.since'), key: 'since', render: (_, r) => (r.state.since === null ? '' : formatTime(r.state.since, i18n.language)) },
        { title: t('equipment.column.downtime'), key: 'downtime', render: (_, r) => duration(r.stats.downtimeMs) },
        { title: t('equipment.column.mttr'), key: 'mttr', render: (_, r) => duration(r.stats.mttrMs) },
      ]}
    />
  );
};
