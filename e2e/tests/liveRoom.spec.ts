import { test, expect } from '../fixtures';
import {
  addAgendaItem,
  agendaTitles,
  createMeetingViaUi,
  expectLive,
  expectSaved,
  networkSwitch,
  notesEditor,
  notesText,
  openItem,
  remainingSeconds,
  snapshot,
} from './helpers';

test('notes, presence and the facilitation timer are shared live', async ({ alice, bob }, testInfo) => {
  const url = await createMeetingViaUi(alice.page, 'Weekly sales × product');
  await addAgendaItem(alice.page, 'KPI review');
  await addAgendaItem(alice.page, 'Launch readiness');
  await addAgendaItem(alice.page, 'Action items');
  await bob.page.goto(url);
  await expectLive(bob.page);

  // Presence: both see each other.
  await expect(alice.page.getByTestId('presence')).toHaveAttribute('data-count', '2');
  await expect(bob.page.getByTestId('presence')).toHaveAttribute('data-count', '2');

  // Notes typed by Alice appear for Bob; Bob's caret carries his name in Alice's editor.
  await openItem(alice.page, 1);
  await openItem(bob.page, 1);
  await notesEditor(alice.page).click();
  await alice.page.keyboard.type('Pipeline is up 12% on last week.');
  await expect.poll(() => notesText(bob.page)).toBe('Pipeline is up 12% on last week.');
  await notesEditor(bob.page).click();
  await bob.page.keyboard.press('ControlOrMeta+End');
  await bob.page.keyboard.press('Enter');
  await bob.page.keyboard.type('Churn is flat.');
  await expect.poll(() => notesText(alice.page)).toBe('Pipeline is up 12% on last week.\nChurn is flat.');
  await expect(alice.page.locator('.collaboration-carets__label')).toHaveText('Bob');
  // A URL Bob types becomes a link as he types the space after it (his editor links it, once,
  // for everybody); Alice receives the link.
  await bob.page.keyboard.type(' Deck: https://example.com/deck ');
  await expect(notesEditor(bob.page).locator('a[href="https://example.com/deck"]')).toHaveText('https://example.com/deck');
  await expect(notesEditor(alice.page).locator('a[href="https://example.com/deck"]')).toHaveText('https://example.com/deck');
  // Alice sees that Bob is in this item's notes, in the item and in the list of who is here.
  await expect(alice.page.getByTestId('agenda-detail')).toContainText('Bob editing');
  await alice.page.getByTestId('presence').getByRole('button').click();
  await expect(alice.page.getByTestId('peer').filter({ hasText: 'Bob' })).toContainText('Editing notes · KPI review');
  await snapshot(alice.page, testInfo, 'presence-list-en');
  await alice.page.keyboard.press('Escape');

  // The facilitator starts the meeting: both show the same countdown.
  await alice.page.getByRole('button', { name: 'Start meeting' }).click();
  for (const page of [alice.page, bob.page]) {
    await expect(page.getByTestId('facilitation')).toHaveAttribute('data-status', 'live');
    await expect(page.getByTestId('running-item-title')).toHaveText('KPI review');
    await expect(page.locator('[data-running]')).toContainText('KPI review');
  }
  const [a, b] = await Promise.all([remainingSeconds(alice.page), remainingSeconds(bob.page)]);
  expect(a).toBeGreaterThan(9 * 60);
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1);

  // Bob extends by 5 minutes; both see it.
  await bob.page.getByRole('button', { name: 'Add 5 min to this item' }).click();
  await expect.poll(() => remainingSeconds(alice.page)).toBeGreaterThan(14 * 60);
  const [a2, b2] = await Promise.all([remainingSeconds(alice.page), remainingSeconds(bob.page)]);
  expect(Math.abs(a2 - b2)).toBeLessThanOrEqual(1);

  // Pause holds the clock for everyone; resume continues it.
  await alice.page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(bob.page.getByTestId('timer')).toHaveClass(/timer--paused/);
  const paused = await remainingSeconds(bob.page);
  await bob.page.waitForTimeout(1200);
  expect(await remainingSeconds(bob.page)).toBe(paused);
  await bob.page.getByRole('button', { name: 'Resume' }).click();
  await expect(alice.page.getByTestId('timer')).not.toHaveClass(/timer--paused/);

  await snapshot(alice.page, testInfo, 'room-live-en');

  // Next item: the running highlight moves for both, and item 1 shows its actual vs planned time.
  // Bob was looking at the running item (not typing in it), so his view follows the meeting.
  await alice.page.getByRole('button', { name: 'Next item' }).click();
  await expect(bob.page.getByTestId('agenda-detail').getByRole('textbox', { name: 'Title' })).toHaveValue('Launch readiness');
  for (const page of [alice.page, bob.page]) {
    await expect(page.getByTestId('running-item-title')).toHaveText('Launch readiness');
    await expect(page.locator('[data-running]')).toContainText('Launch readiness');
    await expect(page.getByTestId('agenda-item').first().getByTestId('row-actual')).toHaveText(/^\d\d:\d\d of 10:00$/);
  }

  // Ending the meeting records the running item; planned vs actual stays visible.
  await bob.page.getByRole('button', { name: 'End meeting' }).click();
  await bob.page.getByRole('alertdialog').getByRole('button', { name: 'End meeting' }).click();
  // (The ended meeting's page is its minutes, read-only for everyone: see endMeeting.spec.ts.)
  for (const page of [alice.page, bob.page]) {
    await expect(page.getByTestId('read-only-banner')).toBeVisible();
    await expect(page.getByTestId('minutes-agenda-item').nth(1).getByTestId('minutes-time')).toHaveText(/^Planned 10 min \/ Actual \d+ min( \d+ s)?$/);
  }
  await expectSaved(alice.page);
  await expectSaved(bob.page);
  await snapshot(bob.page, testInfo, 'room-ended-en');
});

