import { test, expect } from '../fixtures';
import { addAgendaItem, createMeetingViaUi, expectLive, expectSaved, openItem, snapshot } from './helpers';
import { addAttendee, openOutcomesTab, pickPerson } from './outcomesHelpers';

test('a decision recorded on the current agenda item reaches the other browser; a later one supersedes it', async ({ alice, bob }, testInfo) => {
  const url = await createMeetingViaUi(alice.page, 'Pricing review');
  await addAgendaItem(alice.page, 'Pricing');
  await addAgendaItem(alice.page, 'Hiring');
  await addAttendee(alice.page, '佐藤', '営業');
  await addAttendee(alice.page, 'Kim', 'Product');
  await bob.page.goto(url);
  await expectLive(bob.page);

  // "D" (not typing) goes to the decision field; the decision is filed under the item in view.
  await openItem(alice.page, 1);
  await alice.page.keyboard.press('d');
  const form = alice.page.getByTestId('decision-form');
  const text = form.getByRole('textbox', { name: 'Decision' });
  await expect(text).toBeFocused();
  await expect(form.getByRole('combobox', { name: 'Agenda item' })).toHaveValue(await alice.page.getByTestId('agenda-item').first().getAttribute('data-item-id') ?? '');
  await text.fill('Raise the list price by 5% in April');
  await form.getByRole('button', { name: 'Why, who, review…' }).click();
  await form.getByRole('textbox', { name: 'Rationale' }).fill('Costs rose 8% since last year');
  await form.getByRole('textbox', { name: 'Alternatives considered' }).fill('Keep the price; cut the discount');
  const decidedBy = form.getByRole('combobox', { name: 'Decided by' });
  await pickPerson(decidedBy, '佐', /佐藤/);
  await expect(decidedBy).toHaveValue('佐藤');
  await form.getByRole('group', { name: 'Review date' }).getByRole('spinbutton').first().click();
  await alice.page.keyboard.type('09302026');
  await text.focus();
  await alice.page.keyboard.press('ControlOrMeta+Enter');
  await expect(text).toHaveValue('');

  await openOutcomesTab(bob.page, 'decisions');
  const first = bob.page.getByTestId('decision').first();
  await expect(first.getByTestId('decision-text')).toContainText('Raise the list price by 5% in April');
  await expect(first).toContainText('1. Pricing');
  await expect(first).toContainText('by 佐藤');
  await expect(first).toContainText('review Sep 30, 2026');
  await expect(first).toContainText('Costs rose 8% since last year');
  await expect(first).toContainText('Keep the price; cut the discount');

  // Bob records a second decision, on "Hiring", that supersedes the first.
  await openItem(bob.page, 2);
  const bobForm = bob.page.getByTestId('decision-form');
  await bobForm.getByRole('textbox', { name: 'Decision' }).fill('Keep the list price; end the launch discount instead');
  await bobForm.getByRole('button', { name: 'Why, who, review…' }).click();
  await bobForm.getByRole('combobox', { name: 'Decided by' }).fill('Board (external)');
  await bobForm.getByRole('combobox', { name: 'Supersedes' }).selectOption({ label: '#1 Raise the list price by 5% in April' });
  await bobForm.getByRole('button', { name: 'Record decision' }).click();

  await openOutcomesTab(alice.page, 'decisions');
  const decisions = alice.page.getByTestId('decision');
  await expect(decisions).toHaveCount(2);
  await expect(decisions.nth(0).getByTestId('superseded-by')).toHaveText('Superseded by #2');
  await expect(decisions.nth(0)).toHaveClass(/decision-row--superseded/);
  await expect(decisions.nth(1)).toContainText('2. Hiring');
  await expect(decisions.nth(1)).toContainText('by Board (external)');
  await expect(decisions.nth(1)).toContainText('supersedes #1');
  await expect(alice.page.getByTestId('tab-decisions')).toContainText('2');

  // Editing a decision in one browser shows in the other.
  await decisions.nth(1).getByTestId('decision-text').click();
  const editor = alice.page.getByTestId('decision-editor');
  await editor.getByRole('textbox', { name: 'Rationale' }).fill('Margin matters more than list price');
  await editor.getByRole('textbox', { name: 'Rationale' }).blur();
  await expect(bob.page.getByTestId('decision').nth(1)).toContainText('Margin matters more than list price');
  await expectSaved(alice.page);
  await snapshot(alice.page, testInfo, 'decisions-alice');
  await snapshot(bob.page, testInfo, 'decisions-bob');
});
