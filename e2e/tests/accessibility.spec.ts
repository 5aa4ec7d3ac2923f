import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { addActionItem, addAgendaItem, addAttendee, addDecision, addKpi, type NextMeetingResponse } from '@suishin/shared';
import { test, expect } from '../fixtures';
import type { RunningServer } from '../fixtures/server';
import { adminApi as api, editOverSync, expectLive, snapshot } from './helpers';

/**
 * WCAG 2.2 AA, checked by axe-core on every screen a facilitator uses (issue 20): no critical and
 * no serious violation of the WCAG 2.0 / 2.1 / 2.2 A and AA rules, in English and Japanese, on the
 * home page, a meeting room with content (and its share and closing dialogs), the minutes, a
 * series, the archive, search, the dashboard, and the room on a 375 × 812 phone.
 */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** A series with one ended meeting (its minutes) and a live one with agenda, KPIs, decisions, action items and attendees. */
async function seedWorld(server: RunningServer): Promise<{ seriesId: string; live: string; ended: string }> {
  const series = await api<{ id: string }>(server, 'POST', '/api/series', { name: `アクセシビリティ定例 ${Date.now() % 100000}`, departments: ['営業部', 'プロダクト部'], agendaTemplate: [] });
  const fill = (id: string) =>
    editOverSync(server.baseURL, server.adminToken, id, (doc) => {
      addAttendee(doc, { name: '山田 太郎', department: '営業部' });
      const item = addAgendaItem(doc, { title: '受注見込みの確認', presenter: '山田 太郎', timeboxMinutes: 10 });
      addAgendaItem(doc, { title: 'Launch readiness', presenter: 'Sato', timeboxMinutes: 15 });
      addDecision(doc, { text: '価格改定を7月に実施', decidedBy: '営業部長', rationale: '競合の値上げ', agendaItemId: item });
      addKpi(doc, { name: '新規受注', unit: '件', target: 20, actual: 21, previous: 15, owner: '山田 太郎' });
      addKpi(doc, { name: '解約率', unit: '%', target: 2, actual: 1.8, previous: 3, direction: 'lower_is_better', owner: 'Sato', comment: 'オンボーディング改善' });
      addActionItem(doc, { title: '見積書を送る', owner: { name: '山田 太郎', department: '営業部' }, dueDate: '2099-07-10' });
      addActionItem(doc, { title: 'Customer interviews', owner: { name: 'Sato', department: 'プロダクト部' }, dueDate: '2020-01-31' });
    });
  const ended = (await api<NextMeetingResponse>(server, 'POST', `/api/series/${series.id}/next`, {})).meetingId;
  await fill(ended);
  await api(server, 'POST', `/api/meetings/${ended}/end`, {});
  const live = (await api<NextMeetingResponse>(server, 'POST', `/api/series/${series.id}/next`, {})).meetingId;
  await fill(live);
  return { seriesId: series.id, live, ended };
}

async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  await snapshot(page, testInfo, screen);
  const described = serious.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => `${n.html.slice(0, 160)} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`).join(' | ')}`);
  // Soft: one run lists every screen's violations, not only the first screen's.
  expect.soft(described, `axe on ${screen}`).toEqual([]);
}

for (const language of ['en', 'ja'] as const) {
  test(`every screen has no critical or serious WCAG 2.2 AA violation (${language})`, async ({ alice, server }, testInfo) => {
    test.setTimeout(180_000);
    const { page } = alice;
    const world = await seedWorld(server);
    await page.addInitScript((lang) => localStorage.setItem('suishin.ui', JSON.stringify({ state: { language: lang }, version: 1 })), language);
    const ja = language === 'ja';

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, `home-${language}`);

    await page.goto(`/meetings/${world.live}`);
    await expectLive(page);
    await expect(page.getByTestId('agenda-item-title').filter({ hasText: 'Launch readiness' })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, `room-${language}`);

    await page.getByRole('button', { name: ja ? '共有' : 'Share' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, `share-dialog-${language}`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByRole('button', { name: ja ? '会議を開始' : 'Start meeting' }).click();
    await page.getByRole('button', { name: ja ? '会議を終了' : 'End meeting' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, `closing-dialog-${language}`);
    await page.keyboard.press('Escape');

    await page.goto(`/meetings/${world.ended}`);
    await expect(page.getByTestId('minutes')).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, `minutes-${language}`);

    await page.goto(`/series/${world.seriesId}`);
    await expect(page.locator('.meeting-card').first()).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, `series-${language}`);

    await page.goto('/archive');
    await expect(page.locator('.ft-table tbody tr').first()).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, `archive-${language}`);

    await page.goto('/search?q=価格');
    await expect(page.getByText('価格改定を7月に実施').first()).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, `search-${language}`);

    await page.goto(`/dashboard?series=${encodeURIComponent(world.seriesId)}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status')).toHaveCount(0);
    await expectNoSeriousViolations(page, testInfo, `dashboard-${language}`);

    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`/meetings/${world.live}`);
    await expectLive(page);
    await expect(page.getByTestId('agenda-item-title').filter({ hasText: 'Launch readiness' })).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, `phone-room-${language}`);
  });
}
