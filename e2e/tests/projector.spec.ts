import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { test, expect } from '../fixtures';
import { addAgendaItem as addAgendaItemToDoc } from '@suishin/shared';
import { addAgendaItem, createMeetingViaUi, editOverSync, expectLive, openItem, snapshot } from './helpers';
import { openOutcomesTab } from './outcomesHelpers';

/** What a phone camera reads: the QR code as drawn on the screen, decoded from a screenshot. */
export async function readQr(code: Locator): Promise<string> {
  const png = PNG.sync.read(await code.screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (!found) throw new Error('no QR code could be read');
  return found.data;
}

async function recordDecision(page: Page, text: string) {
  await openOutcomesTab(page, 'decisions');
  const form = page.getByTestId('decision-form');
  await form.getByRole('textbox', { name: 'Decision' }).fill(text);
  await form.getByRole('textbox', { name: 'Decision' }).press('ControlOrMeta+Enter');
  await expect(form.getByRole('textbox', { name: 'Decision' })).toHaveValue('');
}

test('the projector follows the running item, shows a decision as it is recorded, reads as a QR code to join, and cannot write', async ({ alice, browser, server }, testInfo) => {
  const url = await createMeetingViaUi(alice.page, 'Room review');
  const meetingId = new URL(url).pathname.split('/').pop()!;
  await addAgendaItem(alice.page, 'Quarterly numbers');
  await addAgendaItem(alice.page, 'Trade show booth');
  await alice.page.getByRole('button', { name: 'Start meeting' }).click();

  // Opened from the room's Share dialog, in a window of its own.
  await alice.page.getByTestId('share-button').click();
  const tickets: (string | null)[] = [];
  alice.context.on('request', (request) => {
    if (request.url().endsWith('/ticket')) tickets.push(request.headers()['authorization'] ?? null);
  });
  const [projector] = await Promise.all([alice.context.waitForEvent('page'), alice.page.getByTestId('open-projector').click()]);
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await expect(projector).toHaveURL(new RegExp(`/m/${meetingId}/projector$`)); // the credential left the address bar
  await alice.page.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click();
  const item = projector.getByTestId('projector-item');
  await expect(item).toHaveText('Quarterly numbers');
  await expect(projector.getByTestId('timer-clock')).toBeVisible();
  await expect(projector.getByTestId('projector')).toHaveAttribute('data-phase', 'live');

  // A decision recorded in the room shows on the screen at once.
  await openItem(alice.page, 1);
  await recordDecision(alice.page, 'Publish the Q3 figures on Monday');
  await expect(projector.getByTestId('projector-decisions')).toContainText('Publish the Q3 figures on Monday');

  // The facilitator moves on: the screen follows.
  await alice.page.getByRole('button', { name: 'Next item' }).click();
  await expect(item).toHaveText('Trade show booth');
  await expect(projector.getByTestId('projector-decisions')).toContainText('No decision yet.');
  await openItem(alice.page, 2);
  await recordDecision(alice.page, 'Book the larger booth');
  await expect(projector.getByTestId('projector-decisions')).toContainText('Book the larger booth');

  // Legible at 16:9: nothing scrolls, the title and the clock are large, at both sizes.
  for (const [width, height] of [[1920, 1080], [1280, 720]] as const) {
    await projector.setViewportSize({ width, height });
    const sizes = await projector.evaluate(() => ({
      scroll: document.documentElement.scrollHeight - innerHeight,
      title: parseFloat(getComputedStyle(document.querySelector('[data-testid="projector-item"]')!).fontSize),
      clock: parseFloat(getComputedStyle(document.querySelector('[data-testid="timer-clock"]')!).fontSize),
      smallest: Math.min(...[...document.querySelectorAll('.projector li, .projector p, .projector h2')].map((el) => parseFloat(getComputedStyle(el).fontSize))),
    }));
    expect(sizes.scroll).toBeLessThanOrEqual(0);
    expect(sizes.title).toBeGreaterThanOrEqual(height * 0.06);
    expect(sizes.clock).toBeGreaterThanOrEqual(height * 0.14);
    expect(sizes.smallest).toBeGreaterThanOrEqual(20);
    await snapshot(projector, testInfo, `projector-${width}x${height}`);
  }

  // Its socket is an observer's: the ticket was asked with a credential of its own, not the facilitator's cookie.
  expect(tickets.length).toBeGreaterThan(0);
  expect(tickets.every((header) => header?.startsWith('Bearer s1.'))).toBe(true);
  const screenToken = tickets[0]!.slice('Bearer '.length);
  const session = await fetch(`${server.baseURL}/api/session/link`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: screenToken }) });
  expect(await session.json()).toMatchObject({ valid: true, role: 'observer', meetingId });

  // The QR code on the screen is a participant link that works.
  const joinUrl = await readQr(projector.getByTestId('projector-qr'));
  expect(joinUrl).toMatch(new RegExp(`/m/${meetingId}/join#token=s1\\.`));
  const phone = await browser.newContext({ baseURL: server.baseURL, locale: 'en-US', viewport: { width: 375, height: 812 } });
  const page = await phone.newPage();
  await page.goto(joinUrl);
  await expect(page.getByText('You were invited as Participant.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Kenji');
  await page.getByRole('button', { name: 'Join' }).click();
  await expectLive(page);
  await expect(page.getByTestId('role-badge')).toHaveText(/Participant/);
  await phone.close();
});

test('the projector speaks the meeting’s language, whatever the browser’s', async ({ alice, server }, testInfo) => {
  const created = await fetch(`${server.baseURL}/api/meetings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: '営業定例', language: 'ja' }),
  });
  const { id } = (await created.json()) as { id: string };
  await editOverSync(server.baseURL, server.adminToken, id, (doc) => {
    addAgendaItemToDoc(doc, { title: '展示会の出展準備', presenter: '山田 太郎', timeboxMinutes: 10 });
  });
  await alice.page.goto(`/meetings/${id}`);
  await expectLive(alice.page);
  await alice.page.getByRole('button', { name: 'Start meeting' }).click(); // Alice's UI is in English
  await alice.page.getByTestId('share-button').click();
  const [projector] = await Promise.all([alice.context.waitForEvent('page'), alice.page.getByTestId('open-projector').click()]);
  await projector.setViewportSize({ width: 1280, height: 720 });
  await expect(projector.getByTestId('projector-item')).toHaveText('展示会の出展準備');
  await expect(projector.getByTestId('projector')).toContainText('進行中 · 議題 1 / 1');
  await expect(projector.getByTestId('projector-decisions')).toContainText('まだ決定事項はありません。');
  await expect(projector.getByRole('img', { name: '参加者リンクの QR コード' })).toBeVisible();
  expect(await projector.evaluate(() => document.documentElement.lang)).toBe('ja');
  await snapshot(projector, testInfo, 'projector-ja-1280x720');
});

test('the share dialog shows the new link as a QR code that reads as the link', async ({ alice }, testInfo) => {
  await createMeetingViaUi(alice.page, 'QR share');
  await alice.page.getByTestId('share-button').click();
  const dialog = alice.page.getByTestId('share-dialog');
  await dialog.getByRole('radio', { name: 'Observer' }).click();
  await dialog.getByTestId('create-link').click();
  const link = await dialog.getByTestId('share-link-url').inputValue();
  const qr = dialog.getByTestId('share-link-qr');
  await expect(qr).toHaveAccessibleName('QR code of the Observer link');
  expect(await readQr(qr)).toBe(link);
  await snapshot(alice.page, testInfo, 'share-dialog-qr');
});
