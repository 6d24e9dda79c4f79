/** Station totals over the last 30 days (downtime, MTTR, faults) and the venues equipment blocks or flags. */
import { Alert, Card, Col, Row, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepairStats, VenueFaultState } from '../../../shared/domain/index';
import type { VenueDoc } from '../../../shared/schemas/index';
import { useDurationText, venueName } from './equipment-text';

export interface StationSummaryProps {
  station: RepairStats;
  outOfService: number;
  venues: Map<string, VenueDoc>;
  venueFaults: Map<string, VenueFaultState>;
}

export const StationSummary = ({ station, outOfService, venues, venueFaults }: StationSummaryProps) => {
  const { t, i18n } = useTranslation();
  const duration = useDurationText();
  const alerts = [...venueFaults].filter(([, state]) => state !== 'ok');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 16 }}>
      <Card size="small" title={t('equipment.stats.title')} data-testid="equipment-stats">
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('equipment.stats.outOfService')} value={outOfService} data-testid="stat-out-of-service" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('equipment.stats.open')} value={station.open} data-testid="stat-open" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('equipment.stats.downtime')} value={duration(station.downtimeMs)} data-testid="stat-downtime" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('equipment.stats.mttr')} value={duration(station.mttrMs)} data-testid="stat-mttr" />
          </Col>
        </Row>
      </Card>
      {alerts.map(([venueId, state]) => (
        <Alert
          key={venueId}
          type={state === 'blocked' ? 'error' : 'warning'}
          showIcon
          data-testid="venue-fault"
          data-venue={venueId}
          data-state={state}
          title={t(`equipment.venues.${state}`, { venue: venueName(venues.get(venueId), i18n.language) || venueId })}
        />
      ))}
    </Space>
  );
};
