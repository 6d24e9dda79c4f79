/** Today's admissions (denied attempts beside them, not counted in) and live occupancy against the station's capacity. */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

export const CheckInStats = memo(function CheckInStats({ today, denied, inside, capacity }: { today: number; denied: number; inside: number; capacity: number }) {
  const { t } = useTranslation();
  const full = capacity > 0 && inside >= capacity;
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Card>
          <Statistic title={t('checkIn.todayCount')} value={today} valueStyle={{ fontSize: 36 }} data-testid="today-count" />
          <Typography.Text type="secondary" data-testid="denied-count">
            {t('checkIn.stats.denied', { count: denied })}
          </Typography.Text>
        </Card>
      </Col>
      <Col span={12}>
        <Card style={full ? { borderColor: '#e03131' } : undefined}>
          <Statistic
            title={t('checkIn.occupancy')}
            value={inside}
            suffix={capacity ? `/ ${capacity}` : undefined}
            valueStyle={{ fontSize: 36, color: full ? '#e03131' : undefined }}
            data-testid="occupancy"
          />
          {full && <Typography.Text type="danger" data-testid="at-capacity">{t('checkIn.stats.full')}</Typography.Text>}
        </Card>
      </Col>
    </Row>
  );
});
