/** `npm run build:workbench`: the clerks' workbench, built into dist/workbench for the API to serve at /workbench. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.ONETHING_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/workbench/',
  plugins: [react()],
  build: {
    outDir: '../dist/workbench',
    emptyOutDir: true,
    // The size that counts is the budget test's (test/workbench/size-budget.test.ts), gzipped.
    chunkSizeWarningLimit: 4096,
  },
  // `npx vite workbench`: the page with hot reload, against the API of `npm start`.
  server: {
    proxy: { '/v1': api, '/openapi.json': api, '/workbench/sign-in': api },
  },
});
