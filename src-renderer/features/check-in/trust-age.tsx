/**
 * A small label for the check-in screen: how fresh this desk's member-pass keys and revocations
 * are ("会员码密钥更新于 3 小时前"), amber with a warning past the station's limit, when passes
 * still verify but a recent revocation may be missing. Updates itself every minute.
 */
import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useSubscription } from '../../app/use-subscription';
import { trustAgeText } from './trust-age-text';

export interface TrustAgeProps {
  /** The station's `rules.trustMaxAgeHours` (0 = never warn). */
  maxAgeHours: number;
}

export const TrustAge = memo(function TrustAge({ maxAgeHours }: TrustAgeProps) {
  const { t } = useTranslation();
  const { repos, now } = useServices();
  const updatedAt = useSubscription<number | null | undefined>((listener) => repos.trust.subscribeUpdatedAt(listener), undefined, [repos]);
  const [clock, setClock] = useState(now);
  useEffect(() => {
    setClock(now());
    const timer = setInterval(() => setClock(now()), 60_000);
    return () => clearInterval(timer);
  }, [now, updatedAt]);
  if (updatedAt === undefined) return null;
  const age = trustAgeText(updatedAt, clock, maxAgeHours);
  return (
    <Tooltip title={age.stale ? t('passes.trustAge.stale', { hours: maxAgeHours }) : t('passes.trustAge.fresh')}>
      <Typography.Text type={age.stale ? 'warning' : 'secondary'} data-testid="trust-age" data-stale={age.stale}>
        {age.stale ? <WarningOutlined /> : <SafetyCertificateOutlined />} {t(`passes.trustAge.${age.unit}`, { count: age.count })}
      </Typography.Text>
    </Tooltip>
  );
});
