import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built to static files served by the app:// scheme (Electron) or the loopback server.
// Relative asset paths work under both; nothing is inlined that the CSP would have to allow.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // React, chart.js and zod in one chunk: loaded from the app itself, never over a network.
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
});
