/**
 * Integration: the meetings of a series can be told apart. On a real server: numbered, scheduled
 * and placed from 次回予定, titled by their own day, the follow-up item only with something to follow
 * up, carried items saying where they came from, the brief in the meeting's language with the
 * last meeting's decisions, the usual attendees invited, and a series edited after it was made.
 */
import { describe, expect, it } from 'vitest';
import {
  addActionItem,
  addDecision,
  addKpi,
  getCarriedFrom,
  listActionItems,
  setNextMeeting,
  startMeeting,
  updateMeta,
  type MeetingView,
  type NextMeetingResponse,
  type SeriesDetailResponse,
} from '@suishin/shared';
import type * as Y from 'yjs';
import { adminApi } from '../testing/serverAccess';
import { startTestServer, type TestServer } from '../testing/testServer';

const api = adminApi;
const change = (t: TestServer, id: string, f: (doc: Y.Doc) => void) => t.server.rooms.withRoom(id, (room) => room.applyServerChange(f));
const view = async (t: TestServer, id: string) => (await api<MeetingView>(t, 'GET', `/api/meetings/${id}`)).json;
const carriedFrom = (t: TestServer, id: string, title: string) =>
  t.server.rooms.withRoom(id, (room) => room.applyServerChange((doc) => getCarriedFrom(doc, listActionItems(doc).find((a) => a.title === title)!.id)));

