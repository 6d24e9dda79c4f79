// Builds the renderer (the desk UI) as a static web app: the same output runs inside Electron
// (served from the app:// protocol) and in a browser (the web build, served by the server).
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The desk's version, as package.json says, for the settings screen of the web build (Electron asks app.getVersion()). */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** The desk's icon (assets/icon.png, also Electron's) as a file of the web build, for the manifest. */
const webIcon = (): Plugin => ({
  name: 'station-desk-web-icon',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'icon-512.png', source: readFileSync(new URL('./assets/icon.png', import.meta.url)) });
  },
});

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [
    react(),
    webIcon(),
    // The web build's offline shell (src-renderer/platform/app-shell.ts registers it; Electron
    // does not): every file of the build precached under its content hash, old caches removed,
    // a new build waiting until staff reload. Navigations outside the desk (the API, the console)
    // always go to the network.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: '驿站前台 Station Desk',
        short_name: '驿站前台',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1677ff',
        icons: [{ src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wav,png,svg,woff2,webmanifest}'],
        // the desk is one script today (about 2 MB); the default 2 MiB would leave it out
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/console/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 3000,
  },
  server: { port: 5173, strictPort: true },
});
