import { addActionItem, startMeeting } from '@suishin/shared';
import { test, expect } from '../fixtures';
import { editOverSync, snapshot } from './helpers';

/** Today in the workspace's zone (the server's default, Asia/Tokyo), and days from it. */
const tokyoToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
const daysFrom = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test('the dashboard shows open, due this week and overdue per owner and per department, each linking to those items', async ({ alice, server }, testInfo) => {
  const auth = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  const post = async <T,>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${server.baseURL}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const today = tokyoToday();
  const series = await post<{ id: string }>('/api/series', { name: `宿題の追跡 ${Date.now() % 100000}`, departments: ['営業', '法務'], agendaTemplate: [] });
  const { id } = await post<{ id: string }>('/api/meetings', { title: '営業定例', seriesId: series.id, departments: ['営業'] });
  await editOverSync(server.baseURL, server.adminToken, id, (doc) => {
    addActionItem(doc, { title: '見積りの再送', owner: { name: '佐藤', department: '営業' }, dueDate: daysFrom(today, -3) }); // overdue
    addActionItem(doc, { title: '契約書の確認', owner: { name: '佐藤', department: '営業' }, dueDate: today }); // due this week
    addActionItem(doc, { title: '来期の計画', owner: { name: '佐藤', department: '営業' }, dueDate: daysFrom(today, 40) }); // open
    addActionItem(doc, { title: '規約の改訂', owner: { name: '田中', department: '法務' }, dueDate: daysFrom(today, 60) }); // open
    addActionItem(doc, { title: '済んだ件', owner: { name: '田中', department: '法務' }, dueDate: daysFrom(today, -1), status: 'done' });
    startMeeting(doc, Date.now());
  });
  await post(`/api/meetings/${id}/end`, {});

  const { page } = alice;
  await page.goto(`/dashboard?series=${encodeURIComponent(series.id)}`);
  const open = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Open action items now' }) });
  const byOwner = open.getByRole('table', { name: 'By owner' });
  const byDepartment = open.getByRole('table', { name: 'By owner’s department' });
  // open · due this week · overdue
  await expect(byOwner.getByRole('row', { name: /佐藤/ })).toHaveText(/佐藤\s*営業\s*3\s*1\s*1/);
  await expect(byOwner.getByRole('row', { name: /田中/ })).toHaveText(/田中\s*法務\s*1\s*0\s*0/);
  await expect(byDepartment.getByRole('row', { name: /営業/ })).toHaveText(/営業\s*3\s*1\s*1/);
  await expect(byDepartment.getByRole('row', { name: /法務/ })).toHaveText(/法務\s*1\s*0\s*0/);
  await snapshot(page, testInfo, 'dashboard-open-items');

  // Each count opens exactly those items in the register.
  const rows = page.locator('.ft-table tbody tr');
  for (const [cell, expected] of [
    [1, ['見積りの再送', '契約書の確認', '来期の計画']],
    [2, ['契約書の確認']],
    [3, ['見積りの再送']],
  ] as const) {
    await byOwner.getByRole('row', { name: /佐藤/ }).getByRole('cell').nth(cell).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Action items' })).toBeVisible();
    await expect(rows).toHaveCount(expected.length);
    for (const title of expected) await expect(rows.filter({ hasText: title })).toHaveCount(1);
    await page.goBack();
  }
  await byDepartment.getByRole('row', { name: /法務/ }).getByRole('link').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('規約の改訂');
});
