/** The desk's idle time before the staff member on duty is signed out (session/idle-sign-out.ts). */
import { Card, Select, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { IDLE_MINUTE_CHOICES } from '../../session/idle-sign-out';

export const IdleCard = () => {
  const { t } = useTranslation();
  const { identity } = useServices();
  const [minutes, setMinutes] = useState(() => identity.idle.minutes());
  const [toast, holder] = message.useMessage();

  const choose = (next: number) => {
    identity.idle.setMinutes(next);
    setMinutes(next);
    void toast.success(t('settings.idle.saved', { count: next }));
  };

  return (
    <Card title={t('settings.idle.title')}>
      {holder}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('settings.idle.label')}</Typography.Text>
        <Select
          data-testid="idle-minutes"
          value={minutes}
          onChange={choose}
          style={{ width: 160 }}
          options={IDLE_MINUTE_CHOICES.map((m) => ({ value: m, label: t('settings.idle.minutes', { count: m }) }))}
        />
        <Typography.Paragraph type="secondary">{t('settings.idle.hint')}</Typography.Paragraph>
      </Space>
    </Card>
  );
};
