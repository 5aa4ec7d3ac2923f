import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import optimizeLocales from '@react-aria/optimize-locales-plugin';
import { roomPreloads } from './build/roomPreloads.ts';

// The API/sync server (server/) listens on 8787 in development; Vite proxies to it so the
// browser sees one origin, exactly as in production where the server serves client/dist.
const serverTarget = process.env.SUISHIN_SERVER ?? 'http://localhost:8787';

/**
 * react-router 7's package exports point every condition at its development build (warnings on,
 * dev-only checks in route matching: remix-run/react-router#12532, #14102). Production builds
 * take the production build it ships beside it.
 */
const reactRouterProduction = fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url));

export default defineConfig(({ command }) => ({
  resolve: {
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  plugins: [
    react(),
    // react-aria ships its widgets' built-in strings for 34 locales; the UI speaks Japanese and
    // English (i18n/language.ts), so the others are left out (about 25 KB per room chunk).
    optimizeLocales.vite({ locales: ['ja-JP', 'en-US'] }),
    roomPreloads(),
  ],
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
    // No source maps in production: they would publish the source; the server also refuses *.map.
    sourcemap: false,
    // e2e/bench/roomBench.ts reads the chunk graph from it to report each page's initial JavaScript.
    manifest: true,
  },
}));
