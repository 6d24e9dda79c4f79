/** Sync: how this desk stands with the central server, refused records, and each collection's conflict policy. */
import { Alert, Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COLLECTIONS } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { InitialSyncCard } from './initial-sync-card';
import { RejectedTable } from './rejected-table';
import { SyncStatusCard } from './sync-status-card';

export const SyncScreen = () => {
  const { t } = useTranslation();
  const { identity } = useServices();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('sync.title')}</Typography.Title>
      {!identity.device.enrolled && <Alert type="info" showIcon message={t('sync.notEnrolled')} />}
      {identity.device.enrolled && (
        <>
          <InitialSyncCard />
          <SyncStatusCard />
          <RejectedTable />
        </>
      )}
      <Card title={t('sync.policyTitle')}>
        <Table
          size="small"
          pagination={false}
          rowKey="name"
          dataSource={COLLECTIONS.map((c) => ({ name: c.name, policy: c.conflictPolicy }))}
          columns={[
            { title: '', dataIndex: 'name', render: (name: string) => t(`collection.${name}`) },
            { title: '', dataIndex: 'policy', render: (_: string, row: { name: string }) => t(`sync.policyFor.${row.name}`) },
          ]}
          showHeader={false}
        />
      </Card>
    </Space>
  );
};
