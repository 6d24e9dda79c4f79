// Builds the renderer (the desk UI) as a static web app: the same output runs inside Electron
// (served from the app:// protocol) and in a browser (the web build, served by the server).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 3000,
  },
  server: { port: 5173, strictPort: true },
});
