/** Bookings: venues and classes of this station (the booking workflow builds on this screen). */
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export const BookingsScreen = () => {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3}>{t('bookings.title')}</Typography.Title>
      <Empty description={t('bookings.empty')} />
    </>
  );
};
