/**
 * Today's last 20 attempts, newest first; a visit still open can be checked out from here.
 * Memoised: the table is the costliest part of the check-in screen, and a scan's result panel must
 * not wait for it to render again with unchanged rows.
 */
import { Button, Table, Tag, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInDoc } from '../../../shared/schemas/index';

const OUTCOME_COLORS = { admit: 'green', 'admit-with-warning': 'orange', deny: 'red' } as const;

export interface RecentListProps {
  checkins: CheckInDoc[];
  /** member id → name ('' for an unregistered card) */
  names: Map<string, string>;
  /** ids of visits open now */
  inside: ReadonlySet<string>;
  onCheckOut?(visit: CheckInDoc): void;
}

export const RecentList = memo(function RecentList({ checkins, names, inside, onCheckOut }: RecentListProps) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language);
  return (
    <Table<CheckInDoc>
      data-testid="recent-check-ins"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={checkins}
      locale={{ emptyText: t('checkIn.noRecent') }}
      columns={[
        { title: t('checkIn.column.time'), dataIndex: 'at', width: 110, render: (at: string) => time(at) },
        {
          title: t('checkIn.column.member'),
          // a pass that did not verify names no one: its text is never shown as a card number
          render: (_, c) =>
            names.get(c.memberId) || (c.reason === 'BAD_SIGNATURE' ? t('checkIn.panel.invalidPass') : `${t('checkIn.unknownMember')} (${c.badge})`),
        },
        {
          title: t('checkIn.column.result'),
          width: 150,
          render: (_, c) => (
            <Tag color={OUTCOME_COLORS[c.outcome]} data-testid="recent-outcome">
              {t(`outcome.${c.outcome}`)}
              {c.provisional ? ` · ${t('checkIn.provisional')}` : ''}
            </Tag>
          ),
        },
        { title: t('checkIn.column.reason'), render: (_, c) => (c.reason === 'OK' ? '' : t(`reason.${c.reason}`)) },
        { title: t('checkIn.column.method'), width: 90, render: (_, c) => t(`method.${c.method}`) },
        {
          title: t('checkIn.checkOut.button'),
          width: 150,
          render: (_, c) => {
            if (c.checkedOutAt)
              return (
                <Typography.Text type="secondary" title={c.checkOutMethod ? t(`checkIn.checkOut.method.${c.checkOutMethod}`) : undefined}>
                  {t('checkIn.checkOut.buttonDone', { time: time(c.checkedOutAt) })}
                </Typography.Text>
              );
            if (!inside.has(c.id) || !onCheckOut) return null;
            return (
              <Button size="small" onClick={() => onCheckOut(c)} data-testid="recent-check-out">
                {t('checkIn.checkOut.button')}
              </Button>
            );
          },
        },
      ]}
    />
  );
});
