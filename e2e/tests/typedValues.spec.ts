import type { Page } from '@playwright/test';
import { test, expect, newParticipant } from '../fixtures';
import { addAgendaItem, createMeetingViaUi, expectSaved, snapshot } from './helpers';

/**
 * Typed values are kept and reasons are shown: a timebox of any whole number of minutes (the
 * buttons step by 5), the reason of an invalid field under it and as its accessible description,
 * and one focus ring on a date field.
 */
test('a timebox typed as 1 or 3 minutes is kept; the buttons step to multiples of 5', async ({ alice, bob }) => {
  const url = await createMeetingViaUi(alice.page, 'Timeboxes');
  const { page } = alice;
  // The new-item form keeps what is typed.
  const newTimebox = page.getByRole('form', { name: 'New agenda item' }).getByRole('textbox', { name: 'Timebox (min)' });
  await newTimebox.fill('3');
  await newTimebox.press('Tab');
  await expect(newTimebox).toHaveValue('3');
  await addAgendaItem(page, 'Opening');
  await expect(page.getByTestId('agenda-item').first()).toContainText('3 min');

  const timebox = page.getByTestId('agenda-detail').getByRole('textbox', { name: 'Timebox (min)' });
  await timebox.fill('1');
  await timebox.press('Enter');
  await expect(timebox).toHaveValue('1');
  await expectSaved(page);
  await bob.page.goto(url);
  await expect(bob.page.getByTestId('agenda-detail').getByRole('textbox', { name: 'Timebox (min)' })).toHaveValue('1');

  const detail = page.getByTestId('agenda-detail');
  await detail.getByRole('button', { name: '5 minutes more' }).click();
  await expect(timebox).toHaveValue('5');
  await timebox.fill('7');
  await timebox.press('Enter');
  await detail.getByRole('button', { name: '5 minutes less' }).click();
  await expect(timebox).toHaveValue('5');
  await detail.getByRole('button', { name: '5 minutes more' }).click();
  await expect(bob.page.getByTestId('agenda-detail').getByRole('textbox', { name: 'Timebox (min)' })).toHaveValue('10');
});

test('a KPI figure that is not a number says why, next to the field and as its description', async ({ alice }, testInfo) => {
  await createMeetingViaUi(alice.page, 'KPI reasons');
  const { page } = alice;
  const add = page.getByRole('textbox', { name: 'New KPI' });
  await add.fill('売上');
  await add.press('Enter');
  const name = page.getByTestId('kpi-name').filter({ hasText: '売上' });
  await expect(name).toBeVisible();
  if ((await name.getAttribute('aria-expanded')) !== 'true') await name.click();
  const editor = page.getByTestId('kpi-editor');
  const actual = editor.getByRole('textbox', { name: 'Actual' });
  await actual.fill('about ten');
  await actual.press('Enter');
  const reason = 'Not a number. Examples: 1,234 · 12.5% · ¥1,200 · ▲5';
  await expect(actual).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByText(reason)).toBeVisible();
  await expect(actual).toHaveAccessibleDescription(reason);
  await snapshot(page, testInfo, 'kpi-reason-en');
  // The typed text is kept (to correct it), and a number clears the reason.
  await expect(actual).toHaveValue('about ten');
  await actual.fill('1,200');
  await actual.press('Enter');
  await expect(actual).not.toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByText(reason)).toHaveCount(0);

  // An agenda title left empty says so too.
  await addAgendaItem(page, 'Opening');
  const title = page.getByTestId('agenda-detail').getByRole('textbox', { name: 'Title' });
  await title.fill('');
  await title.press('Enter');
  await expect(title).toHaveAccessibleDescription('Enter a title.');
});

/** The elements of a date field that draw a focus ring (an outline or a box shadow). */
function ringsAround(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const field = document.activeElement?.closest('.date-picker');
    if (!field) return ['no date field focused'];
    return [field, ...field.querySelectorAll('*')]
      .filter((el) => {
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        return outline || style.boxShadow !== 'none';
      })
      .map((el) => el.className.toString());
  });
}

test('a date field has one focus ring and speaks the UI language', async ({ browser, server }, testInfo) => {
  const alice = await newParticipant(browser, server, 'Alice', '#c2410c', 'ja-JP');
  const { page } = alice;
  await page.goto('/');
  const start = page.getByRole('group', { name: '開始日時' });
  // In the UI's language (年/月/日 and a 24-hour clock), whatever the browser's locale.
  await expect(start.getByRole('spinbutton')).toHaveCount(5);
  await expect(start.getByRole('spinbutton').first()).toHaveAttribute('aria-label', /年/);
  await page.getByRole('textbox', { name: '会議名' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /年/);
  expect(await ringsAround(page)).toEqual(['date-picker__group']);
  await snapshot(page, testInfo, 'date-field-focus-ja');
  // Past the segments to the calendar button: still the one ring.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('aria-haspopup', 'dialog');
  expect(await ringsAround(page)).toEqual(['date-picker__group']);
  await alice.context.close();
});
