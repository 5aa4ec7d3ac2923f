/**
 * Integration: 経営報告 on a real server. A body with a child and an ended meeting each: the report
 * covers both (tree, follow-through, KPI, decisions), as JSON and as files; bad input gets 400 and
 * an unknown body 404; a participant (not the admin) is refused as on the dashboard.
 */
import { describe, expect, it } from 'vitest';
import type { ManagementReport } from '@suishin/shared/report';
import { seedReportBodies } from '../testing/reportSeed';
import { adminHeaders, createRoleLink, signIn } from '../testing/serverAccess';
import { startTestServer, type TestServer } from '../testing/testServer';

async function get(t: TestServer, path: string, headers: Record<string, string> = adminHeaders(t)) {
  const res = await fetch(`${t.httpUrl}${path}`, { headers: { ...headers, origin: t.httpUrl } });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', text, json: () => JSON.parse(text) };
}
describe('経営報告 route', () => {
  it('reports a body with its child, as JSON, HTML and Markdown, and refuses bad input and non-admins', async () => {
    const t = await startTestServer();
    const { top, child, meetingId, from, to: today } = await seedReportBodies(t);
    const q = `series=${top.id}&from=${from}&to=${today}`;

    const res = await get(t, `/api/reports/management?${q}`);
    expect(res.status, res.text).toBe(200);
    const report = res.json() as ManagementReport;
    expect(report.bodies.map((b) => b.name)).toEqual(['経営会議', '週次KPIレビュー']);
    const [kpis, follow, decisions] = report.sections;
    expect(kpis).toMatchObject({ kind: 'kpiTrends', kpis: [{ bodyId: child.id, name: '受注件数', onTarget: false }] });
    expect(follow).toMatchObject({ kind: 'followThrough', totals: { meetings: 1, open: 2, overdue: 1 }, overdueByOwner: [{ owner: '田中', department: '製品', overdue: 1 }] });
    expect(decisions).toMatchObject({ kind: 'keyDecisions', total: 1, decisions: [{ bodyId: child.id, text: '値引きは10%まで' }] });

    const html = await get(t, `/api/reports/management?${q}&format=html`);
    expect(html.type).toMatch(/text\/html/);
    expect(html.disposition).toBe(`attachment; filename="keiei-houkoku-${from}_${today}.html"`);
    expect(html.text).toContain('経営報告');
    const md = await get(t, `/api/reports/management?${q}&format=md&language=en`);
    expect(md.text).toMatch(/^# Report to management: 経営会議/);

    for (const [query, field] of [
      [`series=${top.id}&from=2020-13-01&to=2021-01-01`, 'from'],
      [`series=${top.id}&from=2021-01-01&to=2020-01-01`, 'from'],
      [`series=${top.id}&from=2000-01-01&to=2020-01-01`, 'from'],
      [`series=${top.id}&from=2020-01-01&to=2021-01-01&format=pdf`, 'format'],
      [`from=2020-01-01&to=2021-01-01`, 'series'],
    ] as const) {
      const bad = await get(t, `/api/reports/management?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.json().error).toMatchObject({ code: 'invalid_input', field });
    }
    expect((await get(t, `/api/reports/management?series=nope&from=2020-01-01&to=2021-01-01`)).status).toBe(404);
    const participant = { cookie: await signIn(t, (await createRoleLink(t, meetingId, 'participant')).token, 'Pat') };
    const refused = await get(t, `/api/reports/management?${q}`, participant);
    expect(refused.status).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
  });
});
