/** Reports: today's check-ins by outcome and by reason, read from the local database. */
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckInDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { useStation, useTodayRange } from '../../app/use-station';
import { useSubscription } from '../../app/use-subscription';

export const summarize = (checkins: CheckInDoc[]) => {
  const byOutcome = { admit: 0, 'admit-with-warning': 0, deny: 0 };
  const byReason = new Map<string, number>();
  for (const c of checkins) {
    byOutcome[c.outcome] += 1;
    byReason.set(c.reason, (byReason.get(c.reason) ?? 0) + 1);
  }
  return { byOutcome, byReason: [...byReason.entries()].sort((a, b) => b[1] - a[1]), total: checkins.length };
};

export const ReportsScreen = () => {
  const { t } = useTranslation();
  const { repos } = useServices();
  const station = useStation();
  const range = useTodayRange(station);
  const checkins = useSubscription<CheckInDoc[]>((l) => repos.checkins.subscribeBetween(range, l), [], [repos, range.from]);
  const { byOutcome, byReason, total } = summarize(checkins);
  return (
    <>
      <Typography.Title level={3}>{t('reports.title')}</Typography.Title>
      <Card title={t('reports.today')}>
        <Row gutter={16}>
          <Col span={6}><Statistic title={t('reports.total')} value={total} /></Col>
          <Col span={6}><Statistic title={t('reports.admitted')} value={byOutcome.admit} /></Col>
          <Col span={6}><Statistic title={t('reports.warned')} value={byOutcome['admit-with-warning']} /></Col>
          <Col span={6}><Statistic title={t('reports.denied')} value={byOutcome.deny} /></Col>
        </Row>
      </Card>
      <Card title={t('reports.byReason')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          pagination={false}
          rowKey={(row) => row[0]}
          dataSource={byReason}
          columns={[
            { title: t('checkIn.column.reason'), render: (_, row) => t(`reason.${row[0]}`) },
            { title: t('reports.total'), render: (_, row) => row[1] },
          ]}
        />
      </Card>
    </>
  );
};
