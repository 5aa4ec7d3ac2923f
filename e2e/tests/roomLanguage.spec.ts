import { signInWithToken, test, expect } from '../fixtures';
import { addAgendaItem, createMeetingViaUi, expectLive, notesEditor, openItem, snapshot } from './helpers';

test('the room switches between Japanese and English, with locale formats', async ({ alice, bob }, testInfo) => {
  const url = await createMeetingViaUi(alice.page, 'Sales × Product 週次定例');
  await addAgendaItem(alice.page, 'KPI review');
  await addAgendaItem(alice.page, '新機能のローンチ準備');
  await addAgendaItem(alice.page, 'Action item follow-up');
  await alice.page.getByRole('textbox', { name: 'Name' }).fill('佐藤 花子');
  await alice.page.getByRole('textbox', { name: 'Department', exact: true }).fill('営業');
  await alice.page.getByRole('button', { name: 'Add attendee' }).click();
  await alice.page.getByRole('button', { name: 'Add me' }).click();
  await bob.page.goto(url);
  await expectLive(bob.page);
  // Attendees are recorded in the meeting: Bob sees them, and marks one absent for everyone.
  await expect(bob.page.getByTestId('attendee')).toHaveText([/佐藤 花子\s*営業/, /Alice\s*営業/]);
  await bob.page.getByTestId('attendee').filter({ hasText: '佐藤 花子' }).locator('label.checkbox').click();
  await expect(alice.page.getByTestId('attendees')).toContainText('1 of 2 present');
  await expect(alice.page.getByRole('checkbox', { name: '佐藤 花子 is present' })).not.toBeChecked();
  await bob.page.getByRole('checkbox', { name: '佐藤 花子 is present' }).focus();
  await bob.page.keyboard.press('Space');
  await expect(alice.page.getByTestId('attendees')).toContainText('2 of 2 present');
  await expect(alice.page.getByTestId('attendee').first()).toHaveText(/佐藤 花子\s*営業/);
  await openItem(alice.page, 1);
  await openItem(bob.page, 1);
  await notesEditor(alice.page).click();
  await alice.page.keyboard.type('Q3 pipeline review. ');
  await alice.page.getByRole('button', { name: 'Start meeting' }).click();
  await alice.page.getByRole('button', { name: 'Add 1 min to this item' }).click();
  await notesEditor(bob.page).click();
  await bob.page.keyboard.press('ControlOrMeta+End');
  await bob.page.keyboard.type('Targets on track.');
  await snapshot(alice.page, testInfo, 'room-en');

  await alice.page.getByRole('radiogroup', { name: 'Language', exact: true }).getByRole('radio', { name: '日本語' }).click();
  await expect(alice.page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(alice.page.getByRole('heading', { name: 'アジェンダ' })).toBeVisible();
  await expect(alice.page.getByRole('heading', { name: '出席者' })).toBeVisible();
  await expect(alice.page.getByRole('button', { name: '次の項目' })).toBeVisible();
  await expect(alice.page.getByTestId('timer')).toContainText('残り時間');
  await expect(alice.page.getByTestId('agenda-total')).toHaveText('3 件・30 分');
  await expect(alice.page.getByTestId('notes-editor')).toHaveAttribute('aria-label', '「KPI review」のメモ');
  // Bob is still in English.
  await expect(bob.page.getByRole('heading', { name: 'Agenda' })).toBeVisible();
  await snapshot(alice.page, testInfo, 'room-ja');

  await alice.page.getByRole('radiogroup', { name: '言語', exact: true }).getByRole('radio', { name: 'English' }).click();
  await expect(alice.page.getByRole('heading', { name: 'Agenda' })).toBeVisible();
});

test('a first-time visitor chooses a name that the others see', async ({ browser, server, alice }) => {
  const url = await createMeetingViaUi(alice.page, 'New joiner');
  const context = await browser.newContext({ baseURL: server.baseURL, locale: 'ja-JP' });
  await signInWithToken(context, server.adminToken); // signed in, but no name chosen yet on this browser
  const page = await context.newPage();
  await page.goto(url);
  const dialog = page.getByTestId('join-dialog');
  await expect(dialog.getByRole('heading', { name: '会議に参加' })).toBeVisible();
  await dialog.getByRole('button', { name: '参加する' }).click();
  await expect(dialog.getByText('名前を入力してください。')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'あなたの名前' }).fill('  田中   一郎 ');
  await dialog.getByRole('button', { name: '参加する' }).click();
  await expect(dialog).toBeHidden();
  await expect(alice.page.getByTestId('presence')).toHaveAttribute('data-count', '2');
  await alice.page.getByTestId('presence').getByRole('button').click();
  await expect(alice.page.getByTestId('peer').filter({ hasText: '田中 一郎' })).toBeVisible();
  // Remembered on that browser.
  await page.reload();
  await expectLive(page);
  await expect(page.getByTestId('join-dialog')).toBeHidden();
  await context.close();
});
