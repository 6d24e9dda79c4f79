/** Settings: language, this desk, idle sign-out, enrollment with the central server, scanner test and tuning, camera, demo data. */
import { Button, Card, Descriptions, Radio, Space, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/ipc/channels';
import { useServices } from '../../app/services';
import { changeLanguage, isLanguage } from '../../i18n/index';
import { loadDemoData } from './demo-data';
import { CameraCard } from './camera-card';
import { EnrollCard } from './enroll-card';
import { IdleCard } from './idle-card';
import { ScannerTestCard } from './scanner-test-card';

export const SettingsScreen = () => {
  const { t, i18n } = useTranslation();
  const { bridge, identity, repos } = useServices();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [toast, holder] = message.useMessage();

  useEffect(() => {
    void bridge.getAppInfo().then(setInfo);
  }, [bridge]);

  const loadDemo = async () => {
    const added = await loadDemoData(repos);
    if (added > 0) void toast.success(t('settings.demoLoaded', { members: added }));
    else void toast.info(t('settings.demoExists'));
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
      {holder}
      <Typography.Title level={3}>{t('settings.title')}</Typography.Title>
      <Card title={t('settings.language')}>
        <Radio.Group
          data-testid="language-switch"
          value={i18n.language}
          onChange={(e) => isLanguage(e.target.value) && void changeLanguage(i18n, e.target.value)}
          optionType="button"
          options={[
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('settings.languageHint')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('settings.device')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('settings.version')}>
            <span data-testid="app-version">{info?.version ?? '…'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.shell')}>
            {info?.shell === 'electron' ? t('settings.shellElectron') : t('settings.shellWeb')}
          </Descriptions.Item>
          <Descriptions.Item label="ID">{identity.device.deviceId}</Descriptions.Item>
        </Descriptions>
      </Card>
      <IdleCard />
      <EnrollCard />
      <ScannerTestCard />
      <CameraCard />
      {!identity.device.enrolled && (
        <Card title={t('settings.demo')}>
          <Typography.Paragraph>{t('settings.demoHint')}</Typography.Paragraph>
          <Button data-testid="load-demo" onClick={() => void loadDemo()}>
            {t('settings.demoLoad')}
          </Button>
        </Card>
      )}
    </Space>
  );
};
