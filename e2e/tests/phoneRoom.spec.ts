import type { Page } from '@playwright/test';
import { addAgendaItem, addKpi, startMeeting, type CreateLinkResponse } from '@suishin/shared';
import { test, expect } from '../fixtures';
import { editOverSync, expectLive, expectSaved, notesEditor, notesText, snapshot } from './helpers';
import { actionRows, isoDaysFromToday, openOutcomesTab, usDateDigits } from './outcomesHelpers';

const LONG_TITLE = 'Trade show booth: budget, staffing and the giveaways for the autumn fair';

/** A meeting under way (its first item running), and a participant link to it. */
async function seedLiveMeeting(server: { baseURL: string; adminToken: string }) {
  const auth = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  const res = await fetch(`${server.baseURL}/api/meetings`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 'Sales weekly', language: 'en' }) });
  const { id } = (await res.json()) as { id: string };
  await editOverSync(server.baseURL, server.adminToken, id, (doc) => {
    addAgendaItem(doc, { title: LONG_TITLE, presenter: 'Aiko', timeboxMinutes: 15 });
    for (const title of ['Pipeline', 'Hiring', 'Pricing', 'Any other business']) addAgendaItem(doc, { title, timeboxMinutes: 10 });
    addKpi(doc, { name: 'New orders', unit: 'orders', target: 20, actual: 19, previous: 15, owner: 'Aiko' });
    startMeeting(doc, Date.now());
  });
  const link = await fetch(`${server.baseURL}/api/meetings/${id}/links`, { method: 'POST', headers: auth, body: JSON.stringify({ role: 'participant', expiresInHours: 24 }) });
  return { id, url: ((await link.json()) as CreateLinkResponse).url };
}

const box = async (page: Page, testId: string) => (await page.getByTestId(testId).first().boundingBox())!;

test('a participant on a 375 px phone: the running item stays in view, the agenda comes first, notes and an action item with owner and due date, and a save failure shows', async ({ browser, server }, testInfo) => {
  const meeting = await seedLiveMeeting(server);
  const context = await browser.newContext({ baseURL: server.baseURL, locale: 'en-US', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  let failSaves = false;
  await page.routeWebSocket(/\/sync\//, (ws) => {
    const upstream = ws.connectToServer();
    ws.onMessage((message) => {
      const bytes = typeof message === 'string' ? Buffer.from(message) : message;
      // What the server answers when its storage fails: saveFailed(reason) for the save request.
      if (failSaves && bytes[0] === 100) ws.send(Buffer.from([102, 19, ...Buffer.from('storage unavailable')]));
      else upstream.send(message);
    });
  });
  await page.goto(meeting.url);
  await page.getByRole('textbox', { name: 'Your name' }).fill('Kenji');
  await page.getByRole('button', { name: 'Join' }).click();
  await expectLive(page);
  await expect(page.getByTestId('role-badge')).toHaveText(/Participant/);
  expect(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).toBe(true);

  // No sideways scroll; the running item and timer first, the agenda before the notes.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const bar = await box(page, 'facilitation');
  const agenda = await box(page, 'agenda-item');
  const notes = await box(page, 'notes-editor');
  expect(bar.y).toBeLessThan(agenda.y);
  expect(agenda.y).toBeLessThan(notes.y);
  expect(agenda.y).toBeLessThan(812);
  await snapshot(page, testInfo, 'phone-room-top');

  // The running item's whole title, in the bar and in the detail panel (it wraps, nothing is cut).
  await expect(page.getByTestId('running-item-title')).toHaveText(LONG_TITLE);
  const title = page.getByTestId('agenda-detail').getByRole('textbox', { name: 'Title' });
  await expect(title).toHaveValue(LONG_TITLE);
  expect(await title.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1)).toBe(true);

  // Notes: typed far down the page, the running item and its timer stay in view.
  await notesEditor(page).click();
  await page.keyboard.type('Booth size agreed; two staff per shift.');
  await expect.poll(() => notesText(page)).toBe('Booth size agreed; two staff per shift.');
  await expectSaved(page);
  await page.getByTestId('outcomes').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('facilitation')).toBeInViewport();
  await expect(page.getByTestId('timer-clock')).toBeInViewport();
  const stuck = await box(page, 'facilitation');
  expect(stuck.y).toBeGreaterThanOrEqual(0);
  expect(stuck.y).toBeLessThan(200);

  // No keyboard hints on a touch-only phone.
  await expect(page.locator('kbd')).toHaveCount(0);
  await expect(page.getByText('Keys (when not typing)')).toHaveCount(0);
  await openOutcomesTab(page, 'decisions');
  await expect(page.getByText('Ctrl+Enter (⌘+Enter) records it.')).toHaveCount(0);

  // Touch targets of at least 24 px: the back link, the KPI names, the date segments.
  await openOutcomesTab(page, 'kpis');
  for (const target of [page.getByRole('link', { name: /Back to meetings/ }), page.getByTestId('kpi-name').first()]) {
    expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(24);
  }

  // An action item with an owner and a due date.
  await openOutcomesTab(page, 'actions');
  await page.getByTestId('actions-panel').getByRole('button', { name: /New action item/ }).click();
  const dialog = page.getByTestId('action-dialog');
  await dialog.getByRole('textbox', { name: 'What' }).fill('Order the booth banners');
  await dialog.getByRole('combobox', { name: 'Owner' }).fill('Kenji');
  await dialog.getByRole('combobox', { name: 'Department' }).fill('Marketing');
  const due = dialog.getByRole('group', { name: 'Due date' });
  for (const segment of await due.getByRole('spinbutton').all()) expect((await segment.boundingBox())!.height).toBeGreaterThanOrEqual(24);
  await due.getByRole('spinbutton').first().click();
  await page.keyboard.type(usDateDigits(isoDaysFromToday(10)));
  await dialog.getByRole('button', { name: 'Add action item' }).click();
  await expect(dialog).toBeHidden();
  const row = actionRows(page).filter({ hasText: 'Order the booth banners' });
  await expect(row.getByTestId('action-item-owner')).toHaveText('Kenji · Marketing');
  await expectSaved(page);

  // The navigation's last tab is clipped: its edge fades, and the fade goes once scrolled to the end.
  const fade = () => page.locator('.app-nav').evaluate((el) => getComputedStyle(el).getPropertyValue('--nav-fade-end'));
  expect(parseFloat(await fade())).toBeGreaterThan(0);
  await page.locator('.app-nav').evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect.poll(async () => parseFloat(await fade())).toBe(0);
  await page.locator('.app-nav').evaluate((el) => el.scrollTo({ left: 0 }));

  // A change the server cannot store: the failure shows, in view, on the phone.
  failSaves = true;
  await notesEditor(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Banners by Friday.');
  await expect(page.getByTestId('save-state')).toHaveText('Saving failed');
  await expect(page.getByTestId('save-state')).toBeInViewport();
  await snapshot(page, testInfo, 'phone-room-save-failed');
  await context.close();
});
