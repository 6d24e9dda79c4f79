/**
 * What staff must know about the web build's offline shell (platform/app-shell.ts), above every
 * screen: a browser that cannot store the desk, a new version waiting for a reload, and a server
 * that refuses this version (the desk then fetches the new one at once). An insecure address is
 * refused before the app opens (main.tsx).
 */
import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppShell, ShellStatus } from '../platform/app-shell';
import { useServices } from './services';
import { useSyncStatus } from './use-sync-status';

const useShellStatus = (shell: AppShell): ShellStatus => {
  const [status, setStatus] = useState(shell.status());
  useEffect(() => {
    setStatus(shell.status());
    return shell.subscribe(setStatus);
  }, [shell]);
  return status;
};

export const ShellNotice = () => {
  const { t } = useTranslation();
  const { shell } = useServices();
  const status = useShellStatus(shell);
  const sync = useSyncStatus();
  const tooOld = sync.lastError?.code === 'CLIENT_TOO_OLD';
  useEffect(() => {
    if (tooOld) shell.checkForUpdate();
  }, [shell, tooOld]);

  const notices = [];
  if (status.state === 'unsupported' || status.state === 'failed') notices.push(<Alert key="unstored" type="warning" showIcon data-testid="shell-unstored" message={t(`shell.${status.state}`)} />);
  if (status.updateWaiting) {
    notices.push(
      <Alert
        key="update"
        type="info"
        showIcon
        data-testid="shell-update"
        message={t('shell.updateReady')}
        action={
          <Button size="small" type="primary" onClick={() => shell.applyUpdate()} data-testid="shell-update-apply">
            {t('shell.updateApply')}
          </Button>
        }
      />,
    );
  } else if (tooOld) {
    notices.push(<Alert key="too-old" type="error" showIcon data-testid="shell-too-old" message={t('shell.tooOld')} />);
  }
  if (notices.length === 0) return null;
  return <div style={{ display: 'grid', gap: 8, marginBottom: 16 }}>{notices}</div>;
};
