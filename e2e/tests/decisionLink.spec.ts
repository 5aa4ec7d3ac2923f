import { addAgendaItem, addDecision, listDecisions } from '@suishin/shared';
import { test, expect } from '../fixtures';
import { expectLive, snapshot } from './helpers';
import { editOverSync } from './helpers';

/**
 * A decision opened from search (`/meetings/<id>#decision-<decisionId>`) lands on it: in the live
 * room the decisions tab opens and the decision is scrolled into view, focused and marked; in an
 * ended meeting's minutes the same. (Before: no element had that id; the page opened at the top.)
 */
test('a link to a decision lands on it, scrolled into view and highlighted, in the room and in the minutes', async ({ alice, server }, testInfo) => {
  const { page } = alice;
  await page.setViewportSize({ width: 1280, height: 720 });
  const auth = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  const { id } = (await (await fetch(`${server.baseURL}/api/meetings`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 'Pricing council' }) })).json()) as { id: string };
  let target = '';
  await editOverSync(server.baseURL, server.adminToken, id, (doc) => {
    const item = addAgendaItem(doc, { title: 'Pricing' });
    for (let i = 1; i <= 30; i++) addDecision(doc, { text: `Decision number ${i}: a rule for price band ${i}`, decidedBy: 'CFO', agendaItemId: item });
    target = listDecisions(doc)[26]!.id;
  });

  // ── The live room ──
  await page.goto(`/meetings/${id}#decision-${target}`);
  await expectLive(page);
  const row = page.locator(`#decision-${target}`);
  await expect(page.getByTestId('tab-decisions')).toHaveAttribute('aria-selected', 'true');
  await expect(row).toContainText('Decision number 27');
  await expect(row).toHaveAttribute('aria-current', 'location');
  await expect(row).toHaveClass(/outcome-linked/);
  await expect(row).toBeInViewport();
  await expect(row.getByTestId('decision-text')).toBeFocused();
  await snapshot(page, testInfo, 'decision-link-room');

  // ── The minutes of the ended meeting ──
  await fetch(`${server.baseURL}/api/meetings/${id}/end`, { method: 'POST', headers: auth, body: '{}' });
  await expect(page.getByTestId('minutes')).toBeVisible();
  await page.goto('/');
  await page.goto(`/meetings/${id}#decision-${target}`);
  const entry = page.getByTestId('minutes').locator(`#decision-${target}`);
  await expect(entry).toContainText('Decision number 27');
  await expect(entry).toHaveAttribute('aria-current', 'location');
  await expect(entry).toBeInViewport();
  await expect(entry).toBeFocused();
  await snapshot(page, testInfo, 'decision-link-minutes');
});
