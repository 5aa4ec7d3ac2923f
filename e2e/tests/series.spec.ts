import {
  addActionItem,
  addDecision,
  addKpi,
  listActionItems,
  listKpis,
  updateActionItem,
  updateKpi,
  type MeetingView,
} from '@suishin/shared';
import { test, expect } from '../fixtures';
import { editOverSync, snapshot } from './helpers';

/**
 * Follow-through, end to end: a series created in the UI, two meetings held ("Next meeting"),
 * an open action item carried over and closed in the second meeting (which closes it in the first
 * too), a decision found by a Japanese word from the middle of its sentence, and the dashboard.
 * The meetings' contents are written over the sync protocol as a client would, and meetings are
 * ended over REST (the room's own panels are tested in their specs).
 */
test('a series: two meetings, an item carried over and closed, a decision found by a Japanese word, the dashboard', async ({ alice, server }, testInfo) => {
  test.setTimeout(120_000);
  const { page } = alice;
  const auth = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.baseURL}${path}`, { method, headers: auth, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const name = `営業×製品 定例 ${Date.now()}`;

  // ── Create the series in the UI ──
  await page.goto('/series');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Series' }).waitFor();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Departments').fill('営業, 製品');
  await page.getByLabel('Usual agenda').fill('数字の確認 | 15\n前回からの宿題 | 10');
  await page.getByRole('button', { name: 'Create series' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const seriesUrl = page.url();
  const seriesId = decodeURIComponent(seriesUrl.split('/series/')[1]!);

  // ── Meeting 1: "Next meeting", its outcomes, ended ──
  await page.getByRole('button', { name: 'Next meeting' }).click();
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  const m1 = decodeURIComponent(page.url().split('/meetings/')[1]!);
  await editOverSync(server.baseURL, server.adminToken, m1, (doc) => {
    addActionItem(doc, { title: '見積もりを送付する', owner: { name: '佐藤', department: '営業' }, dueDate: '2099-01-31' });
    addActionItem(doc, { title: 'Share the deck', owner: { name: 'Tanaka', department: '製品' }, dueDate: '2026-01-10', status: 'done' });
    addDecision(doc, { text: '来月から新しい価格表を使うことに決定した', decidedBy: '部長' });
    addKpi(doc, { name: '受注件数', unit: '件', target: 10, actual: 10, previous: 7, owner: '佐藤' });
  });
  await api('POST', `/api/meetings/${m1}/end`, {});

  // ── Meeting 2: the open item is carried over ──
  await page.goto(seriesUrl);
  await expect(page.getByRole('heading', { name: 'Meetings of this series' })).toBeVisible();
  await expect(page.locator('.meeting-card', { hasText: 'Ended' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Next meeting' }).click();
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  const m2 = decodeURIComponent(page.url().split('/meetings/')[1]!);
  expect(m2).not.toBe(m1);
  const second = await api<MeetingView>('GET', `/api/meetings/${m2}`);
  const carried = second.actionItems.filter((a) => a.title === '見積もりを送付する');
  expect(carried).toHaveLength(1);
  expect(carried[0]!.status).toBe('open');
  expect(second.actionItems.map((a) => a.title)).not.toContain('Share the deck');

  // ── Closed in meeting 2, the meeting ends: closed in meeting 1 too ──
  await editOverSync(server.baseURL, server.adminToken, m2, (doc) => {
    const item = listActionItems(doc).find((a) => a.title === '見積もりを送付する')!;
    updateActionItem(doc, item.id, { status: 'done' });
    addDecision(doc, { text: 'Keep the new price list for Q3', decidedBy: 'Tanaka' });
    const kpi = listKpis(doc).find((k) => k.name === '受注件数');
    if (kpi) updateKpi(doc, kpi.id, { actual: 12 });
    else addKpi(doc, { name: '受注件数', unit: '件', target: 10, actual: 12, owner: '佐藤' });
  });
  await api('POST', `/api/meetings/${m2}/end`, {});
  await expect
    .poll(async () => (await api<MeetingView>('GET', `/api/meetings/${m1}`)).actionItems.find((a) => a.title === '見積もりを送付する')?.status, { timeout: 10_000 })
    .toBe('done');

  // ── The archive lists both, filtered by the series ──
  await page.goto(`/archive?series=${encodeURIComponent(seriesId)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Meeting archive' })).toBeVisible();
  await expect(page.getByText('2 meetings')).toBeVisible();

  // ── Search: a word from the middle of a Japanese sentence ──
  await page.goto('/search');
  await page.getByRole('searchbox', { name: 'Search words' }).fill('価格表');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  // The decision (the next meeting's brief, which lists the last decisions, is found too).
  const hit = page.locator('.ft-hit').filter({ hasText: '来月から新しい価格表を使うことに決定した' }).filter({ has: page.getByText('Decision', { exact: true }) });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark')).toHaveText(['価格表']);
  await expect(hit.getByText('Decision', { exact: true })).toBeVisible();
  await snapshot(page, testInfo, 'search-ja-word');
  await hit.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${m1}#decision-`));

  // ── Dashboard of the series ──
  await page.goto(`/dashboard?series=${encodeURIComponent(seriesId)}`);
  await expect(page.getByRole('heading', { name: 'Action items opened and closed', exact: true })).toBeVisible();
  const totals = page.locator('.ft-totals');
  await expect(totals.getByText('Action items opened')).toBeVisible();
  await expect(page.getByRole('img', { name: /受注件数/ })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await snapshot(page, testInfo, 'dashboard-en');
  await page.getByRole('radio', { name: '日本語' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'フォロースルー' })).toBeVisible();
  await snapshot(page, testInfo, 'dashboard-ja');
  await page.setViewportSize({ width: 390, height: 844 });
  await snapshot(page, testInfo, 'dashboard-ja-phone');

  // ── Home: the due-soon section loads without errors ──
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '追いかける宿題' })).toBeVisible();
});
