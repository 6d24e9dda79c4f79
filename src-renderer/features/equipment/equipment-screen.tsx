/** Equipment: the station's inventory (fault reporting builds on this screen). */
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export const EquipmentScreen = () => {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3}>{t('equipment.title')}</Typography.Title>
      <Empty description={t('equipment.empty')} />
    </>
  );
};
