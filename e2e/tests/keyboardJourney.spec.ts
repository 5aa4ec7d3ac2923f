import type { Locator, Page } from '@playwright/test';
import { test, expect, newParticipant } from '../fixtures';
import { agendaTitles, expectLive, expectSaved } from './helpers';

/**
 * A whole meeting with the keyboard only (issue 20, WCAG 2.1.1 and 2.4.3): create it, add agenda
 * items, reorder one, start, add an action item, record a decision, fix the closing checklist's gap
 * and end it. After every step focus is on a sensible element, never dropped to <body>: a replaced
 * control ("Start meeting"), a closed dialog with no trigger (the join dialog, the "A" shortcut's
 * dialog), a fixed gap that leaves the checklist.
 */

/** Presses Tab until `target` has focus (a person tabbing through the page); fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** What has focus, for failure messages: never <body>. */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 40) ?? ''}` : 'none';
});

test('a meeting from creation to its end with the keyboard only; focus is never lost', async ({ alice }) => {
  test.setTimeout(120_000);
  const { page } = alice;
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Create: Enter in the title field. The form is gone with the page: focus lands on the new
  // room's "New agenda item" field, not on <body>.
  await tabTo(page, page.getByLabel('Title'));
  await page.keyboard.type('Keyboard sync');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  await expectLive(page);
  const newItem = page.getByRole('textbox', { name: 'New agenda item' });
  await expect(newItem, await focused(page)).toBeFocused();

  // Agenda: three items, focus stays in the field for the next one.
  for (const title of ['KPI review', 'Pipeline', 'Hiring']) {
    await page.keyboard.type(title);
    await page.keyboard.press('Enter');
    await expect(agendaTitles(page).filter({ hasText: title })).toHaveCount(1);
    await expect(newItem).toBeFocused();
  }

  // Reorder with the keyboard: pick "Hiring" up by its handle, move it up, drop; twice. Focus stays on its handle.
  const hiringHandle = page.getByRole('button', { name: 'Reorder Hiring' });
  await tabTo(page, hiringHandle);
  const hiringRow = page.getByTestId('agenda-item').filter({ has: hiringHandle });
  // Moved the way a screen-reader user moves it: each key after dnd-kit's announcement of the last one.
  const announcement = page.locator('[id^="DndLiveRegion"]');
  for (const [position, order] of [[2, ['KPI review', 'Hiring', 'Pipeline']], [1, ['Hiring', 'KPI review', 'Pipeline']]] as const) {
    await page.keyboard.press('Space');
    await expect(hiringRow).toHaveClass(/agenda-row--dragging/);
    // Once dnd-kit has measured the rows it announces where the item is: only then do arrows move it.
    await expect(announcement).toHaveText(`Hiring is at position ${position + 1} of 3.`);
    await page.keyboard.press('ArrowUp');
    await expect(announcement).toHaveText(`Hiring is at position ${position} of 3.`);
    await page.keyboard.press('Space');
    await expect(announcement).toHaveText(`Dropped Hiring at position ${position} of 3.`);
    await expect(agendaTitles(page)).toHaveText(order);
    await expect(hiringHandle).toBeFocused();
  }

  // Start: the button is replaced by the running controls; focus moves to "Next item".
  await tabTo(page, page.getByRole('button', { name: 'Start meeting' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('facilitation')).toHaveAttribute('data-status', 'live');
  await expect(page.getByRole('button', { name: 'Next item' }), await focused(page)).toBeFocused();

  // An action item with "A" (from a button, not a text field).
  await page.keyboard.press('a');
  const dialog = page.getByTestId('action-dialog');
  await expect(dialog.getByRole('textbox', { name: 'What' })).toBeFocused();
  await page.keyboard.type('Send the hiring plan');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('combobox', { name: 'Owner' })).toBeFocused();
  await page.keyboard.type('Alice');
  await tabTo(page, dialog.getByRole('group', { name: 'Due date' }).getByRole('spinbutton').first());
  await page.keyboard.type('12312099');
  await tabTo(page, dialog.getByRole('button', { name: 'Add action item' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // Focus goes to the new item in the list (where it can be checked or edited next).
  await expect(page.getByTestId('actions-panel').getByRole('button', { name: /Send the hiring plan/ }), await focused(page)).toBeFocused();

  // A decision with "D"; Ctrl+Enter records it and focus stays in the decision field for the next.
  await page.keyboard.press('d');
  const decision = page.getByRole('textbox', { name: 'Decision' });
  await expect(decision).toBeFocused();
  await page.keyboard.type('Hire two engineers in Q1');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('decision').filter({ hasText: 'Hire two engineers in Q1' })).toHaveCount(1);
  await expect(decision).toHaveValue('');
  await expect(decision).toBeFocused();
  await expectSaved(page);

  // End: the checklist shows the decision without a decider; fixing it removes the gap (and the
  // focused Save button with it): focus lands on the dialog's next control, not on <body>.
  await tabTo(page, page.getByRole('button', { name: 'End meeting' }));
  await page.keyboard.press('Enter');
  const closing = page.getByRole('alertdialog');
  await expect(closing.getByRole('heading', { name: 'End the meeting?' })).toBeVisible();
  const gap = closing.getByTestId('closing-gap');
  await expect(gap).toHaveCount(1);
  await tabTo(page, gap.getByRole('combobox', { name: 'Decided by' }).or(gap.getByRole('textbox', { name: 'Decided by' })));
  await page.keyboard.type('Alice');
  await tabTo(page, gap.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(gap).toHaveCount(0);
  await expect.poll(() => closing.evaluate((el) => el.contains(document.activeElement)), { message: await focused(page) }).toBe(true);
  await tabTo(page, closing.getByRole('button', { name: 'End meeting' }));
  await page.keyboard.press('Enter');

  // The room becomes the minutes; the End button is gone: focus is on the page, not on <body>.
  await expect(page.getByTestId('minutes')).toBeVisible();
  await expect.poll(() => focused(page)).not.toMatch(/^body/);
});

test('after the join dialog closes, focus is on the room, not on <body>', async ({ browser, server, alice }) => {
  const url = await (async () => {
    await alice.page.goto('/');
    await alice.page.getByLabel('Title').fill('Join focus');
    await alice.page.getByRole('button', { name: 'Create meeting' }).click();
    await expect(alice.page).toHaveURL(/\/meetings\/[^/]+$/);
    return alice.page.url();
  })();
  // A first-time visitor: no remembered name, so the room asks for one.
  const carol = await newParticipant(browser, server, 'Carol', '#7c3aed');
  await carol.page.addInitScript(() => localStorage.removeItem('suishin.identity'));
  await carol.page.goto(url);
  const join = carol.page.getByTestId('join-dialog');
  await expect(join.getByRole('textbox', { name: 'Your name' }).or(join.getByRole('textbox').first())).toBeFocused();
  await carol.page.keyboard.type('Carol');
  await carol.page.keyboard.press('Enter');
  await expect(join).toBeHidden();
  await expect.poll(() => focused(carol.page)).not.toMatch(/^body/);
  await expect(carol.page.locator('#main')).toBeFocused();
  await carol.context.close();
});
