import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/admin', import.meta.url));

// Large libraries get their own long-lived chunks; each route's code is loaded lazily.
const vendorChunks: Array<{ name: string; test: RegExp }> = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|stylis)[\\/]/ },
  // react-admin's core (data, forms, routing) apart from its Material UI components: each stays under 500 kB.
  {
    name: 'ra-core',
    test: /node_modules[\\/](ra-core|@tanstack|react-hook-form|react-router|react-router-dom|node-polyglot|lodash|query-string)[\\/]/,
  },
  {
    name: 'react-admin',
    test: /node_modules[\\/](react-admin|ra-[\w-]+|react-dropzone|react-error-boundary|react-hotkeys-hook)[\\/]/,
  },
];

export default defineConfig({
  root,
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  preview: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // MUI marks its modules 'use client' for React Server Components; meaningless in an SPA.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        codeSplitting: {
          groups: vendorChunks.map((chunk, index) => ({ ...chunk, priority: vendorChunks.length - index })),
        },
      },
    },
  },
});
