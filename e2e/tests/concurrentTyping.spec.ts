import type { CDPSession, Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { addAgendaItem, createMeetingViaUi, expectLive, expectSaved, notesEditor, notesText } from './helpers';

/**
 * Two people appending to the end of the same notes at the same moment (the most common spot in
 * a meeting). Whatever order the two runs end up in, each person's own typing stays contiguous
 * and in order: a remote change at the caret never puts anyone's caret before their own last
 * characters.
 */
const ROUNDS = 12;

async function typeSlowly(page: Page, text: string) {
  for (const char of text) {
    await page.keyboard.type(char);
    await page.waitForTimeout(8 + Math.floor(Math.random() * 12));
  }
}

/** Composes `reading` through the IME (as Chromium's DevTools protocol drives one), then commits `text`. */
async function compose(page: Page, cdp: CDPSession, reading: string, text: string) {
  for (let i = 1; i <= reading.length; i++) {
    const part = reading.slice(0, i);
    await cdp.send('Input.imeSetComposition', { text: part, selectionStart: part.length, selectionEnd: part.length });
    await page.waitForTimeout(10 + Math.floor(Math.random() * 15));
  }
  await cdp.send('Input.insertText', { text });
}

function expectRunsIntact(text: string, runs: Record<string, number>) {
  let rest = text;
  for (const [run, count] of Object.entries(runs)) {
    expect(rest.split(run).length - 1, `"${run}" ${count} times, whole, in\n${text}`).toBe(count);
    rest = rest.split(run).join('');
  }
  expect(rest, `only whole runs besides the start, in\n${text}`).toBe('Notes:');
}

async function openSharedNotes(alice: { page: Page }, bob: { page: Page }, title: string) {
  const url = await createMeetingViaUi(alice.page, title);
  await addAgendaItem(alice.page, 'Everyone appends');
  await bob.page.goto(url);
  await expectLive(bob.page);
  await notesEditor(alice.page).click();
  await alice.page.keyboard.type('Notes:');
  await expect.poll(() => notesText(bob.page)).toBe('Notes:');
  await notesEditor(bob.page).click();
  await bob.page.keyboard.press('Control+End');
  await alice.page.keyboard.press('Control+End');
}

test('two people typing at the end of the same notes at once keep their own text in order', async ({ alice, bob }) => {
  test.setTimeout(180_000);
  await openSharedNotes(alice, bob, 'Concurrent typing');
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all([typeSlowly(alice.page, ' [A同時]'), typeSlowly(bob.page, ' [B同時]')]);
  }
  await expectSaved(alice.page);
  await expectSaved(bob.page);
  await expect.poll(async () => (await notesText(alice.page)) === (await notesText(bob.page))).toBe(true);
  expectRunsIntact(await notesText(alice.page), { ' [A同時]': ROUNDS, ' [B同時]': ROUNDS });
});

test('typing at the same spot while the other person composes Japanese keeps both runs whole', async ({ alice, bob }) => {
  test.setTimeout(180_000);
  await openSharedNotes(alice, bob, 'Concurrent IME typing');
  const cdp = await alice.context.newCDPSession(alice.page);
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all([
      (async () => {
        await typeSlowly(alice.page, ' [');
        await compose(alice.page, cdp, 'かいぎ', '会議');
        await typeSlowly(alice.page, ']');
      })(),
      typeSlowly(bob.page, ' [B同時]'),
    ]);
  }
  await expectSaved(alice.page);
  await expectSaved(bob.page);
  await expect.poll(async () => (await notesText(alice.page)) === (await notesText(bob.page))).toBe(true);
  expectRunsIntact(await notesText(alice.page), { ' [会議]': ROUNDS, ' [B同時]': ROUNDS });
});