describe('the meetings of a series', () => {
  it('are numbered, scheduled and placed from 次回予定, titled by their day, and say where carried items came from', async () => {
    const t = await startTestServer();
    const series = await api(t, 'POST', '/api/series', {
      name: '営業×製品 定例',
      departments: ['営業'],
      agendaTemplate: [{ title: '数字の確認', timeboxMinutes: 15 }],
      usualAttendees: [{ name: '佐藤', department: '営業' }, { name: '田中', department: '製品' }],
    });
    expect(series.status).toBe(201);
    const seriesId = series.json.id as string;

    // ── The first meeting: number 1, nothing to follow up, no date yet ──
    const first = await api<NextMeetingResponse>(t, 'POST', `/api/series/${seriesId}/next`, {});
    expect(first.json).toMatchObject({ created: true, number: 1 });
    const m1 = first.json.meetingId;
    const v1 = await view(t, m1);
    expect(v1.meta).toMatchObject({ title: '営業×製品 定例 第1回', seriesNumber: 1, scheduledStart: null });
    expect(v1.agenda.map((a) => a.title)).toEqual(['数字の確認']);
    expect(v1.attendees.map((a) => [a.name, a.department, a.present])).toEqual([['佐藤', '営業', false], ['田中', '製品', false]]);

    await change(t, m1, (doc) => {
      updateMeta(doc, { scheduledStart: '2026-12-06T10:00:00+09:00', place: '会議室A' });
      addActionItem(doc, { title: '見積もりを送付する', owner: { name: '佐藤', department: '営業' }, dueDate: '2026-12-10' });
      addDecision(doc, { text: '価格改定は4月から', decidedBy: '部長' });
      addKpi(doc, { name: '売上', unit: '万円', target: 1000, actual: 1200, previous: 900, owner: '佐藤' });
      setNextMeeting(doc, { date: '2026-12-13', place: '会議室B', text: '資料を持参' });
      startMeeting(doc, Date.parse('2026-12-06T10:02:00+09:00'));
    });
    await t.server.closing.end(m1);

    // ── The second: number 2, on the noted day at the usual time, in the noted place ──
    const second = await api<NextMeetingResponse>(t, 'POST', `/api/series/${seriesId}/next`, {});
    expect(second.json).toMatchObject({ created: true, number: 2, carried: 1 });
    const m2 = second.json.meetingId;
    const v2 = await view(t, m2);
    expect(v2.meta).toMatchObject({
      title: '営業×製品 定例 2026年12月13日(日)',
      seriesNumber: 2,
      scheduledStart: '2026-12-13T10:00:00+09:00',
      place: '会議室B',
    });
    expect(v2.agenda.map((a) => a.title)).toEqual(['前回からの宿題フォローアップ', '前回からの変化', '数字の確認']);
    expect(v2.agenda[0]!.notes).toBe('- 見積もりを送付する（佐藤（営業）、期限 2026年12月10日(木)）（第1回から）');
    expect((await carriedFrom(t, m2, '見積もりを送付する'))?.viaMeeting).toEqual({ number: 1, heldOn: '2026-12-06' });

    // The brief: Japanese only, dates and numbers formatted as the minutes print them, the last decisions.
    const brief = v2.agenda[1]!.notes;
    expect(brief).toContain('前回の決定事項（第1回・2026年12月6日(日)）（1件）\n- 価格改定は4月から（部長）');
    expect(brief).toContain('売上: 900万円 → 1,200万円（+300万円） / 目標 1,000万円');
    expect(brief).not.toMatch(/\d{4}-\d{2}-\d{2}|target|due|none/i);

    // "Next" again while it is unstarted gives the same meeting.
    const again = await api<NextMeetingResponse>(t, 'POST', `/api/series/${seriesId}/next`, {});
    expect(again.json).toMatchObject({ created: false, meetingId: m2, number: 2 });

    // ── The series page's list: told apart by number and day, newest first ──
    const detail = (await api<SeriesDetailResponse>(t, 'GET', `/api/series/${seriesId}`)).json;
    expect(detail.meetings.map((m) => [m.number, m.heldOn, m.title, m.status])).toEqual([
      [2, '2026-12-13', '営業×製品 定例 2026年12月13日(日)', 'draft'],
      [1, '2026-12-06', '営業×製品 定例 第1回', 'ended'],
    ]);
  });

  it('edits a series after it was made, and refuses a bad edit without changing anything', async () => {
    const t = await startTestServer();
    const id = (await api(t, 'POST', '/api/series', { name: 'Weekly sync', language: 'en' })).json.id as string;
    const patched = await api(t, 'PATCH', `/api/series/${id}`, {
      name: 'Sales × Product weekly',
      departments: ['Sales', 'Product'],
      agendaTemplate: [{ title: 'Numbers', timeboxMinutes: 7 }],
      usualAttendees: [{ name: 'Kim', department: 'CS' }],
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ name: 'Sales × Product weekly', departments: ['Sales', 'Product'], usualAttendees: [{ name: 'Kim', department: 'CS' }] });
    const bad = await api(t, 'PATCH', `/api/series/${id}`, { name: '  ', usualAttendees: [{ name: '' }] });
    expect(bad.status).toBe(400);
    expect((await api(t, 'GET', `/api/series/${id}`)).json).toMatchObject({ name: 'Sales × Product weekly', agendaTemplate: [{ title: 'Numbers', timeboxMinutes: 7 }] });

    // An English series writes English: the title by number, the brief's headings.
    const m1 = (await api<NextMeetingResponse>(t, 'POST', `/api/series/${id}/next`, {})).json.meetingId;
    expect((await view(t, m1)).meta.title).toBe('Sales × Product weekly #1');
    await change(t, m1, (doc) => {
      addDecision(doc, { text: 'Ship on Fridays', decidedBy: 'CTO' });
      setNextMeeting(doc, { date: '2026-12-14T09:30:00+09:00' });
      startMeeting(doc, Date.parse('2026-12-07T09:30:00+09:00'));
    });
    await t.server.closing.end(m1);
    const m2 = (await api<NextMeetingResponse>(t, 'POST', `/api/series/${id}/next`, {})).json.meetingId;
    const v2 = await view(t, m2);
    expect(v2.meta).toMatchObject({ title: 'Sales × Product weekly Mon, Dec 14, 2026', scheduledStart: '2026-12-14T09:30:00+09:00' });
    expect(v2.agenda.map((a) => a.title)).toEqual(['Since last time', 'Numbers']);
    expect(v2.agenda[0]!.notes).toContain('Decisions of the last meeting (#1, Mon, Dec 7, 2026) (1)\n- Ship on Fridays (CTO)');
    expect(v2.attendees.map((a) => a.name)).toEqual(['Kim']);
  });
});
