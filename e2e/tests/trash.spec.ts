import { addDecision } from '@suishin/shared';
import { test, expect } from '../fixtures';
import { createMeetingViaUi, editOverSync, expectLive, snapshot } from './helpers';
import { openOutcomesTab } from './outcomesHelpers';

test('the admin deletes a meeting, finds it in the trash, restores it, and it is back with its decisions', async ({ alice, server }, testInfo) => {
  const url = await createMeetingViaUi(alice.page, 'Budget review');
  const meetingId = new URL(url).pathname.split('/').at(-1)!;
  await editOverSync(server.baseURL, server.adminToken, meetingId, (doc) => {
    addDecision(doc, { text: 'Freeze travel spending until March', decidedBy: 'CFO' });
  });
  await openOutcomesTab(alice.page, 'decisions');
  await expect(alice.page.getByTestId('decision-text')).toContainText('Freeze travel spending until March');

  // Delete asks first; cancelling changes nothing.
  await alice.page.getByTestId('delete-meeting').click();
  const dialog = alice.page.getByRole('alertdialog');
  await expect(dialog).toContainText('Delete “Budget review”?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await alice.page.getByTestId('delete-meeting').click();
  await alice.page.getByRole('alertdialog').getByRole('button', { name: 'Move to the trash' }).click();

  await expect(alice.page).toHaveURL(/\/trash$/);
  const entry = alice.page.getByTestId('trash-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Budget review');
  await snapshot(alice.page, testInfo, 'trash');

  // Its page says it was deleted while it is in the trash.
  await alice.page.goto(url);
  await expect(alice.page.getByRole('alert')).toContainText('This meeting was deleted');

  await alice.page.goto('/trash');
  await alice.page.getByTestId('trash-entry').getByRole('button', { name: 'Restore' }).click();
  await expect(alice.page.getByRole('status').filter({ hasText: '“Budget review” is back.' })).toBeVisible();
  await expect(alice.page.getByText('The trash is empty.')).toBeVisible();

  await alice.page.goto(url);
  await expectLive(alice.page);
  await openOutcomesTab(alice.page, 'decisions');
  await expect(alice.page.getByTestId('decision-text')).toContainText('Freeze travel spending until March');
  await snapshot(alice.page, testInfo, 'restored');
});