test('edits made offline are kept and merge when the connection returns', async ({ alice, bob }) => {
  const bobNet = await networkSwitch(bob);
  const url = await createMeetingViaUi(alice.page, 'Offline merge');
  await addAgendaItem(alice.page, 'Budget');
  await bob.page.goto(url);
  await expectLive(bob.page);
  await notesEditor(alice.page).click();
  await alice.page.keyboard.type('Shared line.');
  await expect.poll(() => notesText(bob.page)).toBe('Shared line.');

  await bobNet.down();
  await expect(bob.page.getByTestId('connection')).toHaveAttribute('data-phase', 'reconnecting');

  // Both keep working: Bob offline, Alice online.
  await addAgendaItem(bob.page, 'Hiring (added offline)');
  await openItem(bob.page, 1);
  await notesEditor(bob.page).click();
  await bob.page.keyboard.press('ControlOrMeta+End');
  await bob.page.keyboard.type(' Bob offline.');
  await expect(bob.page.getByTestId('connection')).toHaveAttribute('data-save', 'offline');
  await addAgendaItem(alice.page, 'Roadmap (added online)');
  await openItem(alice.page, 1);
  await notesEditor(alice.page).click();
  await alice.page.keyboard.press('ControlOrMeta+Home');
  await alice.page.keyboard.type('Alice online. ');
  await expect(agendaTitles(alice.page)).toHaveText(['Budget', 'Roadmap (added online)']);

  // Bob's edits survive a reload while still offline (IndexedDB), before ever reaching the server.
  await bobNet.up();
  await bobNet.down({ keepHttp: true });
  await bob.page.reload();
  await expect(agendaTitles(bob.page)).toContainText(['Hiring (added offline)']);
  await openItem(bob.page, 1);
  await expect.poll(() => notesText(bob.page)).toContain('Bob offline.');

  await bobNet.up();
  // The button is there while the client waits out its backoff; its own retry may win the race.
  await bob.page.getByRole('button', { name: 'Reconnect now' }).click({ timeout: 5_000 }).catch(() => undefined);
  await expectLive(bob.page);
  // Both added at the end concurrently: the model orders the two the same way for everyone.
  await expect(agendaTitles(alice.page)).toHaveCount(3);
  const titles = await agendaTitles(alice.page).allTextContents();
  expect([...titles].sort()).toEqual(['Budget', 'Hiring (added offline)', 'Roadmap (added online)']);
  await expect(agendaTitles(bob.page)).toHaveText(titles);
  const merged = 'Alice online. Shared line. Bob offline.';
  await expect.poll(() => notesText(alice.page)).toBe(merged);
  await expect.poll(() => notesText(bob.page)).toBe(merged);
  await expectSaved(bob.page);
  await expectSaved(alice.page);
});

test('edits made offline after the meeting ended are never shown as saved, and can be dropped for the real minutes', async ({ alice, bob, server }) => {
  const bobNet = await networkSwitch(bob);
  const url = await createMeetingViaUi(alice.page, 'Late edits');
  const meetingId = decodeURIComponent(url.split('/meetings/')[1]!);
  await addAgendaItem(alice.page, 'Budget');
  await bob.page.goto(url);
  await expectLive(bob.page);
  await notesEditor(alice.page).click();
  await alice.page.keyboard.type('Agreed budget.');
  await expect.poll(() => notesText(bob.page)).toBe('Agreed budget.');
  await expectSaved(alice.page);

  // Bob writes while his network is down; meanwhile the meeting is ended.
  await bobNet.down();
  await notesEditor(bob.page).click();
  await bob.page.keyboard.press('ControlOrMeta+End');
  await bob.page.keyboard.type(' Written offline.');
  await expect(bob.page.getByTestId('connection')).toHaveAttribute('data-save', 'offline');
  const ended = await fetch(`${server.baseURL}/api/meetings/${meetingId}/end`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(ended.status).toBe(200);

  // Back online: the server refuses his late edit, and his page says so instead of "saved".
  await bobNet.up();
  await bob.page.getByRole('button', { name: 'Reconnect now' }).click({ timeout: 5_000 }).catch(() => undefined);
  await expect(bob.page.getByTestId('save-state')).toHaveText('Not saved: the meeting is read-only');
  await expect(bob.page.getByTestId('connection')).toHaveAttribute('data-save', 'failed');
  await expect(bob.page.getByTestId('read-only-banner')).toBeVisible();

  // Dropping the local copy shows the minutes as the server keeps them.
  await bob.page.getByTestId('discard-local').click();
  await expect(bob.page.getByTestId('read-only-banner')).toBeVisible();
  await expect(bob.page.getByTestId('connection')).toHaveAttribute('data-save', 'saved');
  await expect(bob.page.locator('main')).toContainText('Agreed budget.');
  await expect(bob.page.locator('main')).not.toContainText('Written offline.');
  await expect(bob.page.getByTestId('discard-local')).toHaveCount(0);
});
