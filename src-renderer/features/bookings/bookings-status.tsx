/**
 * The bookings part of the status bar, always mounted: the exception count (a click opens the
 * booking screen), and the desk's no-show release loop, which must run whatever screen is open
 * (no-show-release.ts) — offline too.
 */
import { Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { startNoShowRelease } from './no-show-release';
import { useExceptions } from './use-exceptions';

export const BookingsStatus = () => {
  const { t } = useTranslation();
  const { repos, now } = useServices();
  const exceptions = useExceptions();

  useEffect(() => startNoShowRelease(repos, now, { onError: (error) => console.warn('Station Desk: no-show release failed', error) }), [repos, now]);

  if (exceptions.length === 0) return null;
  return (
    <Tag
      color="red"
      data-testid="booking-exceptions-badge"
      style={{ cursor: 'pointer' }}
      onClick={() => {
        window.location.hash = '#/bookings';
      }}
    >
      {t('bookings.exceptions.badge', { count: exceptions.length })}
    </Tag>
  );
};
