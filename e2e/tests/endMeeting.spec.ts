import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import {
  addActionItem,
  addAgendaItem,
  addAttendee,
  addDecision,
  addKpi,
} from '@suishin/shared';
import { test, expect } from '../fixtures';
import { expectLive, expectSaved, snapshot } from './helpers';
import { editOverSync } from './helpers';

const TITLE = '週次定例, "営業×プロダクト"';

/**
 * A meeting with outcomes to close, written over the sync protocol as a client would (the room
 * has no KPI, decision or action item panels yet): one complete action item, one without an
 * owner, one without a due date, a decision nobody is recorded as deciding, and an off-track KPI
 * with no countermeasure.
 */
async function seedMeetingToClose(baseURL: string, adminToken: string): Promise<string> {
  const auth = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const response = await fetch(`${baseURL}/api/meetings`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ title: `${TITLE} ${Date.now()}`, language: 'ja', place: '本社 3F 会議室A', departments: ['営業部', 'プロダクト部'] }),
  });
  if (!response.ok) throw new Error(`POST /api/meetings: ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  await editOverSync(baseURL, adminToken, id, (doc) => {
    addAttendee(doc, { name: '山田 太郎', department: '営業部' });
    addAttendee(doc, { name: 'Sato', department: 'Product' });
    const item = addAgendaItem(doc, { title: '受注見込みの確認', presenter: '山田 太郎', timeboxMinutes: 10 });
    addAgendaItem(doc, { title: 'Launch readiness', timeboxMinutes: 15 });
    addDecision(doc, { text: '価格改定を7月に実施', decidedBy: '営業部長', rationale: '競合の値上げ, "前倒し"', agendaItemId: item });
    addDecision(doc, { text: 'Move the launch to July' });
    addKpi(doc, { name: '新規受注', unit: '件', target: 20, actual: 19, previous: 15, owner: '山田 太郎' });
    addKpi(doc, { name: '解約率', unit: '%', target: 2, actual: 5, previous: 3, direction: 'lower_is_better', owner: 'Sato' });
    addActionItem(doc, { title: '見積書を送る, "至急"', owner: { name: '山田 太郎', department: '営業部' }, dueDate: '2025-07-10' });
    addActionItem(doc, { title: '=HYPERLINK("http://evil.example","詳細")', dueDate: '2025-07-31' });
    addActionItem(doc, { title: 'Customer interviews', owner: { name: 'Sato', department: 'Product' } });
  });
  return id;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

test('the facilitator closes the meeting through the checklist; the other browser turns read-only; CSV and minutes download', async ({ alice, bob, baseURL, server }, testInfo) => {
  const id = await seedMeetingToClose(baseURL!, server.adminToken);
  await alice.page.goto(`/meetings/${id}`);
  await bob.page.goto(`/meetings/${id}`);
  await expectLive(alice.page);
  await expectLive(bob.page);
  await alice.page.getByRole('button', { name: 'Start meeting' }).click();

  // The Export menu is in the room for the facilitator at any time; Linear's CSV says it has no due date.
  await alice.page.getByTestId('export-menu').click();
  const menu = alice.page.getByRole('menu', { name: 'Export' });
  await expect(menu.getByRole('menuitem', { name: /CSV for Linear/ })).toContainText('Linear’s importer ignores them');
  await expect(menu.getByRole('menuitem', { name: 'CSV for Jira' })).toBeVisible();
  await expect(menu).toContainText('No tracker is configured on this server.');
  await snapshot(alice.page, testInfo, 'export-menu-en');
  await alice.page.keyboard.press('Escape');

  // The closing checklist shows every gap.
  await alice.page.getByRole('button', { name: 'End meeting' }).click();
  const dialog = alice.page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { name: 'End the meeting?' })).toBeVisible();
  for (const kind of ['action-owner', 'action-due-date', 'kpi-countermeasure', 'decision-decider']) {
    await expect(dialog.getByTestId(`check-${kind}`)).toHaveAttribute('data-state', 'open');
  }
  await expect(dialog.getByTestId('closing-gap')).toHaveCount(4);
  const end = dialog.getByRole('button', { name: 'End meeting' });
  await expect(end).toBeDisabled();
  await snapshot(alice.page, testInfo, 'closing-checklist-en');

  // Fixed on the spot: the owner, the due date, the decider…
  const ownerGap = dialog.locator('[data-gap^="action-owner:"]');
  await ownerGap.getByRole('combobox', { name: 'Owner' }).fill('Kim'); // suggests the attendees
  await ownerGap.getByRole('textbox', { name: 'Department' }).fill('R&D');
  await ownerGap.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByTestId('check-action-owner')).toHaveAttribute('data-state', 'ok');

  const dueGap = dialog.locator('[data-gap^="action-due-date:"]');
  await dueGap.getByRole('spinbutton').first().click();
  await alice.page.keyboard.type('07152025');
  await dueGap.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByTestId('check-action-due-date')).toHaveAttribute('data-state', 'ok');

  const deciderGap = dialog.locator('[data-gap^="decision-decider:"]');
  await deciderGap.getByRole('textbox', { name: 'Decided by' }).fill('CEO');
  await deciderGap.getByRole('textbox', { name: 'Decided by' }).press('Enter');
  await expect(dialog.getByTestId('check-decision-decider')).toHaveAttribute('data-state', 'ok');

  // …and the off-track KPI accepted with a reason, which the minutes will record.
  const kpiGap = dialog.locator('[data-gap^="kpi-countermeasure:"]');
  await kpiGap.getByRole('button', { name: 'Accept with a reason…' }).click();
  await kpiGap.getByRole('button', { name: 'Accept' }).click();
  await expect(kpiGap.getByText('Give a reason.')).toBeVisible();
  await kpiGap.getByRole('textbox', { name: /Reason/ }).fill('CSが来週の定例で対策を決める');
  await kpiGap.getByRole('button', { name: 'Accept' }).click();
  await expect(dialog.getByTestId('check-kpi-countermeasure')).toHaveAttribute('data-state', 'accepted');
  await expect(kpiGap).toContainText('Accepted by Alice: CSが来週の定例で対策を決める');
  await snapshot(alice.page, testInfo, 'closing-checklist-resolved-en');

  // 次回予定 for the minutes.
  await dialog.getByRole('textbox', { name: 'Note' }).fill('同じ会議室, 資料は前日までに共有');

  await expect(end).toBeEnabled();
  await end.click();

  // Both browsers show the read-only banner and the minutes at once; nothing is editable any more.
  for (const page of [alice.page, bob.page]) {
    await expect(page.getByTestId('read-only-banner')).toBeVisible();
    await expect(page.getByTestId('minutes')).toBeVisible();
    await expect(page.locator('input:not([type="radio"]), textarea, [contenteditable="true"]')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'End meeting' })).toHaveCount(0);
  }
  const minutes = bob.page.getByTestId('minutes');
  await expect(minutes).toContainText('議事録');
  await expect(minutes.getByTestId('minutes-agenda-item')).toHaveCount(2);
  await expect(minutes.getByTestId('minutes-decision').nth(1)).toContainText('CEO');
  await expect(minutes.getByTestId('minutes-action-items')).toContainText('Kim（R&D）');
  await expect(minutes.getByTestId('minutes-overrides')).toContainText('KPI「解約率」（未達）：対策の宿題なし');
  await expect(minutes.getByTestId('minutes-overrides')).toContainText('CSが来週の定例で対策を決める（Alice）');
  await expect(minutes).toContainText('同じ会議室, 資料は前日までに共有');
  await expectSaved(bob.page);

  // The minutes follow the chosen language; screenshots in both.
  await snapshot(bob.page, testInfo, 'minutes-ja-minutes-en-ui');
  await bob.page.getByRole('banner').getByRole('radio', { name: '日本語' }).click();
  await expect(bob.page.getByTestId('read-only-banner')).toContainText('この会議は終了しました');
  await snapshot(bob.page, testInfo, 'minutes-ja');
  await alice.page.getByRole('radiogroup', { name: 'Minutes language' }).getByRole('radio', { name: 'English' }).click();
  await expect(alice.page.getByTestId('minutes')).toContainText('Closing checklist items overridden');
  await snapshot(alice.page, testInfo, 'minutes-en');

  // Download the minutes (Markdown, in the language shown) and the Jira CSV, and read them.
  const md = await downloaded(alice.page, () => alice.page.getByRole('link', { name: /Minutes \(Markdown\)/ }).click());
  expect(md.download.suggestedFilename()).toMatch(/^週次定例, 営業×プロダクト \d+_minutes_\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = md.bytes.toString('utf8');
  expect(markdown).toContain('# Minutes: 週次定例, "営業×プロダクト"');
  expect(markdown).toContain('Decided by:** CEO');
  expect(markdown).toContain('CSが来週の定例で対策を決める (Alice)');
  expect(markdown).toContain(`${baseURL}/meetings/${id}`);

  await alice.page.getByTestId('export-menu').click();
  await snapshot(alice.page, testInfo, 'ended-export-menu-en');
  const csv = await downloaded(alice.page, () => alice.page.getByRole('menuitem', { name: 'CSV for Jira' }).click());
  expect(csv.download.suggestedFilename()).toMatch(/_action-items-jira_\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('"Issue Type","Summary","Description","Assignee","Due Date","Status","Labels"');
  expect(text).toContain('"見積書を送る, ""至急"""');
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""詳細"")"`); // neutralised, never a formula
  expect(text).toContain('"2025-07-15"'); // the due date fixed in the checklist
  expect(lines.filter((line) => line.startsWith('"Task"'))).toHaveLength(3);
});

