/** Progress of a newly enrolled desk's first download, while it runs. */
import { Card, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COLLECTION_NAMES } from '../../../shared/schemas/index';
import { useSyncStatus } from '../../app/use-sync-status';

export const InitialSyncCard = () => {
  const { t } = useTranslation();
  const { initialSync: progress, state } = useSyncStatus();
  if (!progress.active || state === 'revoked') return null;
  return (
    <Card title={t('sync.initialTitle')} data-testid="initial-sync">
      <Typography.Paragraph>{t('sync.initialHint')}</Typography.Paragraph>
      <Progress percent={progress.percent} status="active" />
      <Typography.Paragraph type="secondary">
        {t('sync.initialProgress', { done: progress.collectionsDone, total: progress.collectionsTotal, received: progress.received })}
        {progress.remaining ? ` · ${t('sync.initialRemaining', { count: progress.remaining })}` : ''}
      </Typography.Paragraph>
      <Space wrap>
        {COLLECTION_NAMES.map((name) => {
          const entry = progress.byCollection[name];
          return (
            <Tag key={name} color={entry.done ? 'green' : 'blue'}>
              {t(`collection.${name}`)} {entry.received > 0 ? entry.received : ''}
              {entry.done ? ' ✓' : ''}
            </Tag>
          );
        })}
      </Space>
    </Card>
  );
};
