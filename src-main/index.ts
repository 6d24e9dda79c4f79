/**
 * Station Desk main process: wires the small modules together, in the order Electron needs.
 * Each module names the threat it closes; see README.md.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session, shell } from 'electron';
import type { AppInfo } from '../shared/ipc/channels';
import { installAppProtocol, registerAppScheme } from './app-protocol';
import { autoEnroll } from './auto-enroll';
import { blockNavigation } from './block-navigation';
import { SecretStore } from './credentials';
import { createDeviceService, parseDeviceCredential } from './device';
import { createHandle } from './ipc/handle';
import { ipcHandlers, registerIpcHandlers } from './ipc/handlers';
import { restrictPermissions } from './permissions';
import { createPiiKeyProvider, parsePiiKey } from './pii-key';
import { createLabelPrinter, LABEL_PARTITION } from './print-labels';
import { installQuitGuard } from './quit-guard';
import { safeStorageEncryptor } from './safe-storage';
import { acquireSingleInstance } from './single-instance';
import { applyUserDataPath } from './user-data';
import { createMainWindow, enforceSandbox, loadDesk } from './window';

// Before 'ready': storage location, sandbox for all renderers, the app:// scheme, one instance.
const userData = applyUserDataPath(app, process.env);
enforceSandbox(app);
registerAppScheme(protocol);
let mainWindow: BrowserWindow | null = null;

if (acquireSingleInstance(app, () => mainWindow)) {
  app.on('web-contents-created', (_event, contents) => blockNavigation(contents));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    console.error('Station Desk: failed to start', error);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const encryptor = safeStorageEncryptor(safeStorage, process.platform);
  const device = createDeviceService({
    store: new SecretStore(path.join(userData, 'device-credential.bin'), encryptor, parseDeviceCredential, 'device credential'),
    fetch: (url, init) => net.fetch(url, init),
  });
  const piiKey = createPiiKeyProvider(new SecretStore(path.join(userData, 'pii-key.bin'), encryptor, parsePiiKey, 'PII key'));
  const labels = createLabelPrinter({
    BrowserWindow,
    session: session.fromPartition(LABEL_PARTITION),
    shell,
    labelsDir: path.join(userData, 'labels'),
  });
  await device.load().catch((error: unknown) => console.error('Station Desk: device credential not loaded', error));
  await autoEnroll(device, process.env.STATION_DESK_ENROLL, '前台一号机');

  restrictPermissions(session.defaultSession);
  restrictPermissions(session.fromPartition(LABEL_PARTITION));
  installAppProtocol(protocol, { rootDir: path.join(__dirname, '../renderer'), serverUrl: device.serverUrl });

  const window = createMainWindow(BrowserWindow, path.join(__dirname, 'preload.cjs'), { devTools: !app.isPackaged });
  mainWindow = window;
  window.on('closed', () => {
    mainWindow = null;
  });
  const quitGuard = installQuitGuard(app, dialog, window);

  const appInfo = (): AppInfo => ({ version: app.getVersion(), shell: 'electron', platform: process.platform, locale: app.getLocale() });
  const handle = createHandle(ipcMain, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null));
  registerIpcHandlers(
    handle,
    ipcHandlers({
      appInfo,
      device,
      quitGuard,
      labels,
      piiKey,
      onEnrollmentChanged: () => setTimeout(() => mainWindow?.webContents.reload(), 500),
    }),
  );
  loadDesk(window);
}
