import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API/sync server (server/) listens on 8787 in development; Vite proxies to it so the
// browser sees one origin, exactly as in production where the server serves client/dist.
const serverTarget = process.env.SUISHIN_SERVER ?? 'http://localhost:8787';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': serverTarget,
      '/healthz': serverTarget,
      '/sync': { target: serverTarget, ws: true },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // e2e/bench/roomBench.ts reads the chunk graph from it to report each page's initial JavaScript.
    manifest: true,
  },
});
