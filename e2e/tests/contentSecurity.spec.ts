import { test, expect } from '../fixtures';
import { addAgendaItem, createMeetingViaUi, notesEditor, openItem } from './helpers';

/**
 * The built app under the server's Content-Security-Policy: the policy is on the page, nothing
 * inline is allowed for scripts, the libraries' own <style> elements still apply (they carry the
 * page's nonce), and no source map is published. (Every spec also fails on any CSP violation:
 * fixtures/cspWatch.ts.)
 */
test('the app runs under its Content-Security-Policy and publishes no source maps', async ({ alice }) => {
  const response = await alice.page.goto('/');
  const policy = response!.headers()['content-security-policy'] ?? '';
  const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1] ?? '';
  expect(scriptSrc).toMatch(/^'self' 'sha256-[A-Za-z0-9+/=]+'$/); // the preload script, by hash
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).toContain("frame-ancestors 'none'");

  await createMeetingViaUi(alice.page, 'Under the policy');
  await addAgendaItem(alice.page, 'Numbers');
  await openItem(alice.page, 1);
  await notesEditor(alice.page).click();
  await alice.page.keyboard.type('two  spaces');
  // tiptap's base CSS (its nonced <style>) applies: spaces are kept as typed.
  await expect(notesEditor(alice.page)).toHaveCSS('white-space', 'break-spaces');
  // Every <style> element the libraries inserted (tiptap's, React Aria's) was applied: a blocked
  // one would have no style sheet.
  const styles = await alice.page.locator('style').evaluateAll((elements) =>
    elements.map((e) => ({ nonced: (e as HTMLStyleElement).nonce !== '', rules: (e as HTMLStyleElement).sheet?.cssRules.length ?? 0 })),
  );
  expect(styles.length).toBeGreaterThanOrEqual(2);
  for (const style of styles) expect(style).toEqual({ nonced: true, rules: expect.any(Number) });
  expect(styles.every((s) => s.rules > 0)).toBe(true);

  // The entry script names no source map, and asking for one gets 404.
  const entry = await alice.page.locator('script[type="module"][src^="/assets/"]').first().getAttribute('src');
  const js = await alice.page.request.get(entry!);
  expect(js.status()).toBe(200);
  expect(await js.text()).not.toContain('sourceMappingURL');
  expect((await alice.page.request.get(`${entry}.map`)).status()).toBe(404);
});
