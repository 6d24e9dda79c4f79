/**
 * Staff sign-in at the desk: choose a name (arrow keys or click), type the PIN, Enter. Verified
 * offline against the `staff` verifiers (staff-auth.ts); the session then names this staff member
 * in every record the desk makes.
 */
import { Card, Empty, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_STATION_ID } from '../../../shared/demo/members';
import type { StaffDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { useAuthError } from './auth-error-text';
import { deskPinGate } from '../../session/pin-gate';
import { PinPad } from './pin-pad';
import { authenticateStaff } from '../../session/staff-auth';

const LAST_KEY = 'station-desk.last-staff';

export const SignInCard = ({ staff, stationId }: { staff: StaffDoc[]; stationId: string }) => {
  const { t } = useTranslation();
  const { identity, now } = useServices();
  const [selected, setSelected] = useState<string>(() => localStorage.getItem(LAST_KEY) ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, fail, set: setError } = useAuthError(now);

  useEffect(() => {
    if (staff.length > 0 && !staff.some((s) => s.id === selected)) setSelected(staff[0]!.id);
  }, [staff, selected]);

  const move = (step: number) => {
    const i = staff.findIndex((s) => s.id === selected);
    const next = staff[(i + step + staff.length) % staff.length];
    if (next) setSelected(next.id);
    setError(null);
  };

  const submit = async () => {
    const member = staff.find((s) => s.id === selected);
    if (!member || busy) return;
    setBusy(true);
    try {
      const result = await authenticateStaff(deskPinGate(now), member, pin);
      if (result.ok) {
        localStorage.setItem(LAST_KEY, member.id);
        identity.staff.signIn(member);
      } else fail(result);
    } finally {
      setBusy(false);
      setPin('');
    }
  };

  return (
    <Card title={t('staff.title')} data-testid="staff-sign-in" style={{ marginBottom: 16 }}>
      {staff.length === 0 ? (
        <Empty description={t('staff.noActiveStaff')} />
      ) : (
        <>
          <Typography.Paragraph>{t('staff.hint')}</Typography.Paragraph>
          {stationId === DEMO_STATION_ID && <Typography.Paragraph type="secondary">{t('staff.demoHint')}</Typography.Paragraph>}
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="large"
            value={selected}
            onChange={(e) => {
              setSelected(e.target.value as string);
              setError(null);
            }}
            style={{ marginBottom: 16 }}
            options={staff.map((s) => ({
              value: s.id,
              label: (
                <span data-testid="staff-option">
                  {s.name} <small style={{ opacity: 0.7 }}>{t(`staff.role.${s.role}`)}</small>
                </span>
              ),
            }))}
          />
          <PinPad
            value={pin}
            onChange={(v) => {
              setPin(v);
              setError(null);
            }}
            onSubmit={() => void submit()}
            busy={busy}
            error={error}
            submitLabel={t('staff.signIn')}
            testId="sign-in-pin"
            onOtherKey={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'ArrowRight') move(1);
              else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') move(-1);
              else return;
              e.preventDefault();
            }}
          />
        </>
      )}
    </Card>
  );
};
