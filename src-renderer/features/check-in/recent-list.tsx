/** Today's most recent check-in attempts, newest first. */
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckInDoc } from '../../../shared/schemas/index';

const OUTCOME_COLORS = { admit: 'green', 'admit-with-warning': 'orange', deny: 'red' } as const;

export const RecentList = ({ checkins, names }: { checkins: CheckInDoc[]; names: Map<string, string> }) => {
  const { t, i18n } = useTranslation();
  return (
    <Table<CheckInDoc>
      data-testid="recent-check-ins"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={checkins}
      locale={{ emptyText: t('checkIn.noRecent') }}
      columns={[
        { title: t('checkIn.column.time'), dataIndex: 'at', width: 110, render: (at: string) => new Date(at).toLocaleTimeString(i18n.language) },
        {
          title: t('checkIn.column.member'),
          render: (_, c) => names.get(c.memberId) ?? (c.memberId ? c.memberId : `${t('checkIn.unknownMember')} (${c.badge})`),
        },
        {
          title: t('checkIn.column.result'),
          width: 140,
          render: (_, c) => (
            <Tag color={OUTCOME_COLORS[c.outcome]} data-testid="recent-outcome">
              {t(`outcome.${c.outcome}`)}
              {c.provisional ? ` · ${t('checkIn.provisional')}` : ''}
            </Tag>
          ),
        },
        { title: t('checkIn.column.reason'), render: (_, c) => (c.reason === 'OK' ? '' : t(`reason.${c.reason}`)) },
        { title: t('checkIn.column.method'), width: 90, render: (_, c) => t(`method.${c.method}`) },
      ]}
    />
  );
};
