import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';

/**
 * Navigates `page` to `url` and resolves with the value of `expression` (a JS expression
 * evaluated in the page every animation frame from the document's start) the first time it is
 * truthy. The page reports it through console.debug: no Playwright helper script is injected
 * into the page while it loads, since evaluating that script (tens of ms on the main thread,
 * seen in traces) would be counted as the app's own load time.
 */
export async function navigateUntil<T>(page: Page, url: string, expression: string, timeoutMs = 30_000): Promise<T> {
  const token = `__probe_${randomUUID()}:`;
  // A plain-string script: tsx would wrap named arrow functions in a helper the page lacks.
  await page.addInitScript(`(() => {
    if (window.top !== window) return;
    const check = () => {
      let value = null;
      try { value = (${expression}); } catch (error) { value = null; }
      if (value) console.debug(${JSON.stringify(token)} + JSON.stringify(value));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })()`);
  const reported = page.waitForEvent('console', { predicate: (message) => message.text().startsWith(token), timeout: timeoutMs });
  await page.goto(url, { waitUntil: 'commit' });
  const message = await reported;
  return JSON.parse(message.text().slice(token.length)) as T;
}
