import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const storefrontRoot = fileURLToPath(new URL('.', import.meta.url));

// The api serves apps/storefront/dist at /; any static host can serve it too, built with
// VITE_KASSA_API_URL pointing at the api (default: the same origin). In development Vite
// proxies /api to a local api.
export default defineConfig({
  root: storefrontRoot,
  // Absolute asset paths: client routes such as /orders/<id> must still find /assets/….
  base: process.env.KASSA_STOREFRONT_BASE ?? '/',
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite/storefront', import.meta.url)),
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // A phone on a shaky connection: keep the shop one small script and one stylesheet.
    chunkSizeWarningLimit: 60,
  },
  server: {
    port: 5174,
    proxy: {
      '/api': { target: process.env.KASSA_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
