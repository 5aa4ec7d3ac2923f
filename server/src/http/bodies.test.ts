/**
 * Integration: 会議体 on a real server. A bad body gets 400 naming its field and changes nothing;
 * a parent that would make a cycle is refused (also when two changes race); an observer cannot
 * make or change one; the registry shows each body's tree link and health from its meetings.
 */
import { describe, expect, it } from 'vitest';
import { addActionItem, startMeeting, type Series } from '@suishin/shared';
import type { BodyHealthResponse, BodyRegistryResponse } from '@suishin/shared/protocol';
import { changeMeeting } from '../testing/closingHelpers';
import { adminHeaders, createRoleLink, signIn } from '../testing/serverAccess';
import { startTestServer, type TestServer } from '../testing/testServer';

async function api<T = any>(t: TestServer, method: string, path: string, body?: unknown, headers: Record<string, string> = adminHeaders(t)) {
  const res = await fetch(`${t.httpUrl}${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json', origin: t.httpUrl },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

const body = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  departments: ['営業'],
  purpose: '数字を目標と比べる',
  decisionFunction: 'confirm',
  decisionRights: '対策の担当と期限',
  cadence: { every: 'week', weekday: 1, time: '09:30' },
  members: [{ name: '佐藤', department: '営業', role: 'chair' }],
  ...extra,
});

describe('会議体 routes', () => {
  it('a bad body gets 400 naming its field, and nothing is made or changed', async () => {
    const t = await startTestServer();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ decisionFunction: 'decide' }, 'decisionFunction'],
      [{ members: [{ name: '佐藤', department: '営業', role: 'boss' }] }, 'members.0.role'],
      [{ members: [{ name: '  ', role: 'member' }] }, 'members.0.name'],
      [{ cadence: { every: 'week', weekday: 8 } }, 'cadence.weekday'],
      [{ cadence: { every: 'week', time: '25:00' } }, 'cadence.time'],
      [{ cadence: { every: 'daily' } }, 'cadence.every'],
      [{ reviewOn: '2027-13-01' }, 'reviewOn'],
      [{ purpose: 'x'.repeat(2001) }, 'purpose'],
      [{ parentId: 'no-such-body' }, 'parentId'],
      [{ chair: '佐藤' }, ''],
    ];
    for (const [extra, field] of cases) {
      const res = await api(t, 'POST', '/api/series', body('週次KPIレビュー', extra));
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.json.error.code).toBe('invalid_input');
      if (field) expect(res.json.error.field).toBe(field);
    }
    expect((await api<BodyRegistryResponse>(t, 'GET', '/api/bodies')).json.bodies).toEqual([]);

    const made = await api<Series>(t, 'POST', '/api/series', body('週次KPIレビュー', { reviewOn: '2027-03-31' }));
    expect(made.status).toBe(201);
    for (const [extra] of cases.slice(0, 9)) {
      expect((await api(t, 'PATCH', `/api/series/${made.json.id}`, extra)).status, JSON.stringify(extra)).toBe(400);
    }
    expect((await api<Series>(t, 'GET', `/api/series/${made.json.id}`)).json).toMatchObject({ ...body('週次KPIレビュー'), reviewOn: '2027-03-31', parentId: null });
  });

  it('refuses a parent that is the body itself or below it, also when two changes race', async () => {
    const t = await startTestServer();
    const top = (await api<Series>(t, 'POST', '/api/series', body('経営会議', { decisionFunction: 'approve' }))).json;
    const mid = (await api<Series>(t, 'POST', '/api/series', body('部門横断定例', { parentId: top.id }))).json;
    const low = (await api<Series>(t, 'POST', '/api/series', body('週次KPIレビュー', { parentId: mid.id }))).json;
    expect(low.parentId).toBe(mid.id);

    const cycle = await api(t, 'PATCH', `/api/series/${top.id}`, { parentId: low.id });
    expect(cycle.status).toBe(400);
    expect(cycle.json.error).toMatchObject({ code: 'invalid_input', field: 'parentId' });
    expect(cycle.json.error.message).toMatch(/cycle/);
    const self = await api(t, 'PATCH', `/api/series/${mid.id}`, { parentId: mid.id });
    expect(self.status).toBe(400);
    expect(self.json.error.message).toMatch(/itself/);
    expect((await api<Series>(t, 'GET', `/api/series/${top.id}`)).json.parentId).toBeNull();
    expect((await api<Series>(t, 'GET', `/api/series/${mid.id}`)).json.parentId).toBe(top.id);

    // Moving a body elsewhere in its own tree (not below itself) is fine, and so is no parent.
    expect((await api(t, 'PATCH', `/api/series/${low.id}`, { parentId: top.id })).status).toBe(200);
    expect((await api(t, 'PATCH', `/api/series/${low.id}`, { parentId: null })).json.parentId).toBeNull();

    // Two changes that are each fine alone but together a cycle: exactly one is accepted.
    const x = (await api<Series>(t, 'POST', '/api/series', body('X'))).json;
    const y = (await api<Series>(t, 'POST', '/api/series', body('Y'))).json;
    const raced = await Promise.all([api(t, 'PATCH', `/api/series/${x.id}`, { parentId: y.id }), api(t, 'PATCH', `/api/series/${y.id}`, { parentId: x.id })]);
    expect(raced.map((r) => r.status).sort()).toEqual([200, 400]);
    const [xAfter, yAfter] = [(await api<Series>(t, 'GET', `/api/series/${x.id}`)).json, (await api<Series>(t, 'GET', `/api/series/${y.id}`)).json];
    expect([xAfter.parentId, yAfter.parentId].filter((p) => p !== null)).toHaveLength(1);
  });

  it('an observer sees a body of their meeting but can neither make nor change one', async () => {
    const t = await startTestServer();
    const made = (await api<Series>(t, 'POST', '/api/series', body('週次KPIレビュー'))).json;
    const meetingId = (await api(t, 'POST', `/api/series/${made.id}/next`, {})).json.meetingId as string;
    const observer = { cookie: await signIn(t, (await createRoleLink(t, meetingId, 'observer')).token, 'Olivia') };

    const edit = await api(t, 'PATCH', `/api/series/${made.id}`, { purpose: '書き換え', parentId: null }, observer);
    expect(edit.status).toBe(403);
    expect(edit.json.error.code).toBe('forbidden');
    expect((await api(t, 'POST', '/api/series', body('勝手な会議体'), observer)).status).toBe(403);
    expect((await api<Series>(t, 'GET', `/api/series/${made.id}`)).json.purpose).toBe('数字を目標と比べる');

    const seen = await api<BodyRegistryResponse>(t, 'GET', '/api/bodies', undefined, observer);
    expect(seen.json.bodies.map((b) => b.name)).toEqual(['週次KPIレビュー']);
  });

  it('the registry shows each body with its parent, cadence, next meeting and health from its meetings', async () => {
    const t = await startTestServer();
    const top = (await api<Series>(t, 'POST', '/api/series', body('経営会議', { decisionFunction: 'approve', cadence: { every: 'month' } }))).json;
    const child = (await api<Series>(t, 'POST', '/api/series', body('週次KPIレビュー', { parentId: top.id, reviewOn: '2020-01-01' }))).json;
    const m1 = (await api(t, 'POST', `/api/series/${child.id}/next`, {})).json.meetingId as string;
    await changeMeeting(t, m1, (doc) => {
      addActionItem(doc, { title: '見積書を送る', owner: { name: '佐藤', department: '営業' }, dueDate: '2099-12-31', status: 'done' });
      addActionItem(doc, { title: '在庫を確認', owner: { name: '田中', department: '製品' }, dueDate: '2020-01-10' });
      addActionItem(doc, { title: '価格表を直す', owner: { name: '田中', department: '製品' }, dueDate: '2099-06-30' });
      startMeeting(doc, Date.now());
    });
    const ended = await api(t, 'POST', `/api/meetings/${m1}/end`, {});
    expect(ended.status, JSON.stringify(ended.json)).toBe(200);
    // Three people rate it (the admin is one of them).
    const voters: Array<Record<string, string>> = [adminHeaders(t)];
    for (const name of ['Pat', 'Kim']) voters.push({ cookie: await signIn(t, (await createRoleLink(t, m1, 'participant')).token, name) });
    for (const [i, who] of voters.entries()) expect((await api(t, 'PUT', `/api/meetings/${m1}/rating`, { score: [5, 4, 3][i] }, who)).status).toBe(200);

    const registry = await api<BodyRegistryResponse>(t, 'GET', '/api/bodies');
    expect(registry.status).toBe(200);
    const [a, b] = registry.json.bodies;
    expect(a).toMatchObject({ id: top.id, parentId: null, decisionFunction: 'approve', cadence: { every: 'month' } });
    expect(a!.health).toMatchObject({ onTimeRate: null, open: 0, endedMeetings: 0, reviewDue: false, rating: { votes: 0, average: null } });
    expect(a!.health.next).toMatchObject({ meetingId: null, byCadence: true, heldOn: registry.json.today });
    expect(b).toMatchObject({ id: child.id, parentId: top.id, reviewOn: '2020-01-01' });
    expect(b!.health).toMatchObject({ onTimeRate: 1, closed: 1, open: 2, overdue: 1, endedMeetings: 1, reviewDue: true, rating: { votes: 3, average: 4 } });
    // Weekly on Mondays: the next one is due on a Monday, today or later.
    expect(b!.health.next.byCadence).toBe(true);
    expect(new Date(`${b!.health.next.heldOn}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(b!.health.next.heldOn! >= registry.json.today).toBe(true);

    // A meeting made and not yet held is the next one.
    const m2 = (await api(t, 'POST', `/api/series/${child.id}/next`, {})).json.meetingId as string;
    const detail = await api<BodyHealthResponse>(t, 'GET', `/api/series/${child.id}/health`);
    expect(detail.json.health.next).toMatchObject({ meetingId: m2, byCadence: false });
    expect(detail.json.health.open).toBe(2); // carried into m2, still counted once
    expect(detail.json.ratingTrend).toEqual([expect.objectContaining({ meetingId: m1, number: 1, rating: { votes: 3, average: 4 } })]);
    expect((await api(t, 'GET', '/api/series/no-such/health')).status).toBe(404);
  });
});
