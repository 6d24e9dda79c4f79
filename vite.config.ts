// Builds the renderer (the desk UI) as a static web app: the same output runs inside Electron
// (served from the app:// protocol) and in a browser (the web build, served by the server).
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

/** The desk's version, as package.json says, for the settings screen of the web build (Electron asks app.getVersion()). */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
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