test('the closing checklist in Japanese', async ({ alice, baseURL, server }, testInfo) => {
  const id = await seedMeetingToClose(baseURL!, server.adminToken);
  await alice.page.goto(`/meetings/${id}`);
  await expectLive(alice.page);
  await alice.page.getByRole('banner').getByRole('radio', { name: '日本語' }).click();
  await alice.page.getByRole('button', { name: '会議を開始' }).click();
  await alice.page.getByRole('button', { name: '会議を終了' }).click();
  const dialog = alice.page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { name: '会議を終了しますか？' })).toBeVisible();
  await expect(dialog.getByTestId('check-action-due-date')).toContainText('1 件不足');
  await dialog.locator('[data-gap^="decision-decider:"]').getByRole('button', { name: '理由を書いて承認…' }).click();
  await snapshot(alice.page, testInfo, 'closing-checklist-ja');
  await alice.page.keyboard.press('Escape');
  await alice.page.getByTestId('export-menu').click();
  await expect(alice.page.getByRole('menu', { name: 'エクスポート' })).toContainText('Linear のインポーターが読み込まない');
  await snapshot(alice.page, testInfo, 'export-menu-ja');
});

test('an observer opens an ended meeting: the minutes and their downloads, no export of action items', async ({ alice, browser, baseURL, server }, testInfo) => {
  const id = await seedMeetingToClose(baseURL!, server.adminToken);
  const admin = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  // A script cannot end it over the API while the checklist has open gaps.
  const refused = await fetch(`${baseURL}/api/meetings/${id}/end`, { method: 'POST', headers: admin, body: '{}' });
  expect(refused.status).toBe(409);
  expect(((await refused.json()) as { openGaps: unknown[] }).openGaps).toHaveLength(4);
  const link = await fetch(`${baseURL}/api/meetings/${id}/links`, { method: 'POST', headers: admin, body: JSON.stringify({ role: 'observer', expiresInHours: 1 }) });
  const { url } = (await link.json()) as { url: string };

  const context = await browser.newContext({ baseURL: server.baseURL, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Your name' }).fill('Olivia');
  await page.getByRole('button', { name: 'Join' }).click();
  await expectLive(page);
  // Not ended yet: the observer sees the room, and no Export menu (facilitators only).
  await expect(page.getByRole('heading', { level: 1 })).toContainText(TITLE);
  await expect(page.getByTestId('export-menu')).toHaveCount(0);

  // The facilitator accepts every gap with a reason in the checklist, and ends the meeting.
  await alice.page.goto(`/meetings/${id}`);
  await expectLive(alice.page);
  await alice.page.getByRole('button', { name: 'Start meeting' }).click();
  await alice.page.getByRole('button', { name: 'End meeting' }).click();
  const dialog = alice.page.getByRole('alertdialog');
  await expect(dialog.getByTestId('closing-gap')).toHaveCount(4);
  for (let i = 0; i < 4; i++) {
    const gap = dialog.getByTestId('closing-gap').nth(i);
    await gap.getByRole('button', { name: 'Accept with a reason…' }).click();
    await gap.getByRole('textbox', { name: /Reason/ }).fill('次回の定例で決める');
    await gap.getByRole('button', { name: 'Accept' }).click();
  }
  await dialog.getByRole('button', { name: 'End meeting' }).click();

  await expect(page.getByTestId('read-only-banner')).toBeVisible();
  // One banner: the minutes' own; the observer's room banner is not shown on top of it.
  await expect(page.getByTestId('access-banner')).toHaveCount(0);
  await expect(page.getByTestId('minutes-overrides').getByRole('listitem')).toHaveCount(4);
  await expect(page.getByTestId('export-menu')).toHaveCount(0);
  const html = await downloaded(page, () => page.getByRole('link', { name: /Minutes \(printable HTML\)/ }).click());
  expect(html.bytes.toString('utf8')).toContain('<html lang="ja"');
  expect(html.bytes.toString('utf8')).toContain('次回の定例で決める');
  await snapshot(page, testInfo, 'minutes-observer-en');
  await context.close();
});
