/**
 * Renderer entry: pick the bridge (Electron preload or web), open the local database, start
 * syncing in the background when this desk is enrolled, then render. Nothing here waits for the
 * network: the desk must open offline.
 */
import { Alert, Progress } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/app';
import { ServicesProvider, type Services } from './app/services';
import {
  createDatabase,
  createRepositories,
  databaseNameFor,
  dexieStorage,
  notEnrolledSync,
  piiKeysFromIndexedDb,
  piiKeysFromSecret,
  startReplication,
  type PiiKeys,
  type SyncService,
} from './data/index';
import type { DeskBridge } from '../shared/ipc/bridge';
import type { DeviceStatus } from '../shared/ipc/channels';
import type { DeskDatabase } from './data/index';
import { startClosingCheckOut } from './features/check-in/closing-check-out';
import { startIdleSignOut } from './session/idle-sign-out';
import { createStaffSession, deskIdentity } from './session/staff-session';
import { createI18n } from './i18n/index';
import { browserShellEnvironment, startAppShell } from './platform/app-shell';
import { accessTokenProvider, getBridge } from './platform/bridge';
import { isWebBridge } from './platform/web-bridge';
import { enrollFromLink } from './platform/enroll-link';

/** Replication runs in the background; its pending count feeds Electron's quit guard. */
const startSync = (db: DeskDatabase, bridge: DeskBridge, device: DeviceStatus): SyncService => {
  if (!device.enrolled) return notEnrolledSync();
  let reported = -1;
  return startReplication(db, {
    serverUrl: device.serverUrl || window.location.origin,
    stationId: device.stationId,
    getAccessToken: accessTokenProvider(bridge),
    onPendingWrites: (count) => {
      if (count === reported) return;
      reported = count;
      bridge.reportPendingWrites(count).catch((error: unknown) => console.warn('Station Desk: pending count not reported', error));
    },
  });
};

/**
 * The keys that seal member PII at rest (docs/security.md): from main's safeStorage secret in
 * Electron, the page's own non-extractable keys in IndexedDB in the web build.
 */
const piiKeysFor = async (bridge: DeskBridge): Promise<PiiKeys> =>
  isWebBridge(bridge) ? piiKeysFromIndexedDb() : piiKeysFromSecret(await bridge.getPiiKey());

const boot = async () => {
  const root = createRoot(document.getElementById('root')!);
  const i18n = await createI18n();
  document.documentElement.lang = i18n.language;
  try {
    const bridge = getBridge();
    // first, so the shell is stored even if the local database fails to open
    const shell = startAppShell(browserShellEnvironment(!isWebBridge(bridge)));
    // Plain http:// at a LAN address: the browser withholds Web Crypto and service workers, so
    // the desk could neither keep member data sealed, verify passes nor reopen offline. It says
    // so and opens nothing rather than run half-protected (docs/security.md).
    if (shell.status().state === 'insecure') {
      root.render(<Alert type="error" showIcon data-testid="shell-insecure" style={{ maxWidth: 640, margin: '20vh auto' }} message={i18n.t('shell.insecure', { origin: window.location.origin })} />);
      return;
    }
    const device = await enrollFromLink(bridge, await bridge.getDeviceStatus(), i18n.t('settings.defaultDeskName'));
    // one database per station: demo data tried before enrolling never mixes into a station's
    const name = databaseNameFor(device.enrolled ? device.stationId : '');
    // an upgrade that migrates stored documents shows its progress (minutes for a big roster)
    const db = await createDatabase({
      storage: dexieStorage(),
      name,
      pii: await piiKeysFor(bridge),
      multiInstance: true,
      onMigrationProgress: ({ collection, handled, total }) =>
        root.render(
          <div data-testid="db-migrating" style={{ maxWidth: 480, margin: '20vh auto', padding: 24 }}>
            <Progress percent={total === 0 ? 100 : Math.floor((handled / total) * 100)} status="active" />
            <p>{i18n.t('boot.migrating', { collection, handled, total })}</p>
          </div>,
        ),
    });
    const staff = createStaffSession(window.sessionStorage);
    const services: Services = {
      repos: createRepositories(db),
      bridge,
      identity: deskIdentity(device, staff, startIdleSignOut({ session: staff, target: window, storage: window.localStorage })),
      now: () => Date.now(),
      isOnline: () => navigator.onLine,
      sync: startSync(db, bridge, device),
      shell,
    };
    startClosingCheckOut({ repos: services.repos, deskId: device.deviceId, now: services.now });
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <ServicesProvider services={services}>
            <App />
          </ServicesProvider>
        </I18nextProvider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(<Alert type="error" showIcon message={i18n.t('errors.dbOpen', { message: (error as Error).message })} />);
  }
};

void boot();
