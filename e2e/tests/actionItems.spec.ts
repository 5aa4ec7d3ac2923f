import { test, expect } from '../fixtures';
import { addAgendaItem, createMeetingViaUi, expectLive, expectSaved, notesEditor, notesText, snapshot } from './helpers';
import { actionRows, addAttendee, isoDaysFromToday, kpiRow, openOutcomesTab, pasteText, pickPerson, tsv, usDateDigits } from './outcomesHelpers';

test('action items made from anywhere reach the other browser; the list filters by owner; late and undated items stand out', async ({ alice, bob }, testInfo) => {
  const url = await createMeetingViaUi(alice.page, 'Weekly sync');
  await addAgendaItem(alice.page, 'Pipeline');
  await addAttendee(alice.page, '佐藤', '営業');
  await addAttendee(alice.page, 'Kim', 'Product');
  await bob.page.goto(url);
  await expectLive(bob.page);

  // Typing "a" in the notes is typing, not the shortcut.
  await notesEditor(alice.page).click();
  await alice.page.keyboard.type('agenda');
  await expect.poll(() => notesText(alice.page)).toBe('agenda');
  await expect(alice.page.getByTestId('action-dialog')).toHaveCount(0);

  // Outside a text field, "A" opens "New action item", linked to the agenda item in view.
  await alice.page.getByTestId('agenda-item').first().getByRole('button', { name: /^Item 1:/ }).focus();
  await alice.page.keyboard.press('a');
  const dialog = alice.page.getByTestId('action-dialog');
  await expect(dialog.getByRole('heading', { name: /New action item/ })).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'What' })).toBeFocused();
  await expect(dialog.getByRole('combobox', { name: 'Linked to' })).toHaveValue(/^agenda:/);
  await dialog.getByRole('textbox', { name: 'What' }).fill('Send the revised quote');
  const owner = dialog.getByRole('combobox', { name: 'Owner' });
  await pickPerson(owner, '佐', /佐藤/);
  await expect(dialog.getByRole('combobox', { name: 'Department' })).toHaveValue('営業');
  const yesterday = isoDaysFromToday(-1);
  await dialog.getByRole('group', { name: 'Due date' }).getByRole('spinbutton').first().click();
  await alice.page.keyboard.type(usDateDigits(yesterday));
  await snapshot(alice.page, testInfo, 'action-dialog');
  await dialog.getByRole('button', { name: 'Add action item' }).click();
  await expect(dialog).toBeHidden();

  await openOutcomesTab(bob.page, 'actions');
  const quote = actionRows(bob.page).filter({ hasText: 'Send the revised quote' });
  await expect(quote.getByTestId('action-item-owner')).toHaveText('佐藤 · 営業');
  await expect(quote.getByTestId('overdue-badge')).toHaveText('! Overdue');
  await expect(quote).toContainText('Agenda · 1. Pipeline');

  // Bob adds one for someone from another department who has no account, without a due date.
  await bob.page.getByTestId('actions-panel').getByRole('button', { name: /New action item/ }).click();
  const bobDialog = bob.page.getByTestId('action-dialog');
  await bobDialog.getByRole('textbox', { name: 'What' }).fill('Check the contract terms');
  await bobDialog.getByRole('combobox', { name: 'Owner' }).fill('田中');
  await bobDialog.getByRole('combobox', { name: 'Department' }).fill('法務');
  await bobDialog.getByRole('textbox', { name: 'What' }).press('Enter');
  await expect(bobDialog).toBeHidden();

  // And Alice one for Kim, due next week.
  await alice.page.locator('body').click({ position: { x: 5, y: 300 } });
  await alice.page.keyboard.press('A');
  await dialog.getByRole('textbox', { name: 'What' }).fill('Share the churn analysis');
  await pickPerson(dialog.getByRole('combobox', { name: 'Owner' }), 'Ki', /Kim/);
  await dialog.getByRole('group', { name: 'Due date' }).getByRole('spinbutton').first().click();
  await alice.page.keyboard.type(usDateDigits(isoDaysFromToday(7)));
  await dialog.getByRole('button', { name: 'Add action item' }).click();

  await expect(actionRows(bob.page)).toHaveCount(3);
  await expect(actionRows(alice.page)).toHaveCount(3);
  const contract = actionRows(alice.page).filter({ hasText: 'Check the contract terms' });
  await expect(contract.getByTestId('action-item-owner')).toHaveText('田中 · 法務');
  await expect(contract.getByTestId('undated-badge')).toHaveText('No due date');
  await expect(bob.page.getByTestId('actions-summary')).toHaveText('3 items · 1 overdue · 1 without due date');
  await expect(bob.page.getByTestId('tab-actions')).toContainText('3');

  // Filter by owner, department and status.
  const filters = bob.page.getByRole('group', { name: 'Filter action items' });
  await filters.getByRole('combobox', { name: 'Owner' }).selectOption('佐藤');
  await expect(bob.page.getByTestId('action-item-title')).toHaveText(['Send the revised quote']);
  await expect(bob.page.getByTestId('actions-summary')).toContainText('1 of 3 shown');
  await filters.getByRole('combobox', { name: 'Owner' }).selectOption('Kim');
  await expect(bob.page.getByTestId('action-item-title')).toHaveText(['Share the churn analysis']);
  await filters.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Everyone' });
  await filters.getByRole('combobox', { name: 'Department' }).selectOption('法務');
  await expect(bob.page.getByTestId('action-item-title')).toHaveText(['Check the contract terms']);
  await filters.getByRole('combobox', { name: 'Department' }).selectOption({ label: 'All' });
  await filters.getByRole('combobox', { name: 'Status' }).selectOption('overdue');
  await expect(bob.page.getByTestId('action-item-title')).toHaveText(['Send the revised quote']);
  await snapshot(bob.page, testInfo, 'actions-filtered-bob');

  // Done is never late: Alice closes the quote, Bob's overdue count drops.
  await actionRows(alice.page).filter({ hasText: 'Send the revised quote' }).getByRole('combobox', { name: 'Status of Send the revised quote' }).selectOption('done');
  await expect(bob.page.getByTestId('actions-panel')).toContainText('No action item matches these filters.');
  await bob.page.getByRole('button', { name: 'Show all' }).click();
  await expect(bob.page.getByTestId('actions-summary')).toHaveText('3 items · 1 without due date');
  await expectSaved(alice.page);
  await snapshot(alice.page, testInfo, 'actions-alice');

  // Removing asks first; cancelling keeps the item, confirming removes it for everyone.
  await contract.getByTestId('action-item-title').click();
  await contract.getByRole('button', { name: 'Remove', exact: true }).click();
  const confirm = alice.page.getByRole('alertdialog', { name: 'Remove this action item?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(actionRows(alice.page)).toHaveCount(3);
  await contract.getByRole('button', { name: 'Remove', exact: true }).click();
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(actionRows(bob.page)).toHaveCount(2);
  await expect(bob.page.getByTestId('action-item-title')).not.toContainText(['Check the contract terms']);
});

