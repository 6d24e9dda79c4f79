/** Small shared pieces of the equipment screen: the status tag, venue names, times and durations. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EquipmentStatus } from '../../../shared/domain/index';
import type { VenueDoc } from '../../../shared/schemas/index';
import { formatDuration } from './duration-text';

const STATUS_COLOR: Record<EquipmentStatus, string> = {
  ok: 'success',
  faulty: 'warning',
  'out-of-service': 'error',
  'under-repair': 'processing',
  retired: 'default',
};

export const StatusTag = ({ status }: { status: EquipmentStatus }) => {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="equipment-status" data-status={status}>
      {t(`equipment.status.${status}`)}
    </Tag>
  );
};

export const venueName = (venue: VenueDoc | undefined, language: string): string =>
  venue ? (language === 'en' && venue.nameEn ? venue.nameEn : venue.name) : '';

export const formatTime = (ms: number | string, language: string): string =>
  new Intl.DateTimeFormat(language, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(ms));

/** `t` bound for durations; MTTR null → the "none" dash. */
export const useDurationText = () => {
  const { t } = useTranslation();
  return (ms: number | null) => (ms === null ? t('equipment.stats.none') : formatDuration(ms, (key, values) => t(key, values)));
};
