/** For the 経営報告 tests: a body with a child whose one meeting ended with an off-track KPI, a decision and an overdue item. */
import { addActionItem, addDecision, addKpi, addKpiCountermeasure, startMeeting, type Series } from '@suishin/shared';
import { changeMeeting } from './closingHelpers';
import { adminHeaders } from './serverAccess';
import type { TestServer } from './testServer';

export async function adminPost<T = any>(t: TestServer, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${t.httpUrl}${path}`, { method: 'POST', headers: { ...adminHeaders(t), 'content-type': 'application/json', origin: t.httpUrl }, body: JSON.stringify(body) });
  return (await res.json()) as T;
}

export async function seedReportBodies(t: TestServer): Promise<{ top: Series; child: Series; meetingId: string; from: string; to: string }> {
  const top = await adminPost<Series>(t, '/api/series', { name: '経営会議', departments: ['経営'] });
  const child = await adminPost<Series>(t, '/api/series', { name: '週次KPIレビュー', departments: ['営業'], parentId: top.id });
  const meetingId = (await adminPost(t, `/api/series/${child.id}/next`, {})).meetingId as string;
  await changeMeeting(t, meetingId, (doc) => {
    const kpi = addKpi(doc, { name: '受注件数', unit: '件', target: 10, actual: 7 });
    addKpiCountermeasure(doc, kpi, { title: '提案を増やす', owner: { name: '山田', department: '営業' }, dueDate: '2099-01-31' });
    addDecision(doc, { text: '値引きは10%まで', decidedBy: '山田' });
    addActionItem(doc, { title: '在庫を確認', owner: { name: '田中', department: '製品' }, dueDate: '2020-01-10' });
    startMeeting(doc, Date.now());
  });
  const ended = await adminPost(t, `/api/meetings/${meetingId}/end`, {});
  if (ended.error) throw new Error(JSON.stringify(ended.error));
  // The workspace's day (Asia/Tokyo) may be ahead of UTC's: end the period a day later.
  const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const from = new Date(Date.now() - 300 * 86_400_000).toISOString().slice(0, 10);
  return { top, child, meetingId, from, to };
}
