import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const lib = (path: string): string => fileURLToPath(new URL(`../../libs/${path}`, import.meta.url));

// Served by the API at /admin (apps/api/src/infra/admin-console.ts); built into dist/admin.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  plugins: [vue()],
  resolve: {
    alias: {
      '@sutwxapp/contracts': lib('contracts/src/index.ts'),
      '@sutwxapp/api-client': lib('api-client/src/index.ts'),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/admin', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // the CSP forbids inline script: no module-preload polyfill injected into index.html
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
} as Parameters<typeof defineConfig>[0]);
