/** Confirms one lifecycle step (repair started, repaired, inspected, retired) with an optional note. */
import { Alert, Form, Input, Modal, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EquipmentDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { DESCRIPTION_MAX, recordLifecycleEvent } from './equipment-commands';
import type { LifecycleEvent } from './lifecycle';

export interface LifecycleModalProps {
  target: { item: EquipmentDoc; event: LifecycleEvent } | null;
  onClose: () => void;
}

export const LifecycleModal = ({ target, onClose }: LifecycleModalProps) => {
  const { t } = useTranslation();
  const services = useServices();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const action = target ? t(`equipment.event.${target.event}`) : '';

  const confirm = async () => {
    if (!target) return;
    setSaving(true);
    try {
      const context = { repos: services.repos, deskId: services.identity.device.deviceId, staffId: services.identity.staffId, now: services.now() };
      await recordLifecycleEvent(context, target.item, target.event, note);
      void message.success(t('equipment.lifecycle.saved', { action }));
      if (!services.isOnline()) void message.info(t('equipment.savedOffline'));
      setNote('');
      onClose();
    } catch (error) {
      void message.error(t('equipment.saveFailed', { message: (error as Error).message }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={target ? t('equipment.lifecycle.title', { action, name: target.item.name }) : ''}
      onCancel={() => {
        setNote('');
        onClose();
      }}
      onOk={() => void confirm()}
      okText={t('equipment.lifecycle.submit')}
      okButtonProps={{ danger: target?.event === 'retired', loading: saving }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {target?.event === 'retired' && <Alert type="warning" showIcon title={t('equipment.lifecycle.retireWarning')} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label={t('equipment.lifecycle.note')}>
          <Input.TextArea rows={3} maxLength={DESCRIPTION_MAX} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('equipment.lifecycle.notePlaceholder')} data-testid="lifecycle-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
