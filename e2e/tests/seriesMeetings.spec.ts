import { addActionItem, addDecision, type Series } from '@suishin/shared';
import { dayIn } from '@suishin/shared/time';
import { test, expect, newParticipant } from '../fixtures';
import { agendaTitles, expectLive, expectSaved, openItem, snapshot } from './helpers';
import { typeIntoDateField } from './dateFields';
import { editOverSync } from './helpers';

/**
 * Recurring meetings can be told apart: a series' meetings are numbered and titled by their own
 * day; a facilitator changes a meeting's title, date, time and place before and during it; the
 * next meeting takes its date, time and place from 次回予定; the follow-up item is there only when
 * something is carried, and carried items say where they came from; the brief is Japanese only,
 * with the last meeting's decisions; the series is edited after it was made.
 */
test('a series in Japanese: numbered meetings, details edited, the next one from 次回予定, carried items saying where from', async ({ browser, server }, testInfo) => {
  test.setTimeout(150_000);
  const alice = await newParticipant(browser, server, 'Alice', '#c2410c', 'ja-JP');
  const bob = await newParticipant(browser, server, 'Bob', '#0f766e');
  const { page } = alice;
  const auth = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  const created = await fetch(`${server.baseURL}/api/series`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      name: '営業×製品 定例',
      departments: ['営業', '製品'],
      language: 'ja',
      agendaTemplate: [{ title: '数字の確認', timeboxMinutes: 15 }],
      usualAttendees: [{ name: 'Alice', department: '営業' }, { name: '佐藤', department: '営業' }],
    }),
  });
  const series = (await created.json()) as Series;
  const seriesUrl = `/series/${encodeURIComponent(series.id)}`;

  // ── The first meeting: 第1回, no empty follow-up item, the usual attendees invited ──
  await page.goto(seriesUrl);
  await page.getByRole('button', { name: '次回の会議' }).click();
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  const m1Url = page.url();
  const m1 = decodeURIComponent(m1Url.split('/meetings/')[1]!);
  await expectLive(page);
  await expect(page.getByTestId('meeting-number')).toHaveText('第1回');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('営業×製品 定例 第1回');
  await expect(agendaTitles(page)).toHaveText(['数字の確認']);
  await expect(page.getByTestId('attendee')).toHaveText([/Alice.*営業/, /佐藤.*営業/]);

  // ── Details changed before the meeting: title, date, time, place ──
  await bob.page.goto(m1Url);
  await expectLive(bob.page);
  await page.getByRole('button', { name: '詳細を編集' }).click();
  const dialog = page.getByTestId('meeting-details-dialog');
  await dialog.getByRole('textbox', { name: '会議名' }).fill('営業×製品 定例 キックオフ');
  await typeIntoDateField(dialog.getByRole('group', { name: '日付' }), '20261206');
  await typeIntoDateField(dialog.getByRole('group', { name: '開始時刻' }), '1000');
  await expect(dialog.getByTestId('meeting-details-zone')).toHaveText('時刻は日本標準時 (Asia/Tokyo)です。');
  await dialog.getByRole('textbox', { name: '場所' }).fill('会議室A');
  await snapshot(page, testInfo, 'meeting-details-ja');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('営業×製品 定例 キックオフ');
  await expect(page.getByTestId('meeting-when')).toHaveText('2026/12/06 10:00');
  await expect(page.getByTestId('meeting-place')).toHaveText('場所: 会議室A');
  // Bob (English UI, another browser) sees the same meeting, the same time.
  await expect(bob.page.getByRole('heading', { level: 1 })).toHaveText('営業×製品 定例 キックオフ');
  await expect(bob.page.getByTestId('meeting-when')).toHaveText('Dec 6, 2026, 10:00 AM');
  await expect(bob.page.getByTestId('meeting-number')).toHaveText('#1');

  // ── … and during it ──
  await page.getByRole('button', { name: '会議を開始' }).click();
  await page.getByRole('button', { name: '詳細を編集' }).click();
  await dialog.getByRole('textbox', { name: '場所' }).fill('会議室C');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(bob.page.getByTestId('meeting-place')).toHaveText('Place: 会議室C');

  await editOverSync(server.baseURL, server.adminToken, m1, (doc) => {
    addActionItem(doc, { title: '見積もりを送付する', owner: { name: '佐藤', department: '営業' }, dueDate: '2026-12-10' });
    addDecision(doc, { text: '価格改定は4月から', decidedBy: '部長' });
  });

  // ── Closing: 次回予定 with a day, a time and a place ──
  await page.getByRole('button', { name: '会議を終了' }).click();
  const closing = page.getByTestId('closing-dialog');
  await typeIntoDateField(closing.getByRole('group', { name: '日付' }), '20261213');
  await typeIntoDateField(closing.getByRole('group', { name: '開始時刻' }), '1000');
  await closing.getByRole('textbox', { name: '場所' }).fill('会議室B');
  await expectSaved(page);
  await closing.getByRole('button', { name: '会議を終了' }).click();
  await expect(page.getByTestId('read-only-banner')).toBeVisible();

  // ── The next meeting: 第2回, on 次回予定's day and time, in its place, titled by its day ──
  await page.goto(seriesUrl);
  await page.getByRole('button', { name: '次回の会議' }).click();
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  expect(page.url()).not.toBe(m1Url);
  await expectLive(page);
  await expect(page.getByTestId('meeting-number')).toHaveText('第2回');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('営業×製品 定例 2026年12月13日(日)');
  await expect(page.getByTestId('meeting-when')).toHaveText('2026/12/13 10:00');
  await expect(page.getByTestId('meeting-place')).toHaveText('場所: 会議室B');
  await expect(agendaTitles(page)).toHaveText(['前回からの宿題フォローアップ', '前回からの変化', '数字の確認']);
  // The carried item says where it came from.
  await page.getByRole('tab', { name: /宿題|アクション/ }).click();
  const carried = page.getByTestId('action-item').filter({ hasText: '見積もりを送付する' });
  await expect(carried.getByTestId('carried-from')).toHaveText('第1回から');
  // The brief: Japanese only, formatted dates, the last meeting's decisions.
  await openItem(page, 2);
  const today = dayIn(Date.now(), 'Asia/Tokyo');
  const heldOn = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(Date.parse(`${today}T00:00:00Z`));
  const notes = page.getByTestId('notes-editor');
  await expect(notes).toContainText(`前回の決定事項（第1回・${heldOn}）（1件）`);
  await expect(notes).toContainText('価格改定は4月から（部長）');
  await expect(notes).toContainText('見積もりを送付する（佐藤（営業）、期限 2026年12月10日(木)）');
  expect(await notes.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}|target|due/i);
  await snapshot(page, testInfo, 'next-meeting-ja');

  // ── The series page: its meetings told apart by number and day ──
  await page.goto(seriesUrl);
  await expect(page.getByTestId('series-meeting-number')).toHaveText(['第2回', '第1回']);
  await expect(page.getByTestId('series-meeting-day').first()).toHaveText('2026/12/13');
  await snapshot(page, testInfo, 'series-page-ja');

  // ── The series edited after it was made ──
  await page.getByRole('button', { name: 'シリーズを編集' }).click();
  const edit = page.getByRole('region', { name: 'シリーズの編集' });
  await edit.getByLabel('名前', { exact: true }).fill('営業×製品 週次定例');
  await edit.getByLabel('部署', { exact: true }).fill('営業, 製品, CS');
  await edit.getByLabel('定例議題').fill('数字の確認 | 15\n顧客の声 | 10');
  await edit.getByLabel('いつもの参加者').fill('佐藤 / 営業\nKim / CS');
  await snapshot(page, testInfo, 'series-edit-ja');
  await edit.getByRole('button', { name: '変更を保存' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('営業×製品 週次定例');
  await expect(page.getByTestId('usual-attendees').getByRole('listitem')).toHaveText([/佐藤\s*営業/, /Kim\s*CS/]);
  await expect(page.getByText('顧客の声')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('営業×製品 週次定例');
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByTestId('series-meeting-number')).toHaveText(['#2', '#1']);
  await snapshot(page, testInfo, 'series-page-en');
  // The first meeting's minutes name the zone and what 次回予定 said (day, time, place).
  await page.goto(m1Url);
  await expect(page.getByTestId('minutes')).toContainText('タイムゾーン日本標準時 (Asia/Tokyo)');
  await expect(page.getByTestId('minutes')).toContainText('次回予定2026年12月13日(日) 10:00　会議室B');
  await alice.context.close();
  await bob.context.close();
});
