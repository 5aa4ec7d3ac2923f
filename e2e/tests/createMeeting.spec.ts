import { test, expect } from '../fixtures';
import { createMeetingViaUi, snapshot } from './helpers';

test('a meeting is created from the list page and appears in the list', async ({ alice }, testInfo) => {
  const { page } = alice;
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();

  // An empty title is refused with a message next to the field, and nothing is created.
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page.getByText('Enter a title.')).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await snapshot(page, testInfo, 'meetings-empty-title');

  const title = `Weekly sales × product sync ${testInfo.testId.slice(0, 6)}-${Date.now() % 100000}`;
  await createMeetingViaUi(page, title);
  await page.getByRole('link', { name: /Back to meetings/ }).click();
  await expect(page.getByRole('link', { name: new RegExp(title) })).toBeVisible();
  await snapshot(page, testInfo, 'meetings-list');
});

test('the language switch changes the UI and is remembered', async ({ alice }, testInfo) => {
  const { page } = alice;
  await page.goto('/');
  await page.getByRole('radiogroup', { name: 'Language', exact: true }).getByRole('radio', { name: '日本語' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '会議' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '会議' })).toBeVisible();
  await snapshot(page, testInfo, 'meetings-ja');

  // The start date-time field follows the app's language, not the browser's (en-US here):
  // year / month / day and a 24-hour clock.
  const start = page.getByRole('group', { name: '開始日時' });
  await expect(start).toHaveText(/^年\/月\/日\s*\S*[-–]+:[-–]+/);
  await page.getByRole('textbox', { name: '会議名' }).fill('日付の確認');
  await start.getByRole('spinbutton').first().click();
  await page.keyboard.type('202603151430');
  await expect(start).toHaveText(/^2026\/3\/15\s*\S*14:30/);
  await snapshot(page, testInfo, 'meetings-ja-date');
  await page.getByRole('button', { name: '会議を作成' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '日付の確認' })).toBeVisible();
  await expect(page.locator('.room-header__meta')).toContainText('2026/03/15 14:30');
});
