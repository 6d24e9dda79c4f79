/**
 * One day's timeline: a grid of venues × slots showing places taken of capacity (colour: free,
 * nearly full, full, over, out of service), and the day's classes with their loads. A click
 * opens the slot (its bookings and actions).
 */
import { Button, Card, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayTimeline, SessionRow, SlotLoad, VenueFaultState, VenueRow } from '../../../shared/domain/index';
import type { StationDoc } from '../../../shared/schemas/index';
import { loadText, localTime, sessionTitle, venueName } from './booking-text';
import type { SlotTarget } from './slot-drawer';

const cellColor = (load: SlotLoad, fault: VenueFaultState): string => {
  if (load.over) return '#f0f0f0';
  if (fault === 'blocked') return '#ffccc7';
  if (load.free === 0) return '#ffd8bf';
  if (load.free <= Math.max(1, Math.floor(load.capacity / 4))) return '#fff1b8';
  return '#d9f7be';
};

interface Props {
  station: StationDoc;
  timeline: DayTimeline;
  faults: Map<string, VenueFaultState>;
  /** Provisional bookings per slot key (the server has not decided them yet). */
  provisional: Map<string, number>;
  onOpen(target: SlotTarget): void;
}

const SlotCell = ({ row, load, fault, pending, onOpen, station }: { row: VenueRow; load: SlotLoad; fault: VenueFaultState; pending: number; onOpen: Props['onOpen']; station: StationDoc }) => {
  const { t } = useTranslation();
  const title = `${localTime(station, load.startsAt)}–${localTime(station, load.endsAt)} · ${t('bookings.slot.load', loadText(load))}${pending > 0 ? ` · ${t('bookings.provisionalCount', { count: pending })}` : ''}`;
  return (
    <Tooltip title={title}>
      <button
        type="button"
        data-testid={`slot-${row.venue.id}-${localTime(station, load.startsAt).replace(':', '')}`}
        data-free={load.free}
        data-taken={load.taken}
        data-provisional={pending}
        onClick={() => onOpen({ kind: 'venue', venue: row.venue, session: null, load })}
        style={{ width: '100%', minWidth: 44, border: '1px solid #d9d9d9', borderRadius: 4, padding: '4px 2px', cursor: 'pointer', background: cellColor(load, fault), fontSize: 14 }}
      >
        {load.taken}/{load.capacity}
        {load.waiting > 0 && <sup>+{load.waiting}</sup>}
        {pending > 0 && (
          <span data-testid="slot-provisional" title={t('bookings.provisionalCount', { count: pending })} style={{ color: '#ad6800', marginLeft: 2 }}>
            *
          </span>
        )}
      </button>
    </Tooltip>
  );
};

export const DayTimelineView = ({ station, timeline, faults, provisional, onOpen }: Props) => {
  const { t, i18n } = useTranslation();
  const starts = [...new Set(timeline.venues.flatMap((r) => r.slots.map((s) => s.startsAt)))].sort();
  const faultTag = (fault: VenueFaultState) =>
    fault === 'blocked' ? <Tag color="red">{t('bookings.faultBlocked')}</Tag> : fault === 'flagged' ? <Tag color="orange">{t('bookings.faultFlagged')}</Tag> : null;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('bookings.venues')} size="small">
        {timeline.venues.length === 0 ? (
          <Empty description={t('bookings.noVenues')} />
        ) : starts.length === 0 ? (
          <Empty description={t('bookings.closed')} />
        ) : (
          <Table<VenueRow>
            size="small"
            pagination={false}
            rowKey={(r) => r.venue.id}
            dataSource={timeline.venues}
            scroll={{ x: 'max-content' }}
            data-testid="venue-timeline"
            columns={[
              {
                title: t('bookings.column.venue'),
                key: 'venue',
                fixed: 'left',
                width: 150,
                render: (_: unknown, r) => (
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{venueName(r.venue, i18n.language)}</Typography.Text>
                    {faultTag(faults.get(r.venue.id) ?? 'ok')}
                  </Space>
                ),
              },
              ...starts.map((start) => ({
                title: localTime(station, start),
                key: start,
                align: 'center' as const,
                onHeaderCell: () => ({ style: { padding: '6px 3px' } }),
                onCell: () => ({ style: { padding: 3 } }),
                render: (_: unknown, r: VenueRow) => {
                  const load = r.slots.find((s) => s.startsAt === start);
                  return load ? <SlotCell row={r} load={load} fault={faults.get(r.venue.id) ?? 'ok'} pending={provisional.get(load.slotKey) ?? 0} onOpen={onOpen} station={station} /> : null;
                },
              })),
            ]}
          />
        )}
      </Card>
      <Card title={t('bookings.classes')} size="small">
        <Table<SessionRow>
          size="small"
          pagination={false}
          rowKey={(r) => r.session.id}
          dataSource={timeline.sessions}
          locale={{ emptyText: t('bookings.noClasses') }}
          data-testid="class-timeline"
          onRow={(r) => ({ onClick: () => onOpen({ kind: 'session', venue: null, session: r.session, load: r.load }), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('bookings.column.time'), key: 'time', width: 120, render: (_: unknown, r) => `${localTime(station, r.session.startsAt)}–${localTime(station, r.session.endsAt)}` },
            { title: t('bookings.column.class'), key: 'class', render: (_: unknown, r) => <Typography.Text strong>{sessionTitle(r.session, i18n.language)}</Typography.Text> },
            { title: t('bookings.column.instructor'), key: 'instructor', render: (_: unknown, r) => r.session.instructor },
            { title: t('bookings.column.booked'), key: 'booked', render: (_: unknown, r) => `${r.load.taken} / ${r.load.capacity}` },
            { title: t('bookings.column.waiting'), key: 'waiting', render: (_: unknown, r) => r.load.waiting || '' },
            {
              title: t('bookings.column.free'),
              key: 'free',
              render: (_: unknown, r) =>
                r.load.over ? <Tag>{t('bookings.over')}</Tag> : r.load.free > 0 ? <Tag color="green">{t('bookings.free', { count: r.load.free })}</Tag> : <Tag color="volcano">{t('bookings.full')}</Tag>,
            },
            {
              title: '',
              key: 'open',
              width: 80,
              render: (_: unknown, r) => (
                <Button size="small" data-testid={`class-${r.session.id}`}>
                  {t('bookings.open')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
};
