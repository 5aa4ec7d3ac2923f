import { test, expect } from '../fixtures';
import { createMeetingViaUi, expectLive, expectSaved, snapshot } from './helpers';
import { addAttendee, actionRows, kpiRow, kpiRows, openOutcomesTab, outcomes, pasteText, tsv } from './outcomesHelpers';

const HEADER = ['指標', '単位', '目標', '実績', '前回', '方向', '担当', 'コメント'];

test('a pasted KPI table with a bad row changes nothing; the fixed paste reaches the other browser', async ({ alice, bob }, testInfo) => {
  const url = await createMeetingViaUi(alice.page, 'KPI review');
  await bob.page.goto(url);
  await expectLive(bob.page);
  await openOutcomesTab(alice.page, 'kpis');
  await openOutcomesTab(bob.page, 'kpis');

  await alice.page.getByTestId('kpi-paste-open').click();
  const dialog = alice.page.getByTestId('kpi-paste-dialog');
  const area = dialog.getByTestId('kpi-paste-text');
  const rows = [
    ['売上', '百万円', '120', '98', '110', '高', '佐藤', '大型案件が来月へ'],
    ['解約率', '%', '2.0%', '2.1%', '1.9%', '低', 'Kim', ''],
    ['商談数', '件', '１５０', 'forty', '140', '高', '山田', ''],
    ['粗利', '¥', '¥1,200', '￥1,250', '¥1,100', '高', '', ''],
    ['NPS', 'pt', '10', '12', '▲5', 'higher', 'Kim', ''],
  ];
  await pasteText(area, tsv(HEADER, ...rows));
  const problems = dialog.getByTestId('kpi-paste-problems');
  await expect(problems).toContainText('Line 4: Actual “forty” is not a number');
  await expect(dialog.getByTestId('kpi-paste-apply')).toBeDisabled();
  await expect(dialog).toContainText('Nothing has been changed.');
  // The preview marks the bad row and still shows the good ones.
  await expect(dialog.getByTestId('kpi-paste-preview').locator('tbody tr')).toHaveCount(5);
  await expect(dialog.locator('.paste-table__bad')).toHaveCount(1);
  await snapshot(alice.page, testInfo, 'kpi-paste-bad-row');
  // Nothing was written: neither browser has a KPI.
  await expect(bob.page.getByTestId('kpi-panel')).toContainText('No KPIs yet');
  await expect(bob.page.getByTestId('tab-kpis')).toContainText('0');

  // The fixed table (full-width digits this time) is applied in one go.
  rows[2]![3] = '１２０';
  await area.fill('');
  await pasteText(area, tsv(HEADER, ...rows));
  await expect(problems).toHaveCount(0);
  const apply = dialog.getByTestId('kpi-paste-apply');
  await expect(apply).toHaveText('Apply (5 new, 0 updated)');
  await apply.click();
  await expect(dialog).toBeHidden();

  await expect(bob.page.getByTestId('kpi-name')).toHaveText(['売上', '解約率', '商談数', '粗利', 'NPS']);
  await expect(kpiRow(bob.page, '売上').getByTestId('kpi-status')).toHaveText('Off track');
  await expect(kpiRow(bob.page, '解約率').getByTestId('kpi-status')).toHaveText('At risk');
  await expect(kpiRow(bob.page, '商談数').getByTestId('kpi-status')).toHaveText('Off track');
  await expect(kpiRow(bob.page, '粗利').getByTestId('kpi-status')).toHaveText('On track');
  await expect(kpiRow(bob.page, '売上').getByTestId('kpi-actual')).toHaveText('98百万円');
  await expect(kpiRow(bob.page, '粗利').getByTestId('kpi-actual')).toHaveText('¥1,250');
  // Signed change from last time, judged by the good direction (words for screen readers too).
  await expect(kpiRow(bob.page, '売上').getByTestId('kpi-delta')).toHaveText('↓ −12百万円 (worse than last time)');
  await expect(kpiRow(bob.page, '解約率').getByTestId('kpi-delta')).toHaveText('↑ +0.2% (worse than last time)');
  await expect(kpiRow(bob.page, 'NPS').getByTestId('kpi-delta')).toHaveText('↑ +17 pt (better than last time)');
  await expect(bob.page.getByTestId('kpi-rule')).toContainText('At risk: within 10% of the target');

  // The meeting's own margin: at 20 %, 売上 (18 % short of its target) is at risk, for everyone.
  const margin = alice.page.getByRole('textbox', { name: 'At-risk margin', exact: true });
  await margin.fill('20%');
  await margin.press('Enter');
  await expect(bob.page.getByTestId('kpi-rule')).toContainText('At risk: within 20% of the target');
  await expect(kpiRow(bob.page, '売上').getByTestId('kpi-status')).toHaveText('At risk');
  await expect(kpiRow(bob.page, '商談数').getByTestId('kpi-status')).toHaveText('At risk');
  await expect(bob.page.getByRole('textbox', { name: 'At-risk margin', exact: true })).toHaveValue('20%');
  await margin.fill('10%');
  await margin.press('Enter');
  await expect(kpiRow(bob.page, '売上').getByTestId('kpi-status')).toHaveText('Off track');
  await expect(bob.page.getByTestId('tab-kpis')).toContainText('5');

  // The table's order is the meeting's: Alice moves 解約率 to the top and back; Bob's table follows.
  await kpiRow(alice.page, '解約率').getByTestId('kpi-name').click();
  const editor = alice.page.getByTestId('kpi-editor');
  await editor.getByRole('button', { name: 'Move “解約率” up' }).click();
  await expect(bob.page.getByTestId('kpi-name')).toHaveText(['解約率', '売上', '商談数', '粗利', 'NPS']);
  await expect(editor.getByRole('button', { name: 'Move “解約率” up' })).toBeDisabled();
  await editor.getByRole('button', { name: 'Move “解約率” down' }).click();
  await expect(bob.page.getByTestId('kpi-name')).toHaveText(['売上', '解約率', '商談数', '粗利', 'NPS']);
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(editor).toBeHidden();

  // A second paste straight onto the KPI panel updates by name: empty cells erase nothing.
  await pasteText(alice.page.getByTestId('kpi-panel'), tsv(['KPI', 'Actual', 'Comment'], ['売上', '125', '']));
  await expect(apply).toHaveText('Apply (0 new, 1 updated)');
  await apply.click();
  await expect(kpiRow(bob.page, '売上').getByTestId('kpi-status')).toHaveText('On track');
  await expect(kpiRow(bob.page, '売上')).toContainText('大型案件が来月へ');
  await expectSaved(alice.page);
  await snapshot(bob.page, testInfo, 'kpi-table-bob');
});

