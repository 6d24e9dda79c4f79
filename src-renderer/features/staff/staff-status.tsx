/**
 * The staff part of the status bar: who is on duty, and sign-out. Also ends a session whose staff
 * member is no longer active here (disabled on the server and synced, or another station's data).
 */
import { Button, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useActiveStaff, useStaffOnDuty } from '../../session/use-staff';

export const StaffStatus = () => {
  const { t } = useTranslation();
  const { identity } = useServices();
  const staff = useStaffOnDuty();
  const active = useActiveStaff();

  useEffect(() => {
    if (staff && active && !active.some((s) => s.id === staff.id)) identity.staff.signOut();
  }, [staff, active, identity]);

  if (!staff) return <Typography.Text type="secondary">{t('staff.noStaff')}</Typography.Text>;
  return (
    <Space size="small">
      <Typography.Text data-testid="staff-on-duty">
        {t('staff.onDuty', { name: staff.name, role: t(`staff.role.${staff.role}`) })}
      </Typography.Text>
      <Button size="small" type="link" onClick={() => identity.staff.signOut()} data-testid="staff-sign-out">
        {t('staff.signOut')}
      </Button>
    </Space>
  );
};
