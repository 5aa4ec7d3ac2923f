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
});