test('an observer follows the outcomes live and has no controls to change them', async ({ alice, browser, server }) => {
  const url = await createMeetingViaUi(alice.page, 'Board review');
  const meetingId = new URL(url).pathname.split('/').pop()!;
  await alice.page.getByTestId('kpi-paste-open').click();
  await pasteText(alice.page.getByTestId('kpi-paste-text'), tsv(['売上', '百万円', '120', '90', '110']));
  await alice.page.getByTestId('kpi-paste-apply').click();

  await alice.page.getByTestId('share-button').click();
  const share = alice.page.getByTestId('share-dialog');
  await share.getByRole('radio', { name: 'Observer' }).click();
  await share.getByTestId('create-link').click();
  const link = await share.getByTestId('share-link-url').inputValue();
  await share.getByRole('button', { name: 'Close' }).click();

  const context = await browser.newContext({ baseURL: server.baseURL, locale: 'en-US' });
  const olivia = await context.newPage();
  await olivia.goto(link);
  await olivia.getByRole('textbox', { name: 'Your name' }).fill('Olivia');
  await olivia.getByRole('button', { name: 'Join' }).click();
  await expect(olivia).toHaveURL(new RegExp(`/meetings/${meetingId}$`));
  await expectLive(olivia);

  // The figures, with no way to change them.
  await expect(kpiRow(olivia, '売上').getByTestId('kpi-status')).toHaveText('Off track');
  await expect(kpiRow(olivia, '売上')).toContainText('No countermeasure yet');
  await expect(olivia.getByTestId('kpi-paste-open')).toHaveCount(0);
  await expect(olivia.getByTestId('add-countermeasure')).toHaveCount(0);
  await expect(olivia.getByRole('textbox', { name: 'New KPI' })).toHaveCount(0);
  await olivia.locator('body').press('a');
  await expect(olivia.getByTestId('action-dialog')).toHaveCount(0);

  // Alice's action item and decision arrive live; Olivia can read, not edit.
  await kpiRow(alice.page, '売上').getByTestId('add-countermeasure').click();
  await openOutcomesTab(olivia, 'actions');
  await expect(actionRows(olivia)).toHaveCount(1);
  await expect(olivia.getByRole('combobox', { name: /Status of/ })).toBeDisabled();
  await expect(olivia.getByTestId('action-item-title')).toBeDisabled();
  await expect(olivia.getByTestId('actions-panel').getByRole('button', { name: /New action item/ })).toHaveCount(0);
  await openOutcomesTab(alice.page, 'decisions');
  await alice.page.getByTestId('decision-form').getByRole('textbox', { name: 'Decision' }).fill('Cut the launch discount');
  await alice.page.getByTestId('decision-form').getByRole('button', { name: 'Record decision' }).click();
  await openOutcomesTab(olivia, 'decisions');
  await expect(olivia.getByTestId('decision-text')).toContainText('Cut the launch discount');
  await expect(olivia.getByTestId('decision-form')).toHaveCount(0);
  await context.close();
});
