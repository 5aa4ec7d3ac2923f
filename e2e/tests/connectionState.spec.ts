import type { Page, WebSocketRoute } from '@playwright/test';
import type { CreateLinkResponse } from '@suishin/shared/protocol';
import { test, expect } from '../fixtures';
import { addAgendaItem, createMeetingViaUi, expectLive, expectSaved, notesEditor, snapshot } from './helpers';

const connection = (page: Page) => page.getByTestId('connection');

test('going offline says so within seconds, keeps edits on this device, and goes back to live', async ({ alice }) => {
  await createMeetingViaUi(alice.page, 'Offline check');
  await addAgendaItem(alice.page, 'Budget');
  await expectSaved(alice.page);

  await alice.context.setOffline(true);
  // Chromium leaves an open socket running under offline emulation: the page must notice by itself.
  await expect(connection(alice.page)).toHaveAttribute('data-network', 'offline', { timeout: 4_000 });
  await expect(connection(alice.page)).toHaveAttribute('data-phase', 'reconnecting');
  await expect(connection(alice.page)).toContainText('Offline: no network');
  await notesEditor(alice.page).click();
  await alice.page.keyboard.type('Typed without a network.');
  await expect(connection(alice.page)).toHaveAttribute('data-save', 'offline');
  await expect(alice.page.getByTestId('save-state')).toHaveText('Edits kept on this device');

  await alice.context.setOffline(false);
  await expectLive(alice.page);
  await expectSaved(alice.page);
});

test('a socket that falls silent (no offline event) is taken for dead and the header says it is reconnecting', async ({ alice }) => {
  let silent = false;
  const routes = new Set<WebSocketRoute>();
  await alice.page.routeWebSocket(/\/sync\//, (ws) => {
    const server = ws.connectToServer();
    routes.add(ws);
    // A vanished network: frames stop flowing both ways, and nobody closes anything.
    ws.onMessage((message) => {
      if (!silent) server.send(message);
    });
    server.onMessage((message) => {
      if (!silent) ws.send(message);
    });
  });
  await createMeetingViaUi(alice.page, 'Silent network');
  silent = true;
  await expect(connection(alice.page)).toHaveAttribute('data-phase', 'reconnecting', { timeout: 9_000 });
  await expect(connection(alice.page)).toHaveAttribute('data-network', 'online');
  await expect(connection(alice.page)).toContainText('Offline, retrying');
  silent = false;
  // The socket whose sync was lost is dropped in turn, and the next one syncs.
  await expect(connection(alice.page)).toHaveAttribute('data-phase', 'live', { timeout: 20_000 });
  expect(routes.size).toBeGreaterThan(1); // it reconnected on a new socket
});

test('a save failure is shown on a 375 px phone', async ({ alice }, testInfo) => {
  await alice.page.setViewportSize({ width: 375, height: 812 });
  let failSaves = false;
  await alice.page.routeWebSocket(/\/sync\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const bytes = typeof message === 'string' ? Buffer.from(message) : message;
      // The server's answer when storage fails: saveFailed(reason) instead of saved(nonce).
      if (failSaves && bytes[0] === 100) ws.send(Buffer.from([102, 19, ...Buffer.from('storage unavailable')]));
      else server.send(message);
    });
  });
  await createMeetingViaUi(alice.page, 'Phone save');
  await expect(alice.page.getByTestId('save-state')).toBeInViewport();
  failSaves = true;
  await addAgendaItem(alice.page, 'Not stored');
  await expect(connection(alice.page)).toHaveAttribute('data-save', 'failed');
  await expect(alice.page.getByTestId('save-state')).toHaveText('Saving failed');
  await expect(alice.page.getByTestId('save-state')).toBeInViewport();
  await snapshot(alice.page, testInfo, 'phone-save-failed');
});

test('a revoked link says so before asking for a name', async ({ alice, browser, server }) => {
  const url = await createMeetingViaUi(alice.page, 'Revoked link');
  const meetingId = new URL(url).pathname.split('/').pop()!;
  const auth = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  const created = await fetch(`${server.baseURL}/api/meetings/${meetingId}/links`, { method: 'POST', headers: auth, body: JSON.stringify({ role: 'participant', expiresInHours: 24 }) });
  const link = ((await created.json()) as CreateLinkResponse).url;
  expect((await fetch(`${server.baseURL}/api/meetings/${meetingId}/links/rotate`, { method: 'POST', headers: auth })).status).toBe(200);

  for (const [locale, title, body] of [
    ['en-US', 'This link no longer works', 'The facilitator revoked this link.'],
    ['ja-JP', 'このリンクは使えません', 'このリンクはファシリテーターにより無効にされました。'],
  ] as const) {
    const context = await browser.newContext({ baseURL: server.baseURL, locale });
    const page = await context.newPage();
    await page.goto(link);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(body);
    await expect(page.getByRole('textbox')).toHaveCount(0); // no name asked for a link that opens nothing
    await context.close();
  }
});
