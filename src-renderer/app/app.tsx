/**
 * The desk shell: side navigation, the current screen, and the status bar fixed to the window's
 * bottom edge (status-bar.tsx): screens scroll above it and keep room for it at their end, and
 * drawers end above it.
 */
import { ConfigProvider, Layout, Menu, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dispatchKey } from './commands';
import { SCREEN_COMMANDS, SCREENS, screenFromHash, type ScreenId } from './screens';
import { ShellNotice } from './shell-notice';
import { STATUS_BAR_HEIGHT, StatusBar } from './status-bar';

const { Sider, Content } = Layout;

/** Side drawers stop at the status bar, so it never covers their ends (a form's buttons). */
const DRAWER_CONFIG = { styles: { wrapper: { bottom: STATUS_BAR_HEIGHT } } };
/** Dialogs scroll within the window above the status bar too: a tall form's buttons (a fault
 *  report with a photo at 1366×768) must never sit under the bar. */
const MODAL_CONFIG = { styles: { wrapper: { bottom: STATUS_BAR_HEIGHT } } };

const useHashScreen = (): [ScreenId, (id: ScreenId) => void] => {
  const [screen, setScreen] = useState<ScreenId>(() => screenFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setScreen(screenFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [screen, (id) => (window.location.hash = `#/${id}`)];
};

export const App = () => {
  const { t, i18n } = useTranslation();
  const [screen, go] = useHashScreen();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => void dispatchKey(SCREEN_COMMANDS, event, null, go);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const Current = SCREENS.find((s) => s.id === screen)?.component ?? SCREENS[0]!.component;
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ algorithm: theme.defaultAlgorithm, token: { fontSize: 16 } }} drawer={DRAWER_CONFIG} modal={MODAL_CONFIG}>
      <Layout style={{ minHeight: '100vh', paddingBottom: STATUS_BAR_HEIGHT }}>
        <Sider width={180} theme="light" breakpoint="md" collapsedWidth={64}>
          <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 20 }} data-testid="app-title">
            {t('app.title')}
          </div>
          <Menu
            mode="inline"
            selectedKeys={[screen]}
            onClick={({ key }) => go(key as ScreenId)}
            items={SCREENS.map((s) => ({
              key: s.id,
              icon: <s.icon />,
              label: (
                <span data-testid={`nav-${s.id}`}>
                  {t(s.label)} <small style={{ opacity: 0.5 }}>{s.shortcut}</small>
                </span>
              ),
            }))}
          />
        </Sider>
        <Layout>
          <Content style={{ padding: 24 }}>
            <ShellNotice />
            <Current />
          </Content>
        </Layout>
      </Layout>
      <StatusBar />
    </ConfigProvider>
  );
};
