import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from '../fixtures';
import { addAgendaItem, createMeetingViaUi, expectSaved, openItem } from './helpers';
import { actionRows, addAttendee, isoDaysFromToday, kpiRow, openOutcomesTab, outcomes, pasteText, pickPerson, tsv, usDateDigits } from './outcomesHelpers';

/** A screenshot of the outcomes column alone (test-results/…), to look at in both languages. */
async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await outcomes(page).screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function addAction(page: Page, title: string, owner: { typed: string; pick?: RegExp; department?: string }, due: string | null) {
  await page.getByTestId('actions-panel').getByRole('button', { name: /New action item|宿題を追加/ }).click();
  const dialog = page.getByTestId('action-dialog');
  await dialog.getByRole('textbox', { name: 'What' }).fill(title);
  const ownerField = dialog.getByRole('combobox', { name: 'Owner' });
  if (owner.pick) await pickPerson(ownerField, owner.typed, owner.pick);
  else {
    await ownerField.fill(owner.typed);
    await dialog.getByRole('combobox', { name: 'Department' }).fill(owner.department ?? '');
  }
  if (due) {
    await dialog.getByRole('group', { name: 'Due date' }).getByRole('spinbutton').first().click();
    await page.keyboard.type(usDateDigits(due));
  }
  await dialog.getByRole('button', { name: 'Add action item' }).click();
  await expect(dialog).toBeHidden();
}

