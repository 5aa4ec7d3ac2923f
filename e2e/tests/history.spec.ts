import { addActionItem, addDecision, startMeeting } from '@suishin/shared';
import { test, expect } from '../fixtures';
import { adminApi as api, editOverSync, snapshot } from './helpers';

/**
 * Years of meetings, end to end: the archive pages 50 at a time (scroll or the button), tells how
 * many are shown of how many, and keeps its filters (department, the date field) on reload; the
 * dashboard's range picker changes the periods its figures are summed by, the per-meeting detail
 * is one click away, and open items per owner link to the register.
 */
const at = (day: string) => new Date(`${day}T10:00:00+09:00`).toISOString();
const dayAfter = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test('the archive loads more on scroll, says how many are shown, and keeps its filters on reload', async ({ alice, server }, testInfo) => {
  test.setTimeout(120_000);
  const { page } = alice;
  const department = `E2E ${Date.now() % 100000}`;
  // 70 meetings, one a day from 2026-01-01; the filter from 2026-01-11 keeps 60 of them.
  for (let i = 0; i < 70; i++) {
    await api(server, 'POST', '/api/meetings', { title: `アーカイブ試験 ${String(i + 1).padStart(2, '0')}`, departments: [department], scheduledStart: at(dayAfter('2026-01-01', i)) });
  }

  await page.goto('/archive');
  await expect(page.getByRole('heading', { level: 1, name: 'Meeting archive' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Department' }).fill(department);
  const from = page.getByRole('group', { name: 'From' });
  await from.getByRole('spinbutton').first().click();
  await page.keyboard.type('01112026');
  await expect(from).toHaveText(/1\s*\/\s*11\s*\/\s*2026/);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/department=E2E/);
  await expect(page).toHaveURL(/from=2026-01-11/);

  const rows = page.locator('.ft-table tbody tr');
  await expect(page.getByRole('status').filter({ hasText: 'Showing 50 of 60' })).toBeVisible();
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText('アーカイブ試験 70');
  await snapshot(page, testInfo, 'archive-first-page');
  // Scrolling to the end loads the rest (the button presses itself when it comes into view).
  await page.getByRole('button', { name: 'Load more' }).scrollIntoViewIfNeeded();
  await expect(rows).toHaveCount(60);
  await expect(page.getByRole('status').filter({ hasText: 'Showing all 60' })).toBeVisible();
  await expect(rows.last()).toContainText('アーカイブ試験 11');
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);

  // Reload: the filters come back from the URL, into the fields too; the first page again.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Department' })).toHaveValue(department);
  await expect(page.getByRole('group', { name: 'From' })).toHaveText(/1\s*\/\s*11\s*\/\s*2026/);
  await expect(rows).toHaveCount(50);
  await expect(page.getByText('60 meetings')).toBeVisible();

  // In Japanese the date field speaks Japanese: 年/月/日.
  await page.getByRole('radio', { name: '日本語' }).check();
  await expect(page.getByRole('group', { name: '開始日' })).toHaveText(/2026\s*\/\s*1\s*\/\s*11/);
  await expect(page.getByRole('group', { name: '終了日' })).toHaveText(/年\s*\/\s*月\s*\/\s*日/);
  await snapshot(page, testInfo, 'archive-ja');
});

test('the dashboard range picker changes the periods; the meetings are one click away; open items link to the register', async ({ alice, server }, testInfo) => {
  test.setTimeout(120_000);
  const { page } = alice;
  const series = await api<{ id: string }>(server, 'POST', '/api/series', { name: `期間の試験 ${Date.now() % 100000}`, departments: ['営業'], agendaTemplate: [] });
  const held = ['2026-01-07', '2026-01-21', '2026-02-18', '2026-03-04'];
  for (const [i, day] of held.entries()) {
    const { id } = await api<{ id: string }>(server, 'POST', '/api/meetings', { title: `定例 ${day}`, seriesId: series.id, departments: ['営業'], scheduledStart: at(day) });
    await editOverSync(server.baseURL, server.adminToken, id, (doc) => {
      addDecision(doc, { text: `決定 ${i + 1}`, decidedBy: '部長' });
      addActionItem(doc, { title: `宿題 ${i + 1}`, owner: { name: '佐藤', department: '営業' }, dueDate: dayAfter(day, 7) });
      startMeeting(doc, Date.parse(at(day))); // held that day (a meeting ended unstarted is held when it ends)
    });
    await api(server, 'POST', `/api/meetings/${id}/end`, {});
  }

  await page.goto(`/dashboard?series=${encodeURIComponent(series.id)}&from=2026-01-01&to=2026-03-31`);
  const chart = page.locator('.ft-chart-card').filter({ has: page.getByRole('heading', { name: 'Decisions taken' }) });
  await expect(chart).toBeVisible();
  await chart.getByText('Show as a table').click();
  const periodRows = chart.locator('tbody tr');
  await expect(periodRows).toHaveText([/Jan 2026\s*2/, /Feb 2026\s*1/, /Mar 2026\s*1/]);
  await snapshot(page, testInfo, 'dashboard-month');

  // Per week: 14 weeks (Thursday 1 January to Sunday 4 January is the first, clipped to the range).
  await page.getByRole('radiogroup', { name: 'Per' }).getByRole('radio', { name: 'Week' }).click();
  await expect(page).toHaveURL(/period=week/);
  await chart.getByText('Show as a table').click();
  await expect(periodRows).toHaveCount(14);
  await expect(page.getByText('Jan 1, 2026 – Mar 31, 2026, per week')).toBeVisible();

  // A shorter range, from the date field: February and March only.
  const from = page.getByRole('group', { name: 'From' });
  await from.getByRole('spinbutton').first().click();
  await page.keyboard.type('02012026');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/from=2026-02-01/);
  await chart.getByText('Show as a table').click();
  await expect(periodRows).toHaveCount(10); // Sunday 1 February, then nine weeks
  await page.getByRole('radiogroup', { name: 'Per' }).getByRole('radio', { name: 'Quarter' }).click();
  await chart.getByText('Show as a table').click();
  await expect(periodRows).toHaveText([/Q1 2026\s*2/]);

  // The meetings of the range, one click away.
  await page.getByRole('button', { name: 'Show each meeting' }).click();
  const meetings = page.locator('#dashboard-meetings-table tbody tr');
  await expect(meetings).toHaveCount(2);
  await expect(meetings.first()).toContainText('定例 2026-03-04');

  // Open items now: 佐藤's four, all overdue; the count links to them in the register.
  const open = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Open action items now' }) });
  const owner = open.getByRole('row', { name: /佐藤/ }).first();
  await expect(owner).toContainText('4');
  await snapshot(page, testInfo, 'dashboard-quarter');
  await owner.getByRole('link').last().click();
  await expect(page).toHaveURL(/\/action-items\?.*state=overdue/);
  await expect(page.getByRole('heading', { level: 1, name: 'Action items' })).toBeVisible();
  await expect(page.locator('.ft-table tbody tr')).toHaveCount(4);

  // The same dashboard in Japanese.
  await page.goBack();
  await page.getByRole('radio', { name: '日本語' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'フォロースルー' })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: '集計単位' }).getByRole('radio', { name: '四半期' })).toBeChecked();
  await snapshot(page, testInfo, 'dashboard-ja');
});
