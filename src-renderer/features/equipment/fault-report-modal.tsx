/**
 * The fault report: which item (scan its label — a keyboard-wedge scanner types the tag into the
 * search box and Enter picks it — or pick it from the list), how bad, what is wrong, and an
 * optional photo. Saved locally at once, online or not; the sync layer uploads it.
 */
import { Form, Input, Modal, Radio, Select, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FAULT_SEVERITIES, type FaultSeverity } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { DESCRIPTION_MAX, EquipmentCommandError, reportFault } from './equipment-commands';
import { canReportFault } from './lifecycle';
import { PhotoPicker } from './photo/photo-picker';
import type { EquipmentRow } from './use-equipment-overview';

interface FaultForm {
  equipmentId: string;
  severity: FaultSeverity;
  description: string;
  photo: string;
}

export interface FaultReportModalProps {
  open: boolean;
  /** Pre-selected item (opened from a scan or from the item's detail). */
  equipmentId: string | null;
  rows: EquipmentRow[];
  onClose: () => void;
}

export const FaultReportModal = ({ open, equipmentId, rows, onClose }: FaultReportModalProps) => {
  const { t } = useTranslation();
  const services = useServices();
  const [form] = Form.useForm<FaultForm>();
  const [saving, setSaving] = useState(false);

  const submit = async (values: FaultForm) => {
    const row = rows.find((r) => r.item.id === values.equipmentId);
    if (!row) return;
    setSaving(true);
    try {
      const context = { repos: services.repos, deskId: services.identity.device.deviceId, staffId: services.identity.staffId, now: services.now() };
      await reportFault(context, row.item, { severity: values.severity, description: values.description, photo: values.photo ?? '' });
      void message.success(t('equipment.form.saved', { name: row.item.name }));
      if (!services.isOnline()) void message.info(t('equipment.savedOffline'));
      onClose();
    } catch (error) {
      const text = error instanceof EquipmentCommandError && error.code === 'RETIRED' ? t('equipment.form.retired') : (error as Error).message;
      void message.error(t('equipment.saveFailed', { message: text }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('equipment.form.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('equipment.form.submit')}
      okButtonProps={{ danger: true, loading: saving }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ...(equipmentId ? { equipmentId } : {}), description: '', photo: '' }}
        onFinish={(v) => void submit(v)}
        data-testid="fault-form"
      >
        <Form.Item name="equipmentId" label={t('equipment.form.equipment')} rules={[{ required: true, message: t('equipment.form.pickEquipment') }]}>
          <Select
            showSearch
            autoFocus
            data-testid="fault-equipment"
            placeholder={t('equipment.form.equipmentPlaceholder')}
            optionFilterProp="label"
            options={rows
              .filter((r) => canReportFault(r.state.status))
              .map((r) => ({ value: r.item.id, label: `${r.item.assetTag} ${r.item.name}` }))}
          />
        </Form.Item>
        <Form.Item name="severity" label={t('equipment.form.severity')} rules={[{ required: true, message: t('equipment.form.pickSeverity') }]}>
          <Radio.Group data-testid="fault-severity">
            <Space orientation="vertical">
              {FAULT_SEVERITIES.map((s) => (
                <Radio key={s} value={s} data-testid={`severity-${s}`}>
                  <Typography.Text strong type={s === 'high' ? 'danger' : undefined}>
                    {t(`equipment.severity.${s}`)}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">{t(`equipment.severityHint.${s}`)}</Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="description" label={t('equipment.form.description')} rules={[{ required: true, whitespace: true, message: t('equipment.form.describe') }]}>
          <Input.TextArea rows={3} maxLength={DESCRIPTION_MAX} showCount placeholder={t('equipment.form.descriptionPlaceholder')} data-testid="fault-description" />
        </Form.Item>
        <Form.Item name="photo" label={t('equipment.form.photo')}>
          <PhotoPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
};