test('the outcomes column in English and Japanese, on a laptop and a tablet', async ({ alice }, testInfo) => {
  await createMeetingViaUi(alice.page, '営業 × プロダクト 週次定例');
  await addAgendaItem(alice.page, 'KPI review');
  await addAgendaItem(alice.page, '価格改定');
  await addAttendee(alice.page, '佐藤 花子', '営業');
  await addAttendee(alice.page, 'Kim Lee', 'Product');

  await alice.page.getByTestId('kpi-paste-open').click();
  await pasteText(
    alice.page.getByTestId('kpi-paste-text'),
    tsv(
      ['指標', '単位', '目標', '実績', '前回', '方向', '担当', 'コメント'],
      ['売上', '百万円', '120', '98', '110', '高', '佐藤 花子', '大型案件が来月にずれ込み'],
      ['新規商談数', '件', '150', '142', '120', '高', 'Kim Lee', ''],
      ['解約率', '%', '2.0%', '1.7%', '2.3%', '低', 'Kim Lee', 'Onboarding fix shipped'],
      ['粗利率', '%', '35%', '33.5%', '34%', '高', '佐藤 花子', ''],
      ['問い合わせ応答時間', 'h', '4', '6.5', '5', '低', '', ''],
      ['NPS', 'pt', '40', '', '38', '高', '', ''],
    ),
  );
  await alice.page.getByTestId('kpi-paste-apply').click();
  await kpiRow(alice.page, '売上').getByTestId('add-countermeasure').click();
  await expect(alice.page.getByTestId('action-editor')).toBeVisible();
  await alice.page.getByTestId('action-editor').getByRole('button', { name: 'Done' }).click();

  await openItem(alice.page, 2);
  await openOutcomesTab(alice.page, 'decisions');
  const form = alice.page.getByTestId('decision-form');
  for (const text of ['4月から標準価格を5%引き上げる', 'Keep the list price; end the launch discount instead']) {
    await form.getByRole('textbox', { name: 'Decision' }).fill(text);
    await form.getByRole('button', { name: 'Record decision' }).click();
  }
  await alice.page.getByTestId('decision-text').nth(1).click();
  await alice.page.getByTestId('decision-editor').getByRole('combobox', { name: 'Supersedes' }).selectOption({ index: 1 });
  await alice.page.getByTestId('decision-editor').getByRole('button', { name: 'Done' }).click();

  await openOutcomesTab(alice.page, 'actions');
  await addAction(alice.page, '改定後の見積書を主要顧客へ送付', { typed: '佐藤', pick: /佐藤 花子/ }, isoDaysFromToday(-2));
  await addAction(alice.page, 'Share the churn analysis with CS', { typed: 'Kim', pick: /Kim Lee/ }, isoDaysFromToday(6));
  await addAction(alice.page, '契約条項を法務に確認', { typed: '田中 一郎', department: '法務' }, null);
  await actionRows(alice.page).filter({ hasText: 'Share the churn analysis' }).getByRole('combobox', { name: /Status of/ }).selectOption('in_progress');
  await expectSaved(alice.page);

  // Tall enough that the right column needs no scrolling of its own: the shots show it whole.
  await alice.page.setViewportSize({ width: 1366, height: 1500 });
  await alice.page.evaluate(() => window.scrollTo(0, 0));
  for (const tab of ['kpis', 'decisions', 'actions'] as const) {
    await openOutcomesTab(alice.page, tab);
    await shoot(alice.page, testInfo, `outcomes-en-${tab}`);
  }

  await alice.page.getByRole('radiogroup', { name: 'Language', exact: true }).getByRole('radio', { name: '日本語' }).click();
  await expect(alice.page.getByTestId('tab-kpis')).toContainText('KPI');
  await openOutcomesTab(alice.page, 'kpis');
  await expect(kpiRow(alice.page, '売上').getByTestId('kpi-status')).toHaveText('未達');
  await expect(kpiRow(alice.page, '解約率').getByTestId('kpi-status')).toHaveText('順調');
  await expect(alice.page.getByTestId('kpi-rule')).toContainText('要注意: 目標との差が10%以内');
  await shoot(alice.page, testInfo, 'outcomes-ja-kpis');
  await kpiRow(alice.page, '解約率').getByTestId('kpi-name').click();
  await expect(alice.page.getByTestId('kpi-editor').getByRole('textbox', { name: '実績' })).toHaveValue('1.7');
  await shoot(alice.page, testInfo, 'outcomes-ja-kpi-editor');
  await kpiRow(alice.page, '解約率').getByTestId('kpi-name').click();
  await alice.page.getByTestId('kpi-paste-open').click();
  await pasteText(alice.page.getByTestId('kpi-paste-text'), tsv(['KPI', 'Target', 'Actual'], ['CVR', '3%', '２．５％'], ['', '5', '4'], ['ARPU', '¥1,200', '#DIV/0!']));
  await expect(alice.page.getByTestId('kpi-paste-problems')).toContainText('3 行目: 指標名が空です');
  await expect(alice.page.getByTestId('kpi-paste-problems')).toContainText('4 行目: 実績がスプレッドシートのエラー値です（#DIV/0!）');
  const pastePath = testInfo.outputPath('kpi-paste-ja.png');
  await alice.page.screenshot({ path: pastePath });
  await testInfo.attach('kpi-paste-ja', { path: pastePath, contentType: 'image/png' });
  await alice.page.getByTestId('kpi-paste-dialog').getByRole('button', { name: 'キャンセル' }).click();
  await openOutcomesTab(alice.page, 'decisions');
  await expect(alice.page.getByTestId('superseded-by')).toHaveText('#2 により変更');
  await shoot(alice.page, testInfo, 'outcomes-ja-decisions');
  await openOutcomesTab(alice.page, 'actions');
  await expect(actionRows(alice.page).filter({ hasText: '見積書' }).getByTestId('overdue-badge')).toHaveText('! 期限切れ');
  await expect(actionRows(alice.page).filter({ hasText: '契約条項' }).getByTestId('undated-badge')).toHaveText('期限なし');
  await shoot(alice.page, testInfo, 'outcomes-ja-actions');

  // The date picker speaks Japanese whatever the browser's locale (en-US here): 年/月/日.
  await alice.page.getByTestId('actions-panel').getByRole('button', { name: /宿題を追加/ }).click();
  const dialog = alice.page.getByTestId('action-dialog');
  await expect(dialog.getByRole('group', { name: '期限' })).toContainText('年');
  await dialog.getByRole('group', { name: '期限' }).getByRole('button').last().click();
  await expect(alice.page.getByRole('dialog').filter({ has: alice.page.getByRole('grid') }).getByRole('heading')).toContainText('年');
  const path = testInfo.outputPath('action-dialog-ja.png');
  await alice.page.screenshot({ path });
  await testInfo.attach('action-dialog-ja', { path, contentType: 'image/png' });
  await alice.page.keyboard.press('Escape');
  await alice.page.keyboard.press('Escape');

  // A portrait tablet: the column moves under the selected item, full width, still one tab at a time.
  await alice.page.setViewportSize({ width: 820, height: 1180 });
  await alice.page.evaluate(() => window.scrollTo(0, 0));
  await openOutcomesTab(alice.page, 'kpis');
  const tablet = testInfo.outputPath('room-tablet-ja.png');
  await alice.page.screenshot({ path: tablet, fullPage: true });
  await testInfo.attach('room-tablet-ja', { path: tablet, contentType: 'image/png' });
  const box = await outcomes(alice.page).boundingBox();
  expect(box!.width).toBeGreaterThan(500);
});
