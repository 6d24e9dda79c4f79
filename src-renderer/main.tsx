/**
 * Renderer entry: pick the bridge (Electron preload or web), open the local database, then
 * render. Nothing here waits for the network: the desk must open offline.
 */
import { Alert } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/app';
import { ServicesProvider, type Services } from './app/services';
import { createDatabase, createRepositories, dexieStorage } from './data/index';
import { createI18n } from './i18n/index';
import { getBridge } from './platform/bridge';

const boot = async () => {
  const root = createRoot(document.getElementById('root')!);
  const i18n = await createI18n();
  document.documentElement.lang = i18n.language;
  try {
    const bridge = getBridge();
    const device = await bridge.getDeviceStatus();
    const db = await createDatabase({ storage: dexieStorage(), name: 'station-desk', multiInstance: true });
    const services: Services = {
      repos: createRepositories(db),
      bridge,
      identity: { device, staffId: '' },
      now: () => Date.now(),
      isOnline: () => navigator.onLine,
    };
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
