import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const adminRoot = fileURLToPath(new URL('.', import.meta.url));

// The API serves admin/dist at /admin; in development Vite proxies /api to a local API.
export default defineConfig({
  root: adminRoot,
  base: '/admin/',
  // Keep Vite's dependency cache with the other installed packages, not in admin/.
  cacheDir: fileURLToPath(new URL('../node_modules/.vite/admin', import.meta.url)),
  // Vite 8 transforms TSX with oxc; no React plugin is needed for the build.
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // MUI marks its modules 'use client'; that directive means nothing in a client-only bundle.
      onwarn(warning, defaultHandler) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        defaultHandler(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: process.env.KASSA_API_URL ?? 'http://127.0.0.1:3000',
        changeOrigin: false,
      },
      // The order board's live updates (Socket.IO, namespace /stations).
      '/socket.io': {
        target: process.env.KASSA_API_URL ?? 'http://127.0.0.1:3000',
        changeOrigin: false,
        ws: true,
      },
    },
  },
});
