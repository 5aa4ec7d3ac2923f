import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { addAgendaItem, agendaTitles, createMeetingViaUi, expectLive, expectSaved, snapshot } from './helpers';

test('two people build the agenda together, live', async ({ alice, bob }, testInfo) => {
  const url = await createMeetingViaUi(alice.page, 'Sales × Product weekly');
  await bob.page.goto(url);
  await expectLive(bob.page);
  // index.html preloads the room's files (client/build/roomPreloads.ts); each is then used, not fetched again.
  const assets = await bob.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.includes('/assets/')));
  expect(assets.filter((name, i) => assets.indexOf(name) !== i)).toEqual([]);

  // Alice adds an item; Bob sees it.
  await addAgendaItem(alice.page, 'KPI review');
  await expect(agendaTitles(bob.page)).toHaveText(['KPI review']);
  await expectSaved(alice.page);

  // Bob adds two more; Alice sees them in order.
  await addAgendaItem(bob.page, 'Launch readiness');
  await addAgendaItem(bob.page, 'Action item follow-up');
  await expect(agendaTitles(alice.page)).toHaveText(['KPI review', 'Launch readiness', 'Action item follow-up']);

  // Alice edits the first item's title, presenter and timebox; Bob sees each change.
  await alice.page.getByRole('button', { name: /^Item 1: KPI review/ }).click();
  const detail = alice.page.getByTestId('agenda-detail');
  const title = detail.getByRole('textbox', { name: 'Title' });
  await title.fill('KPI review (Q3)');
  await title.press('Enter');
  await detail.getByRole('textbox', { name: 'Presenter' }).fill('Sato');
  await detail.getByRole('textbox', { name: 'Presenter' }).press('Tab');
  const timebox = detail.getByRole('textbox', { name: 'Timebox (min)' });
  await timebox.fill('15');
  await timebox.press('Enter');
  await expect(agendaTitles(bob.page).first()).toHaveText('KPI review (Q3)');
  const bobFirst = bob.page.getByTestId('agenda-item').first();
  await expect(bobFirst).toContainText('Sato');
  await expect(bobFirst).toContainText('15 min');
  await expectSaved(alice.page);

  // Bob reorders with the keyboard: pick up the last item, move it up twice, drop it.
  const handle = bob.page.getByRole('button', { name: 'Reorder Action item follow-up' });
  // dnd-kit measures the layout between key presses (in animation frames); presses fired within a
  // millisecond can be coalesced, which no person does. So each press waits two frames.
  const press = async (key: string) => {
    await bob.page.keyboard.press(key);
    await bob.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  };
  await handle.focus();
  await press('Space');
  await press('ArrowUp');
  await press('ArrowUp');
  await press('Space');
  const reordered = ['Action item follow-up', 'KPI review (Q3)', 'Launch readiness'];
  await expect(agendaTitles(bob.page)).toHaveText(reordered);
  await expect(agendaTitles(alice.page)).toHaveText(reordered);

  // Alice reorders by dragging with the mouse: "Launch readiness" to the top.
  const source = alice.page.getByRole('button', { name: 'Reorder Launch readiness' });
  const target = alice.page.getByTestId('agenda-item').first();
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await alice.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await alice.page.mouse.down();
  await alice.page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
  await alice.page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 10 });
  await alice.page.mouse.up();
  const dragged = ['Launch readiness', 'Action item follow-up', 'KPI review (Q3)'];
  await expect(agendaTitles(alice.page)).toHaveText(dragged);
  await expect(agendaTitles(bob.page)).toHaveText(dragged);

  await expectSaved(alice.page);
  await expectSaved(bob.page);
  await snapshot(alice.page, testInfo, 'room-alice');
  await snapshot(bob.page, testInfo, 'room-bob');

  // Bob removes an item after confirming; it disappears for Alice too.
  await bob.page.getByRole('button', { name: /^Item 2: Action item follow-up/ }).click();
  await bob.page.getByTestId('agenda-detail').getByRole('button', { name: 'Remove item' }).click();
  await snapshot(bob.page, testInfo, 'room-remove-dialog');
  await bob.page.getByRole('alertdialog').getByRole('button', { name: 'Remove item' }).click();
  await expect(agendaTitles(alice.page)).toHaveText(['Launch readiness', 'KPI review (Q3)']);

  // The agenda survives a reload (it came back from the server, not just this tab).
  await alice.page.reload();
  await expectLive(alice.page);
  await expect(agendaTitles(alice.page)).toHaveText(['Launch readiness', 'KPI review (Q3)']);
});

test('the room fits a tablet screen, and its header a phone', async ({ alice }, testInfo) => {
  await alice.page.setViewportSize({ width: 820, height: 1180 });
  await createMeetingViaUi(alice.page, 'Tablet check');
  await addAgendaItem(alice.page, 'Pipeline review');
  await addAgendaItem(alice.page, 'Hiring plan');
  // Nothing in the header covers anything else (in one row, its parts overlapped below about 1200 px).
  await expectHeaderPartsApart(alice.page);
  await snapshot(alice.page, testInfo, 'room-tablet');
  // On a phone the meeting's status, role and Share were clipped under the language switch.
  await alice.page.setViewportSize({ width: 375, height: 800 });
  await expectHeaderPartsApart(alice.page);
  await expect(alice.page.getByRole('button', { name: 'Share' })).toBeInViewport({ ratio: 1 });
  await snapshot(alice.page, testInfo, 'room-phone');
});

async function expectHeaderPartsApart(page: Page) {
  const boxes = await page
    .locator('.app-header > .brand, .app-header > .app-nav, .app-header__status > *, .app-header > .segmented')
    .evaluateAll((elements) => elements.map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })));
  expect(boxes.length).toBeGreaterThanOrEqual(5);
  const header = (await page.locator('.app-header').boundingBox())!;
  for (const box of boxes) expect(box.bottom, 'inside the header').toBeLessThanOrEqual(header.y + header.height + 1);
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      expect(overlap, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(false);
    }
  }
}

test('a meeting link shows the agenda from the document fetched with the page, before its socket has synced', async ({ alice, bob }) => {
  const url = await createMeetingViaUi(alice.page, 'Prefetched weekly');
  await addAgendaItem(alice.page, 'KPI review');
  await expectSaved(alice.page);
  // Bob's socket opens but the server never answers it (documentPrefetch.ts: the page starts from
  // GET /api/meetings/:id/document).
  await bob.page.routeWebSocket(/\/sync\//, () => {});
  await bob.page.goto(url);
  await expect(agendaTitles(bob.page)).toHaveText(['KPI review']);
  await expect(bob.page.getByTestId('connection')).not.toHaveAttribute('data-phase', 'live');
});
