/**
 * Enrollment with the central server: server address + one-time code + desk name →
 * `bridge.enrollDevice()`. Afterwards the page reloads and sync starts (Electron main reloads
 * by itself ~0.5 s after enrolling, so its CSP names the new server; the web build reloads here).
 * Enrolled desks show where they sync and may forget the enrollment.
 */
import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useSyncStatus } from '../../app/use-sync-status';
import { isWebBridge } from '../../platform/web-bridge';
import { errorCodeOf, syncErrorText } from '../sync/sync-text';
import { checkCode, checkDeskName, checkServerUrl, toEnrollArgs, type EnrollInput, type FieldProblem } from './enroll-validation';

const RELOAD_DELAY_MS = 600;

const rule = (check: (value: string) => FieldProblem | null, t: (key: string, values?: Record<string, unknown>) => string) => ({
  validator: async (_: unknown, value: string) => {
    const problem = check(value);
    if (problem) throw new Error(t(problem.key, problem.values));
  },
});

export const EnrollCard = () => {
  const { t } = useTranslation();
  const { bridge, identity } = useServices();
  const sync = useSyncStatus();
  const [form] = Form.useForm<EnrollInput>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [toast, holder] = message.useMessage();
  const device = identity.device;
  // The web build is normally served by the central server itself. Electron main reloads the
  // page by itself after enroll/forget; the web build reloads here to start over.
  const web = isWebBridge(bridge);
  const reloadSoon = () => {
    if (web) window.setTimeout(() => window.location.reload(), RELOAD_DELAY_MS);
  };

  const enroll = async (input: EnrollInput) => {
    const args = toEnrollArgs(input);
    if (!args) return;
    setBusy(true);
    setFailure(null);
    try {
      await bridge.enrollDevice(args);
      setDone(true);
      void toast.success(t('settings.enroll.success'));
      reloadSoon();
    } catch (error) {
      setFailure(errorCodeOf(error));
    } finally {
      setBusy(false);
    }
  };

  const forget = async () => {
    await bridge.forgetDevice();
    void toast.info(t('settings.enroll.forgotten'));
    reloadSoon();
  };

  if (device.enrolled) {
    const pending = sync.pending ?? 0;
    return (
      <Card title={t('settings.enroll.enrolled')} data-testid="enrollment">
        {holder}
        {sync.state === 'revoked' && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('settings.enroll.revoked')} />}
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('settings.enroll.server')}>{device.serverUrl}</Descriptions.Item>
          <Descriptions.Item label={t('settings.enroll.station')}>{device.stationId}</Descriptions.Item>
          <Descriptions.Item label={t('settings.enroll.deskName')}>{device.deskName}</Descriptions.Item>
        </Descriptions>
        <Popconfirm
          title={t('settings.enroll.forget')}
          description={
            <div style={{ maxWidth: 360 }}>
              {t('settings.enroll.forgetConfirm')}
              {pending > 0 && <Typography.Paragraph type="danger">{t('settings.enroll.forgetPending', { count: pending })}</Typography.Paragraph>}
            </div>
          }
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={forget}
        >
          <Button danger data-testid="forget-device">
            {t('settings.enroll.forget')}
          </Button>
        </Popconfirm>
      </Card>
    );
  }

  return (
    <Card title={t('settings.enroll.title')} data-testid="enrollment">
      {holder}
      <Typography.Paragraph>{t('settings.enroll.intro')}</Typography.Paragraph>
      <Form<EnrollInput>
        form={form}
        layout="vertical"
        disabled={busy || done}
        initialValues={{ serverUrl: device.serverUrl || (web ? window.location.origin : ''), code: '', deskName: device.deskName }}
        onFinish={(values) => void enroll(values)}
      >
        <Form.Item name="serverUrl" label={t('settings.enroll.serverUrl')} rules={[rule(checkServerUrl, t)]}>
          <Input data-testid="enroll-server" placeholder={t('settings.enroll.serverUrlPlaceholder')} autoComplete="off" />
        </Form.Item>
        <Form.Item name="code" label={t('settings.enroll.code')} rules={[rule(checkCode, t)]}>
          <Input data-testid="enroll-code" placeholder={t('settings.enroll.codePlaceholder')} autoComplete="off" style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="deskName" label={t('settings.enroll.deskName')} rules={[rule(checkDeskName, t)]}>
          <Input data-testid="enroll-desk-name" placeholder={t('settings.enroll.deskNamePlaceholder')} autoComplete="off" />
        </Form.Item>
        {failure && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="enroll-error" data-code={failure} message={t('settings.enroll.failed', { message: syncErrorText(t, failure) })} />
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="enroll-submit">
          {t('settings.enroll.submit')}
        </Button>
      </Form>
    </Card>
  );
};
