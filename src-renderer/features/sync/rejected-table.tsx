/** Records the server refused, with the reason in plain words: staff act on them; nothing is hidden. */
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RejectedEntry } from '../../data/index';
import { useSyncStatus } from '../../app/use-sync-status';
import { formatSyncTime, syncErrorText } from './sync-text';
import { TechnicalDetail } from './technical-detail';

/** A short human label for the refused record (member name, badge, or its id). */
const describe = (entry: RejectedEntry): string => {
  const doc = entry.doc;
  const label = [doc.name, doc.badge, doc.cardNo, doc.assetTag].find((v) => typeof v === 'string' && v !== '');
  return label ? `${String(label)} (${entry.id})` : entry.id;
};

export const RejectedTable = () => {
  const { t, i18n } = useTranslation();
  const { rejected } = useSyncStatus();
  return (
    <Card title={`${t('sync.rejectedTitle')} (${rejected.length})`} data-testid="rejected-rows">
      {rejected.length > 0 && <Typography.Paragraph type="secondary">{t('sync.rejectedHint')}</Typography.Paragraph>}
      <Table<RejectedEntry>
        size="small"
        rowKey={(e) => `${e.collection}/${e.id}`}
        dataSource={[...rejected].reverse()}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('sync.rejectedEmpty') }}
        columns={[
          { title: t('sync.column.time'), dataIndex: 'at', width: 170, render: (at: number) => formatSyncTime(at, i18n.language) },
          { title: t('sync.column.collection'), dataIndex: 'collection', width: 110, render: (c: string) => t(`collection.${c}`) },
          { title: t('sync.column.record'), key: 'record', render: (_: unknown, e) => describe(e) },
          { title: t('sync.column.reason'), dataIndex: 'code', render: (code: string) => <span data-code={code}>{syncErrorText(t, code)}</span> },
          { title: t('sync.column.detail'), dataIndex: 'message', render: (m: string, e) => <TechnicalDetail code={e.code} message={m} /> },
        ]}
      />
    </Card>
  );
};
