import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { addActionItem, addAgendaItem, addAttendee, addDecision, addKpi, startMeeting, type CreateLinkResponse } from '@suishin/shared';
import { newParticipant, test, expect } from '../fixtures';
import { editOverSync, expectLive, expectSaved, notesEditor } from '../tests/helpers';

const out = (name: string) => fileURLToPath(new URL(`../../docs/screenshots/${name}.png`, import.meta.url));
const tokyoDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86_400_000));

/** A Japanese weekly meeting under way, with what a real one has by its second item. */
async function seedMeeting(server: { baseURL: string; adminToken: string }) {
  const auth = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
  const res = await fetch(`${server.baseURL}/api/meetings`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ title: '営業・プロダクト定例', language: 'ja', place: '本社 3F 会議室A', departments: ['営業部', 'プロダクト部'] }),
  });
  const { id } = (await res.json()) as { id: string };
  await editOverSync(server.baseURL, server.adminToken, id, (doc) => {
    addAttendee(doc, { name: '山田 太郎', department: '営業部' });
    addAttendee(doc, { name: '佐藤 花子', department: 'プロダクト部' });
    const first = addAgendaItem(doc, { title: '受注見込みの確認', presenter: '山田 太郎', timeboxMinutes: 10 });
    addAgendaItem(doc, { title: '展示会の出展準備', presenter: '佐藤 花子', timeboxMinutes: 15 });
    addAgendaItem(doc, { title: '価格改定の進め方', timeboxMinutes: 10 });
    addKpi(doc, { name: '新規受注', unit: '件', target: 20, actual: 19, previous: 15, owner: '山田 太郎' });
    addKpi(doc, { name: '解約率', unit: '%', target: 2, actual: 1.8, previous: 2.4, direction: 'lower_is_better', owner: '佐藤 花子' });
    const decision = addDecision(doc, { text: '価格改定は7月に実施する', decidedBy: '営業部長', rationale: '競合の値上げに合わせる', agendaItemId: first });
    addActionItem(doc, { title: '主要顧客へ改定の事前連絡', owner: { name: '山田 太郎', department: '営業部' }, dueDate: tokyoDay(5), link: { kind: 'decision', id: decision } });
    addActionItem(doc, { title: '見積テンプレートの更新', owner: { name: '佐藤 花子', department: 'プロダクト部' }, dueDate: tokyoDay(9), link: { kind: 'agenda', id: first } });
    startMeeting(doc, Date.now() - 4 * 60_000);
  });
  return { id, auth };
}

async function joinAsParticipant(page: Page, server: { baseURL: string }, id: string, auth: Record<string, string>, name: string) {
  const link = await fetch(`${server.baseURL}/api/meetings/${id}/links`, { method: 'POST', headers: auth, body: JSON.stringify({ role: 'participant', expiresInHours: 24 }) });
  await page.goto(((await link.json()) as CreateLinkResponse).url);
  await page.getByRole('textbox', { name: 'あなたの名前' }).fill(name);
  await page.getByRole('button', { name: '参加する' }).click();
  await expectLive(page);
}

test('README screenshots: the phone room, the projector and the minutes', async ({ browser, server }) => {
  test.setTimeout(120_000);
  const { id, auth } = await seedMeeting(server);

  // The room on a phone (375 × 812), a participant taking notes.
  const phone = await browser.newContext({ baseURL: server.baseURL, locale: 'ja-JP', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await phone.newPage();
  await joinAsParticipant(page, server, id, auth, '鈴木 一郎');
  await notesEditor(page).click();
  await page.keyboard.type('上位10社は7月改定で合意済み。残りは個別に調整する。');
  await expectSaved(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: out('phone-room') });
  await page.getByTestId('outcomes').scrollIntoViewIfNeeded();
  await page.screenshot({ path: out('phone-room-outcomes') });
  await phone.close();

  // The projector (1280 × 720), opened from the Share dialog.
  const { context: desk, page: room } = await newParticipant(browser, server, '進行役', '#2563eb', 'ja-JP');
  await room.goto(`/meetings/${id}`);
  await expectLive(room);
  await room.getByTestId('share-button').click();
  const [projector] = await Promise.all([desk.waitForEvent('page'), room.getByTestId('open-projector').click()]);
  await projector.setViewportSize({ width: 1280, height: 720 });
  await expect(projector.getByTestId('projector-decisions')).toContainText('価格改定は7月に実施する');
  await projector.screenshot({ path: out('projector') });
  await projector.close();

  // The minutes, once the meeting has ended through the checklist.
  const ended = await fetch(`${server.baseURL}/api/meetings/${id}/end`, { method: 'POST', headers: auth, body: '{}' });
  expect(ended.status, await ended.text()).toBe(200);
  await room.goto(`/meetings/${id}`);
  await expect(room.getByTestId('read-only-banner').or(room.getByRole('heading', { level: 1 })).first()).toBeVisible();
  await room.waitForTimeout(500);
  await room.screenshot({ path: out('minutes'), fullPage: true });
  await desk.close();
});
