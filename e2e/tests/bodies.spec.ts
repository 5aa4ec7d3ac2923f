import type { Series } from '@suishin/shared';
import type { CreateLinkResponse } from '@suishin/shared/protocol';
import { test, expect, newParticipant } from '../fixtures';
import { agendaTitles, expectLive, snapshot } from './helpers';

/**
 * 会議体 in Japanese: a body made from a template in one form, under a parent body; the 会議体一覧
 * shows it in the tree with its cadence, next meeting and health; a meeting of it is held and
 * rated at its end (anonymous: only the total shows, from three votes); the body's page shows the
 * rating trend as a chart and a table.
 */
test('会議体: テンプレートから作成し、一覧のツリーで健全性を見て、会議を開いて終了時に評価する', async ({ browser, server }, testInfo) => {
  test.setTimeout(150_000);
  const alice = await newParticipant(browser, server, 'Alice', '#c2410c', 'ja-JP');
  const { page } = alice;
  const auth = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  const parent = (await (await fetch(`${server.baseURL}/api/series`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ name: '経営会議', decisionFunction: 'approve', cadence: { every: 'month', weekday: 2, time: '10:00' } }),
  })).json()) as Series;

  // ── One form: the template fills it, the parent and the people are chosen ──
  await page.goto('/bodies');
  await expect(page.getByRole('heading', { level: 1, name: '会議体一覧' })).toBeVisible();
  await page.getByRole('button', { name: '新しい会議体' }).click();
  const dialog = page.getByRole('dialog', { name: '新しい会議体' });
  await dialog.getByRole('button', { name: /テンプレート/ }).click();
  await page.getByRole('option', { name: /週次KPIレビュー/ }).click();
  await expect(dialog.getByRole('textbox', { name: '名前' })).toHaveValue('週次KPIレビュー');
  await expect(dialog.getByRole('button', { name: /意思決定機能/ })).toContainText('確認');
  await dialog.getByRole('button', { name: /エスカレーション先/ }).click();
  await page.getByRole('option', { name: '経営会議' }).click();
  await dialog.getByRole('textbox', { name: '議長' }).fill('Alice / 営業');
  await dialog.getByRole('textbox', { name: '書記' }).fill('鈴木 / 経営企画');
  await dialog.getByRole('textbox', { name: 'メンバー' }).fill('田中 / 製品\n高橋 / CS');
  await snapshot(page, testInfo, 'body-from-template-ja');
  await dialog.getByRole('button', { name: '会議体を作成' }).click();

  // ── Its page: the body's fields ──
  await expect(page).toHaveURL(/\/series\/[^/]+$/);
  const panel = page.getByTestId('body-panel');
  await expect(panel.getByTestId('body-panel-cadence')).toHaveText('毎週 月 09:30');
  await expect(panel.getByTestId('body-panel-parent')).toHaveText('経営会議');
  await expect(panel).toContainText('数字を目標と比べ');
  await expect(panel).toContainText('鈴木（経営企画）');

  // ── 会議体一覧: the tree, with cadence, next meeting and health ──
  await page.getByRole('navigation').getByRole('link', { name: '会議体' }).click();
  const child = page.locator(`[data-body-name="経営会議"] [data-body-name="週次KPIレビュー"]`);
  await expect(child).toBeVisible();
  await expect(child.getByTestId('body-cadence')).toHaveText('毎週 月 09:30');
  await expect(child.getByTestId('body-next')).toContainText('（周期から）');
  await expect(child.getByTestId('health-on-time')).toHaveText('完了した宿題なし');
  await expect(child.getByTestId('health-rating')).toHaveText('評価なし');
  await expect(page.locator('[data-body-name="経営会議"] > article').getByTestId('body-cadence')).toHaveText('毎月 火 10:00');
  await snapshot(page, testInfo, 'bodies-tree-ja');

  // ── A meeting of the body: its template agenda, its members invited; held and ended ──
  await child.getByRole('link', { name: '週次KPIレビュー' }).click();
  await page.getByRole('button', { name: '次回の会議' }).click();
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  const meetingId = decodeURIComponent(page.url().split('/meetings/')[1]!);
  await expectLive(page);
  await expect(agendaTitles(page)).toHaveText(['KPIの確認（報告のみ）', '前回の宿題の確認', '目標から外れたKPIの対策', 'まとめと次回']);
  await expect(page.getByTestId('attendee')).toHaveText([/Alice.*営業/, /鈴木.*経営企画/, /田中.*製品/, /高橋.*CS/]);
  await page.getByRole('button', { name: '会議を開始' }).click();
  await page.getByRole('button', { name: '会議を終了' }).click();
  await page.getByTestId('closing-dialog').getByRole('button', { name: '会議を終了' }).click();
  await expect(page.getByTestId('read-only-banner')).toBeVisible();

  // ── Rated at the end: optional, anonymous ──
  const rating = page.getByTestId('meeting-rating');
  await expect(rating.getByRole('heading', { name: 'この会議を評価' })).toBeVisible();
  await expect(rating).toContainText('任意・匿名です');
  await expect(rating.getByTestId('rating-figures')).toHaveText('まだ評価はありません。');
  // The score's label is what people press (React Aria keeps the radio input itself visually hidden).
  await rating.locator('label').filter({ hasText: /^4$/ }).click();
  await expect(rating.getByRole('radio', { name: '5段階中 4' })).toBeChecked();
  await rating.getByRole('button', { name: '評価を送る' }).click();
  await expect(rating).toContainText('ありがとうございました。あなたの評価は 5段階中 4 です。');
  await expect(rating.getByTestId('rating-figures')).toHaveText('現在 1票（平均は3票から表示）');
  await snapshot(page, testInfo, 'meeting-rating-ja');

  // Two more participants rate it (through their role links); only then does the average show.
  // (Two links made in the same second with the same expiry are the same link: one voter.)
  for (const [score, expiresInHours] of [[5, 24], [3, 48]] as const) {
    const link = (await (await fetch(`${server.baseURL}/api/meetings/${meetingId}/links`, { method: 'POST', headers: auth, body: JSON.stringify({ role: 'participant', expiresInHours }) })).json()) as CreateLinkResponse;
    const token = new URL(link.url).hash.replace(/^#token=/, '');
    const voted = await fetch(`${server.baseURL}/api/meetings/${meetingId}/rating`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ score }) });
    expect(voted.status).toBe(200);
  }
  await page.reload();
  await expect(page.getByTestId('meeting-rating').getByTestId('rating-figures')).toHaveText('平均 4.0 / 5（3票）');
  await expect(page.getByTestId('meeting-rating').getByRole('radio', { name: '5段階中 4' })).toBeChecked();

  // ── The body's health and trend follow ──
  await page.goto('/bodies');
  await expect(child.getByTestId('health-rating')).toHaveText('4.0 / 5（3票）');
  await page.goto(`/series/${encodeURIComponent((await (await fetch(`${server.baseURL}/api/series`, { headers: auth })).json() as { series: Series[] }).series.find((s) => s.parentId === parent.id)!.id)}`);
  const trend = page.getByTestId('body-rating-trend');
  await expect(trend.getByRole('img', { name: '会議ごとの平均評価（古い順）' })).toBeVisible();
  await expect(trend.getByRole('row')).toHaveCount(2);
  await expect(trend.getByRole('row').nth(1)).toContainText('第1回');
  await expect(trend.getByRole('row').nth(1)).toContainText('4.0');
  await snapshot(page, testInfo, 'body-page-trend-ja');

  // The series' dashboard shows the trend too (chart and table).
  await page.getByRole('link', { name: 'フォロースルー・ダッシュボード' }).click();
  await expect(page.getByTestId('dashboard-rating').getByRole('row').nth(1)).toContainText('4.0');

  // ── In English ──
  await page.goto('/bodies');
  await page.getByRole('banner').getByRole('radio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meeting bodies' })).toBeVisible();
  await expect(child.getByTestId('body-cadence')).toHaveText('Weekly Mon 09:30');
  await expect(child.getByTestId('health-rating')).toHaveText('4.0 / 5 (3 votes)');
  await expect(child.getByTestId('health-open')).toHaveText('0 open items');
  await snapshot(page, testInfo, 'bodies-tree-en');

  // ── On a phone: the tree and the form fit the width ──
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('banner').getByRole('radio', { name: '日本語' }).click();
  await expect(child).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await snapshot(page, testInfo, 'bodies-tree-phone-ja');
  await page.getByRole('button', { name: '新しい会議体' }).click();
  await expect(page.getByRole('dialog', { name: '新しい会議体' })).toBeVisible();
  await snapshot(page, testInfo, 'body-dialog-phone-ja');
});
