import { addActionItem, startMeeting } from '@suishin/shared';
import { test, expect, signInAsAdmin } from '../fixtures';
import { expectLive, snapshot } from './helpers';
import { editOverSync } from './helpers';

/**
 * One clock: a browser in Los Angeles, an English meeting, the workspace on its default zone
 * (Asia/Tokyo). The room, the minutes on screen and every file say the same time, the minutes
 * name the zone, and the admin sees the setting. (Before: the screen used the browser's zone and
 * the English files UTC, so one meeting had three times.)
 */
test('the screen, the minutes and the files show one time, in the workspace zone, whatever the browser or the language', async ({ browser, server }, testInfo) => {
  const context = await browser.newContext({ baseURL: server.baseURL, locale: 'en-US', timezoneId: 'America/Los_Angeles' });
  await context.addInitScript(() => localStorage.setItem('suishin.identity', JSON.stringify({ name: 'Alice', color: '#c2410c' })));
  await signInAsAdmin(context, server.adminToken, 'Alice');
  const page = await context.newPage();
  const auth = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  const created = await fetch(`${server.baseURL}/api/meetings`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ title: 'Launch review', language: 'en', scheduledStart: '2026-07-01T10:00:00+09:00' }),
  });
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/meetings/${id}`);
  await expectLive(page);
  // 10:00 in Tokyo, not 6:00 PM the day before as this browser's clock would say.
  await expect(page.locator('.room-header__meta')).toContainText('Jul 1, 2026, 10:00 AM');

  await editOverSync(server.baseURL, server.adminToken, id, (doc) => {
    startMeeting(doc, Date.parse('2026-07-01T09:44:00+09:00'));
    addActionItem(doc, { title: 'Send the deck', owner: { name: 'Kim', department: 'Sales' }, dueDate: '2026-07-08' });
  });
  const end = await fetch(`${server.baseURL}/api/meetings/${id}/end`, { method: 'POST', headers: auth, body: '{}' });
  expect(end.ok).toBe(true);

  const minutes = page.getByTestId('minutes');
  await expect(minutes).toContainText('Wed, Jul 1, 2026, 09:44');
  await expect(minutes).toContainText('Time zoneJapan Standard Time (Asia/Tokyo)');
  await snapshot(page, testInfo, 'minutes-one-clock-en');
  const file = async (format: string) => (await page.request.get(`/api/meetings/${id}/export/${format}`)).text();
  const markdown = await file('minutes-markdown');
  expect(markdown).toContain('Wed, Jul 1, 2026, 09:44');
  expect(markdown).toContain('**Time zone:** Japan Standard Time (Asia/Tokyo)');
  expect(await file('jira-csv')).toContain('Wed, Jul 1, 2026, 09:44 Japan Standard Time');
  expect(await file('action-items-ics')).toContain('DTSTART;VALUE=DATE:20260708');

  // The admin sees the setting and where it comes from.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workspace settings' }).click();
  await expect(page.getByTestId('workspace-time-zone')).toHaveText('Japan Standard Time (Asia/Tokyo)');
  await expect(page.getByTestId('workspace-time-zone-source')).toContainText('WORKSPACE_TIME_ZONE');
  await snapshot(page, testInfo, 'workspace-en');
  await page.getByRole('radio', { name: '日本語' }).check();
  await expect(page.getByTestId('workspace-time-zone')).toHaveText('日本標準時 (Asia/Tokyo)');
  await snapshot(page, testInfo, 'workspace-ja');
  await context.close();
});