test('an off-track KPI gets its countermeasure action item in one click, seen by everyone', async ({ alice, bob }, testInfo) => {
  const url = await createMeetingViaUi(alice.page, 'Countermeasures');
  await addAttendee(alice.page, '佐藤', '営業');
  await bob.page.goto(url);
  await expectLive(bob.page);

  await alice.page.getByTestId('kpi-paste-open').click();
  await pasteText(alice.page.getByTestId('kpi-paste-text'), tsv(HEADER, ['売上', '百万円', '120', '90', '110', '高', '佐藤', ''], ['解約率', '%', '2', '1.8', '2.1', '低', 'Kim', '']));
  await alice.page.getByTestId('kpi-paste-apply').click();

  // Only the off-track KPI asks for a countermeasure, and says it has none.
  await expect(kpiRow(bob.page, '売上')).toContainText('No countermeasure');
  await expect(kpiRow(bob.page, '解約率').getByTestId('add-countermeasure')).toHaveCount(0);

  await kpiRow(alice.page, '売上').getByTestId('add-countermeasure').click();
  // Alice is taken to the new action item, open for its due date; it is owned by the KPI owner.
  await expect(alice.page.getByTestId('tab-actions')).toHaveAttribute('aria-selected', 'true');
  const created = actionRows(alice.page).filter({ hasText: '売上' });
  await expect(created.getByTestId('action-item-title')).toHaveText('Countermeasure: 売上');
  await expect(created.getByTestId('action-item-owner')).toHaveText('佐藤 · 営業');
  await expect(created).toContainText('KPI · 売上');
  await expect(created.getByTestId('action-editor')).toBeVisible();

  // Bob's KPI row now shows the countermeasure and links to it.
  const link = kpiRow(bob.page, '売上').getByTestId('kpi-countermeasure');
  await expect(link).toContainText('Countermeasure: 売上');
  await expect(link).toContainText('(Open)');
  await expect(kpiRow(bob.page, '売上')).not.toContainText('No countermeasure');
  await link.click();
  await expect(bob.page.getByTestId('tab-actions')).toHaveAttribute('aria-selected', 'true');
  await expect(actionRows(bob.page).filter({ hasText: 'Countermeasure: 売上' })).toHaveCount(1);
  await expect(bob.page.getByTestId('tab-actions')).toContainText('1');
  await expectSaved(alice.page);
  await snapshot(alice.page, testInfo, 'kpi-countermeasure-alice');
});

test('Japanese composed in a KPI comment survives the other person editing the same KPI', async ({ alice, bob }) => {
  const url = await createMeetingViaUi(alice.page, 'IME in KPIs');
  await bob.page.goto(url);
  await expectLive(bob.page);
  await alice.page.getByTestId('kpi-paste-open').click();
  await pasteText(alice.page.getByTestId('kpi-paste-text'), tsv(['売上', '百万円', '120', '90', '110']));
  await alice.page.getByTestId('kpi-paste-apply').click();
  await expect(kpiRows(bob.page)).toHaveCount(1);

  await alice.page.getByTestId('kpi-name').click();
  await bob.page.getByTestId('kpi-name').click();
  const aliceComment = alice.page.getByTestId('kpi-editor').getByRole('textbox', { name: 'Comment' });
  await aliceComment.click();
  const cdp = await alice.context.newCDPSession(alice.page);
  const bobActual = bob.page.getByTestId('kpi-editor').getByRole('textbox', { name: 'Actual' });
  for (const [reading, actual] of [['た', '91'], ['たい', '92'], ['たいさく', '95']] as const) {
    await cdp.send('Input.imeSetComposition', { text: reading, selectionStart: reading.length, selectionEnd: reading.length });
    await bobActual.fill(actual);
    await bobActual.press('Enter');
    await alice.page.waitForTimeout(150);
  }
  await cdp.send('Input.insertText', { text: '対策' });
  await alice.page.keyboard.type('済み');
  await expect(aliceComment).toHaveValue('対策済み');
  await aliceComment.blur();
  // Both see the comment exactly once and Bob's last actual.
  await expect(kpiRow(bob.page, '売上')).toContainText('対策済み');
  await expect(kpiRow(alice.page, '売上').getByTestId('kpi-actual')).toHaveText('95百万円');
  await expect(bob.page.getByTestId('kpi-editor').getByRole('textbox', { name: 'Comment' })).toHaveValue('対策済み');
  await expect(outcomes(alice.page)).toBeVisible();
});
