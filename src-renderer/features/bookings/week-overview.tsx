/**
 * The week at a glance: for each of seven days, each venue's places booked of its capacity over
 * the day, and the day's classes with their loads. A click on a day opens its timeline.
 */
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayTimeline, VenueFaultState } from '../../../shared/domain/index';
import type { StationDoc, VenueDoc } from '../../../shared/schemas/index';
import { localDay, localTime, sessionTitle, venueName } from './booking-text';

interface Props {
  station: StationDoc;
  days: DayTimeline[];
  venues: VenueDoc[];
  faults: Map<string, VenueFaultState>;
  onOpenDay(dayStart: number): void;
}

type Row = { key: string; venue: VenueDoc | null };

export const WeekOverview = ({ station, days, venues, faults, onOpenDay }: Props) => {
  const { t, i18n } = useTranslation();
  const rows: Row[] = [...venues.filter((v) => v.active).map((venue) => ({ key: venue.id, venue })), { key: '__classes', venue: null }];
  return (
    <Card size="small" data-testid="week-overview">
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('bookings.column.venue'),
            key: 'venue',
            fixed: 'left',
            width: 140,
            render: (_: unknown, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{r.venue ? venueName(r.venue, i18n.language) : t('bookings.classes')}</Typography.Text>
                {r.venue && faults.get(r.venue.id) === 'blocked' && <Tag color="red">{t('bookings.faultBlocked')}</Tag>}
              </Space>
            ),
          },
          ...days.map((day) => ({
            key: String(day.dayStart),
            title: (
              <Button type="link" size="small" onClick={() => onOpenDay(day.dayStart)} data-testid={`week-day-${day.dayStart}`}>
                {localDay(station, day.dayStart, i18n.language)}
              </Button>
            ),
            render: (_: unknown, r: Row) => {
              if (!r.venue) {
                return (
                  <Space direction="vertical" size={0}>
                    {day.sessions.map((s) => (
                      <Typography.Text key={s.session.id} type={s.load.over ? 'secondary' : undefined} style={{ whiteSpace: 'nowrap' }}>
                        {localTime(station, s.session.startsAt)} {sessionTitle(s.session, i18n.language)} {s.load.taken}/{s.load.capacity}
                      </Typography.Text>
                    ))}
                  </Space>
                );
              }
              const slots = day.venues.find((v) => v.venue.id === r.venue!.id)?.slots ?? [];
              const taken = slots.reduce((n, s) => n + s.taken, 0);
              const capacity = slots.reduce((n, s) => n + s.capacity, 0);
              return capacity > 0 ? <span style={{ whiteSpace: 'nowrap' }}>{t('bookings.weekTotals', { taken, capacity })}</span> : '—';
            },
          })),
        ]}
      />
    </Card>
  );
};
