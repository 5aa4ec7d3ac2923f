import { test, expect } from '../fixtures';
import { addAgendaItem, agendaTitles, createMeetingViaUi, expectLive, expectSaved, notesEditor, notesText } from './helpers';

/**
 * Japanese typed through an IME (composition events, driven through Chromium's DevTools
 * protocol as a real IME would) while someone else types in the same paragraph. The client holds
 * remote changes back during a composition (client/src/meeting/compositionGate.ts); these tests
 * check the result: every character exactly once, in both browsers, and the caret where it was.
 */
test('Japanese composed in the notes lands intact while the other person types in the same paragraph', async ({ alice, bob }) => {
  const url = await createMeetingViaUi(alice.page, 'IME notes');
  await addAgendaItem(alice.page, '議題');
  await bob.page.goto(url);
  await expectLive(bob.page);

  await notesEditor(alice.page).click();
  await alice.page.keyboard.type('Start End');
  await expect.poll(() => notesText(bob.page)).toBe('Start End');
  // Alice's caret after "Start "; Bob's at the end of the same paragraph.
  await alice.page.keyboard.press('Home');
  for (let i = 0; i < 6; i++) await alice.page.keyboard.press('ArrowRight');
  await notesEditor(bob.page).click();
  await bob.page.keyboard.press('End');

  const cdp = await alice.context.newCDPSession(alice.page);
  for (const text of ['か', 'かい', 'かいぎ']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    // Bob types while Alice's composition is open; his keystrokes reach her mid-composition.
    await bob.page.keyboard.type(text === 'かいぎ' ? 'z' : 'xy');
    await alice.page.waitForTimeout(150);
  }
  // While the composition is open, nothing crosses in either direction: Bob never sees the
  // reading "かいぎ", and Bob's keystrokes do not touch Alice's editor under her IME.
  await bob.page.waitForTimeout(300);
  expect(await notesText(bob.page)).toBe('Start Endxyxyz');
  expect(await notesText(alice.page)).toBe('Start かいぎEnd');
  await cdp.send('Input.insertText', { text: '会議' });
  // The caret must still be right after the committed text.
  await alice.page.keyboard.type('の');

  const expected = 'Start 会議のEndxyxyz';
  await expect.poll(() => notesText(alice.page)).toBe(expected);
  await expect.poll(() => notesText(bob.page)).toBe(expected);

  // A second composition right after, with Bob still typing: still exact.
  await cdp.send('Input.imeSetComposition', { text: 'けってい', selectionStart: 4, selectionEnd: 4 });
  await bob.page.keyboard.type('!');
  await cdp.send('Input.insertText', { text: '決定' });
  const expected2 = 'Start 会議の決定Endxyxyz!';
  await expect.poll(() => notesText(alice.page)).toBe(expected2);
  await expect.poll(() => notesText(bob.page)).toBe(expected2);
  await expectSaved(alice.page);
  await expectSaved(bob.page);
});

test('Japanese composed in an agenda field survives remote changes arriving meanwhile', async ({ alice, bob }) => {
  const url = await createMeetingViaUi(alice.page, 'IME fields');
  await addAgendaItem(alice.page, 'Budget');
  await bob.page.goto(url);
  await expectLive(bob.page);

  // Alice composes a new item's title while Bob renames and adds items (the agenda re-renders).
  const input = alice.page.getByRole('textbox', { name: 'New agenda item' });
  await input.click();
  const cdp = await alice.context.newCDPSession(alice.page);
  await cdp.send('Input.imeSetComposition', { text: 'さいよう', selectionStart: 4, selectionEnd: 4 });
  await addAgendaItem(bob.page, 'Roadmap');
  await cdp.send('Input.imeSetComposition', { text: 'さいようけいかく', selectionStart: 8, selectionEnd: 8 });
  await cdp.send('Input.insertText', { text: '採用計画' });
  await expect(input).toHaveValue('採用計画');
  await input.press('Enter');
  // Roadmap and 採用計画 were both appended at the same moment (Bob's arrived while Alice was
  // composing): the model orders them, the same way in both browsers.
  await expect(agendaTitles(bob.page)).toHaveCount(3);
  const titles = await agendaTitles(bob.page).allTextContents();
  expect([...titles].sort()).toEqual(['Budget', 'Roadmap', '採用計画'].sort());
  await expect(agendaTitles(alice.page)).toHaveText(titles);
  const kaigi = titles.indexOf('採用計画') + 1;

  // Composing in the presenter field of an item Bob is editing at the same time.
  const presenter = alice.page.getByTestId('agenda-detail').getByRole('textbox', { name: 'Presenter' });
  await presenter.click();
  await cdp.send('Input.imeSetComposition', { text: 'さとう', selectionStart: 3, selectionEnd: 3 });
  const bobTitle = bob.page.getByRole('button', { name: new RegExp(`^Item ${kaigi}:`) });
  await bobTitle.click();
  const bobTitleInput = bob.page.getByTestId('agenda-detail').getByRole('textbox', { name: 'Title' });
  await bobTitleInput.fill('採用計画 2026');
  await bobTitleInput.press('Enter');
  await cdp.send('Input.insertText', { text: '佐藤' });
  await presenter.press('Enter');
  await expect(presenter).toHaveValue('佐藤');
  await expect(bob.page.getByTestId('agenda-item').nth(kaigi - 1)).toContainText('佐藤');
  await expect(agendaTitles(alice.page).nth(kaigi - 1)).toHaveText('採用計画 2026');
});
