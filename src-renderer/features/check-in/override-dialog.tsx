/**
 * The manager's override pad (F8 on a denial): the manager types their own PIN, optionally a
 * note; only an active manager's PIN passes (session/staff-auth.ts), and the override is
 * recorded as a second record (override-command.ts).
 */
import { Input, Modal, Typography } from 'antd';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useAuthError } from '../staff/auth-error-text';
import { deskPinGate } from '../../session/pin-gate';
import { PinPad } from '../staff/pin-pad';
import { authenticateManager } from '../../session/staff-auth';
import type { CheckInContext, CheckInResult } from './check-in-command';
import { NOTE_MAX_LENGTH, overrideDenial } from './override-command';

export interface OverrideDialogProps {
  denied: CheckInResult | null;
  context(): CheckInContext | null;
  onClose(): void;
  onDone(result: CheckInResult, managerName: string): void;
}

export const OverrideDialog = memo(function OverrideDialog({ denied, context, onClose, onDone }: OverrideDialogProps) {
  const { t } = useTranslation();
  const { repos, now } = useServices();
  const [pin, setPin] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, fail, set: setError } = useAuthError(now);

  const close = () => {
    setPin('');
    setNote('');
    setError(null);
    onClose();
  };

  const submit = async () => {
    const ctx = context();
    if (!denied || !ctx || busy) return;
    setBusy(true);
    try {
      const staff = await repos.staff.active();
      if (!staff.some((s) => s.role === 'manager')) {
        setError(t('checkIn.override.noManager'));
        return;
      }
      const auth = await authenticateManager(deskPinGate(now), staff, pin);
      if (!auth.ok) {
        fail(auth);
        return;
      }
      const outcome = await overrideDenial(ctx, denied, auth.staff, note);
      if (!outcome.ok) {
        setError(t(`checkIn.override.error.${outcome.error}`));
        return;
      }
      onDone(outcome.result, auth.staff.name);
      close();
    } catch (e) {
      setError(t('checkIn.saveFailed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
      setPin('');
    }
  };

  return (
    <Modal open={denied !== null} title={t('checkIn.override.title')} onCancel={close} footer={null} destroyOnHidden>
      <div data-testid="override-dialog">
        <Typography.Paragraph>{t('checkIn.override.hint')}</Typography.Paragraph>
        {denied && (
          <Typography.Paragraph strong>
            {t(`reason.${denied.decision.reason}`)}
          </Typography.Paragraph>
        )}
        <label htmlFor="override-note-field" data-testid="override-note-label" style={{ display: 'block', marginBottom: 4 }}>
          {t('checkIn.override.note')}
        </label>
        <Input.TextArea
          id="override-note-field"
          data-testid="override-note"
          value={note}
          maxLength={NOTE_MAX_LENGTH}
          autoSize={{ minRows: 1, maxRows: 3 }}
          placeholder={t('checkIn.override.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          style={{ marginBottom: 12 }}
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
          submitLabel={t('checkIn.override.submit')}
          testId="override-pin"
          label={t('checkIn.override.pin')}
        />
      </div>
    </Modal>
  );
});
