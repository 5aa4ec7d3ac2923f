import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The README's screenshots (docs/screenshots/*.png), taken against the built app and the real
 * server as the e2e suite runs: `npx pnpm@12.4.2 --filter @suishin/e2e screenshots`.
 */
export default defineConfig({ ...base, testDir: './screenshots', reporter: [['list']] });
