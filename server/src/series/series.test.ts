/**
 * Integration: a series of 3 meetings on a real server (free port, temp DATA_DIR, the admin's
 * bearer token), carried items, search in Japanese and English, hand-checked dashboard figures,
 * and a rebuild of every projection from the documents alone.
 */
import { describe, expect, it } from 'vitest';
import {
  addActionItem,
  addAgendaItem,
  addDecision,
  addKpi,
  listActionItems,
  listAgendaItems,
  listKpis,
  pauseTimer,
  startMeeting,
  updateActionItem,
  updateAgendaItem,
  updateKpi,
  type MeetingView,
} from '@suishin/shared';
import type * as Y from 'yjs';
import { rebuildAllProjections } from '../cli/rebuildProjections';
import { startTestServer, type TestServer } from '../testing/testServer';

// Signed in as the workspace admin (bearer token), once the access layer gives test servers one.
const adminHeaders = (t: TestServer): Record<string, string> => {
  const token = (t as { adminToken?: string }).adminToken;
  return token ? { authorization: `Bearer ${token}` } : {};
};
const api = async (t: TestServer, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${t.httpUrl}${path}`, {
    method,
    headers: { ...adminHeaders(t), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
};
const change = (t: TestServer, id: string, f: (doc: Y.Doc) => void) =>
  t.server.rooms.withRoom(id, (room) => room.applyServerChange(f));
const view = async (t: TestServer, id: string) => (await api(t, 'GET', `/api/meetings/${id}`)).json as MeetingView;
const at = (day: string) => Date.parse(`${day}T10:00:00+09:00`);

async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('series, carry-over, search and dashboard', () => {
  it('carries open items once, closes history, finds words, computes the hand-checked figures, and rebuilds the same', async () => {
    let t = await startTestServer();
    const created = await api(t, 'POST', '/api/series', {
      name: '営業×製品 定例', departments: ['営業', '製品'], agendaTemplate: [{ title: '数字の確認', timeboxMinutes: 15 }],
    });
    expect(created.status).toBe(201);
    const seriesId = created.json.id as string;

    // ── Meeting 1 (2026-01-07) ──
    const m1 = (await api(t, 'POST', `/api/series/${seriesId}/next`, {})).json.meetingId as string;
    const ids: Record<string, string> = {};
    await change(t, m1, (doc) => {
      ids.topic1 = addAgendaItem(doc, { title: '採用計画', timeboxMinutes: 10 });
      const numbers = listAgendaItems(doc).find((a) => a.title === '数字の確認')!;
      updateAgendaItem(doc, numbers.id, { actualSeconds: 1500 });
      ids.A = addActionItem(doc, { title: '見積もりを送付する', owner: { name: '佐藤', department: '営業' }, dueDate: '2026-01-10' });
      ids.B = addActionItem(doc, { title: 'Fix the login bug', owner: { name: 'Tanaka', department: '製品' }, dueDate: '2026-01-20' });
      ids.C = addActionItem(doc, { title: '資料を共有する', owner: { name: '鈴木', department: '営業' }, dueDate: '2026-01-08', status: 'done' });
      addDecision(doc, { text: '来月から新しい価格表を使うことに決定した', decidedBy: '部長' });
      addKpi(doc, { name: '受注件数', unit: '件', target: 10, actual: 10 });
      startMeeting(doc, at('2026-01-07'));
      pauseTimer(doc, at('2026-01-07')); // the timer must not run from 2026-01-07 until the real end
    });
    await t.server.closing.end(m1);

    // ── Meeting 2 (2026-01-14): A and B carried; "next" twice gives the same draft, nothing duplicated ──
    const next2 = await api(t, 'POST', `/api/series/${seriesId}/next`, {});
    expect(next2.status).toBe(201);
    expect(next2.json.carried).toBe(2);
    const m2 = next2.json.meetingId as string;
    const again = await api(t, 'POST', `/api/series/${seriesId}/next`, {});
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ meetingId: m2, created: false, carried: 0 });
    let v2 = await view(t, m2);
    expect(v2.agenda.map((a) => a.title)).toEqual(['前回からの宿題フォローアップ', '前回からの変化', '数字の確認']);
    expect(v2.actionItems.map((a) => a.title).sort()).toEqual(['Fix the login bug', '見積もりを送付する']);
    expect(v2.kpis[0]).toMatchObject({ name: '受注件数', previous: 10, actual: null, target: 10 });
    expect(v2.agenda[1]!.notes).toContain('受注件数');
    await change(t, m2, (doc) => {
      addAgendaItem(doc, { title: '採用計画', timeboxMinutes: 10 });
      const a2 = listActionItems(doc).find((a) => a.title === '見積もりを送付する')!;
      updateActionItem(doc, a2.id, { status: 'done' });
      ids.D = addActionItem(doc, { title: '来期の予算案を作る', owner: { name: '山田', department: '製品' }, dueDate: '2026-02-01' });
      updateKpi(doc, listKpis(doc)[0]!.id, { actual: 12 });
      startMeeting(doc, at('2026-01-14'));
      pauseTimer(doc, at('2026-01-14')); // the timer must not run from 2026-01-14 until the real end
    });
    await t.server.closing.end(m2);
    // Closing the carried copy closed the original in meeting 1's document.
    const v1 = await until(() => view(t, m1), (v) => v.actionItems.find((a) => a.id === ids.A)!.status === 'done');
    expect(v1.actionItems.find((a) => a.id === ids.A)!.status).toBe('done');
    expect(v1.actionItems.find((a) => a.id === ids.B)!.status).toBe('open');

    // ── Meeting 3 (2026-01-21): B (second carry, once) and D carried ──
    const next3 = await api(t, 'POST', `/api/series/${seriesId}/next`, {});
    const m3 = next3.json.meetingId as string;
    const v3 = await view(t, m3);
    expect(v3.actionItems.map((a) => a.title).sort()).toEqual(['Fix the login bug', '来期の予算案を作る']);
    expect(v3.agenda[1]!.notes).toContain('見積もりを送付する'); // closed since last time
    await change(t, m3, (doc) => {
      addAgendaItem(doc, { title: '採用計画', timeboxMinutes: 10 });
      const d3 = listActionItems(doc).find((a) => a.title === '来期の予算案を作る')!;
      updateActionItem(doc, d3.id, { status: 'done' });
      const x = addDecision(doc, { text: 'Weekly release on Fridays', decidedBy: 'CTO' });
      addDecision(doc, { text: 'Release on Thursdays instead', decidedBy: 'CTO', supersedesId: x });
      updateKpi(doc, listKpis(doc)[0]!.id, { actual: 11 });
      startMeeting(doc, at('2026-01-21'));
      pauseTimer(doc, at('2026-01-21')); // the timer must not run from 2026-01-21 until the real end
    });
    await t.server.closing.end(m3);
    v2 = await until(() => view(t, m2), (v) => v.actionItems.find((a) => a.id === ids.D)!.status === 'done');
    expect(v2.actionItems.find((a) => a.id === ids.D)!.status).toBe('done');

    // ── Search ──
    const search = async (q: string, extra = '') => (await api(t, 'GET', `/api/search?q=${encodeURIComponent(q)}${extra}`)).json.hits as any[];
    const ja = await search('価格表'); // in the middle of a Japanese sentence
    // The decision, and the brief of meeting 2 that lists the last meeting's decisions.
    expect(ja.map((h) => `${h.kind}:${h.meetingId === m1 ? 'm1' : h.meetingId === m2 ? 'm2' : '?'}`).sort()).toEqual(['agenda:m2', 'decision:m1']);
    ja.sort((a, b) => (a.kind === 'decision' ? -1 : b.kind === 'decision' ? 1 : 0));
    expect(ja[0]).toMatchObject({ kind: 'decision', meetingId: m1 });
    expect(ja[0].snippet.filter((s: any) => s.mark).map((s: any) => s.text).join('')).toBe('価格表');
    expect(ja[0].link).toBe(`/meetings/${m1}#decision-${ja[0].itemId}`);
    const en = await search('login');
    // The item in each meeting, plus the follow-up and brief notes that list it.
    expect(en.filter((h) => h.kind === 'actionItem').map((h) => h.meetingId).sort()).toEqual([m1, m2, m3].sort());
    expect(en[0].snippet.some((s: any) => s.mark && s.text.toLowerCase() === 'login')).toBe(true);
    const short = await search('価格'); // shorter than a trigram: LIKE fallback
    expect(short.filter((h) => h.kind === 'decision').map((h) => h.meetingId)).toEqual([m1]);
    expect((await search('login', '&from=2026-01-20')).every((h) => h.meetingId === m3)).toBe(true);
    expect(await search('login', '&department=経理')).toHaveLength(0);

    // ── Archive ──
    const archive = (await api(t, 'GET', `/api/archive?series=${seriesId}&from=2026-01-10&status=ended`)).json.meetings as any[];
    expect(archive.map((m) => m.id).sort()).toEqual([m2, m3].sort());

    // ── Dashboard, checked by hand: per meeting (newest first), per week, and the totals ──
    const january = `series=${seriesId}&from=2026-01-01&to=2026-01-31`;
    const dash = async () => (await api(t, 'GET', `/api/dashboard?${january}&period=week`)).json;
    const d = await dash();
    const perMeeting = (await api(t, 'GET', `/api/dashboard/meetings?${january}`)).json;
    expect(perMeeting.total).toEqual({ count: 3, capped: false });
    expect(perMeeting.meetings.map((m: any) => [m.heldOn, m.opened, m.closed, m.closedOnTime, m.closedLate, m.decisions])).toEqual([
      ['2026-01-21', 0, 1, 1, 0, 2], // D closed before 02-01: on time
      ['2026-01-14', 1, 1, 0, 1, 0], // D opened; A closed a week... after its due date 01-10: late
      ['2026-01-07', 3, 1, 1, 0, 1], // A, B, C opened; C closed on time
    ]);
    // M1 (the first: nothing to follow up, no follow-up item): 数字 15 + 採用計画 10 = 25 min planned, 1500 s spent.
    expect(perMeeting.meetings[2]).toMatchObject({ plannedSeconds: 1500, actualSeconds: 1500, overrunSeconds: 0 });
    expect(d.periods.map((p: any) => [p.key, p.start, p.end, p.meetings, p.opened, p.closed])).toEqual([
      ['2026-W01', '2026-01-01', '2026-01-04', 0, 0, 0],
      ['2026-W02', '2026-01-05', '2026-01-11', 1, 3, 1],
      ['2026-W03', '2026-01-12', '2026-01-18', 1, 1, 1],
      ['2026-W04', '2026-01-19', '2026-01-25', 1, 0, 1],
      ['2026-W05', '2026-01-26', '2026-01-31', 0, 0, 0],
    ]);
    expect(d.totals).toMatchObject({ meetings: 3, opened: 4, closed: 3, closedOnTime: 2, closedLate: 1, open: 1, overdue: 1, completionRate: 0.75, decisions: 3, superseded: 1 });
    expect(d.openByOwner).toEqual([{ owner: 'Tanaka', department: '製品', open: 1, dueThisWeek: 0, overdue: 1 }]);
    expect(d.openByDepartment).toEqual([{ department: '製品', open: 1, dueThisWeek: 0, overdue: 1 }]);
    expect(d.overdueItems.map((i: any) => [i.title, i.meetingId, i.raisedIn?.meetingId])).toEqual([['Fix the login bug', m3, m1]]);
    expect(d.carriedTopics).toEqual([{ title: '採用計画', survived: 3, firstHeldOn: '2026-01-07', lastHeldOn: '2026-01-21' }]);
    expect(d.supersededDecisions.map((x: any) => [x.text, x.supersededBy.text])).toEqual([['Weekly release on Fridays', 'Release on Thursdays instead']]);
    expect(d.kpiTrends).toEqual([{ name: '受注件数', unit: '件', direction: 'higher_is_better', points: [
      { period: '2026-W02', heldOn: '2026-01-07', actual: 10, target: 10 },
      { period: '2026-W03', heldOn: '2026-01-14', actual: 12, target: 10 },
      { period: '2026-W04', heldOn: '2026-01-21', actual: 11, target: 10 },
    ] }]);
    const due = (await api(t, 'GET', '/api/action-items/due?days=7')).json.items as any[];
    expect(due.map((i) => [i.title, i.overdue, i.meetingId])).toEqual([['Fix the login bug', true, m3]]);
    const byDept = (await api(t, 'GET', `/api/dashboard?department=${encodeURIComponent('営業')}&from=2026-01-01&to=2026-03-31`)).json;
    expect(byDept.totals.opened).toBe(4);
    expect(byDept.periods.map((p: any) => p.key)).toEqual(['2026-01', '2026-02', '2026-03']);

    // ── Rebuild from the documents alone: same answers ──
    const before = { d, ja, en, short, due };
    await t.server.close();
    const result = await rebuildAllProjections(t.dataDir);
    expect(result).toEqual({ projected: 3, failed: [] });
    t = await t.restart();
    expect(await dash()).toEqual(d);
    expect({ d: await dash(), ja: await search('価格表'), en: await search('login'), short: await search('価格'), due: (await api(t, 'GET', '/api/action-items/due?days=7')).json.items })
      .toEqual(before);
  }, 30_000);
});
