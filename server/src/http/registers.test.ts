/**
 * Integration: the decision register (states, supersedes chains across meetings, filters, pages)
 * and the action-item register (one row per carried item, states, owner / department filters).
 */
import { describe, expect, it } from 'vitest';
import { addActionItem, addDecision, listActionItems, updateActionItem } from '@suishin/shared';
import { addDays } from '../followThrough/periods';
import { allPages, apiGet, makeMeeting } from '../testing/historyFixtures';
import { adminHeaders } from '../testing/serverAccess';
import { startTestServer } from '../testing/testServer';

describe('GET /api/decisions', () => {
  it('lists every decision with its state and supersedes chain, filtered and paged', async () => {
    const t = await startTestServer();
    const today = (await apiGet(t, '/api/home')).json.today as string; // the workspace's day (Tokyo)
    const ids: Record<string, string> = {};
    const m1 = await makeMeeting(t, { title: '第1回', seriesId: 'sA', departments: ['営業'], day: '2026-01-07', status: 'ended', fill: (doc) => {
      ids.price = addDecision(doc, { text: '価格表を改定する', decidedBy: '部長' });
      ids.review = addDecision(doc, { text: '週次で在庫を確認する', decidedBy: '課長', reviewDate: addDays(today, 10) });
      ids.late = addDecision(doc, { text: '外注先を見直す', decidedBy: '部長', reviewDate: '2026-01-01' });
    } });
    const m2 = await makeMeeting(t, { title: '第2回', seriesId: 'sA', departments: ['営業'], day: '2026-01-14', status: 'ended', fill: (doc) => {
      ids.july = addDecision(doc, { text: '価格表は7月に改定する', decidedBy: '部長' });
    } });
    // A decision supersedes one of its own meeting (the model checks the reference).
    const m3 = await makeMeeting(t, { title: '製品定例', seriesId: 'sB', departments: ['製品'], day: '2026-01-21', status: 'ended', fill: (doc) => {
      ids.price = addDecision(doc, { text: '価格を据え置く', decidedBy: 'CTO' });
      ids.price2 = addDecision(doc, { text: '価格は8月に改定する', decidedBy: 'CTO', supersedesId: ids.price });
      ids.price3 = addDecision(doc, { text: '価格は9月に改定する', decidedBy: 'CTO', supersedesId: ids.price2 });
    } });
    await makeMeeting(t, { title: 'まだ開催中', day: '2026-01-22', status: 'live', fill: (doc) => void addDecision(doc, { text: 'not yet recorded' }) });

    // Newest meeting first, each meeting's decisions in its own order.
    const all = await allPages<any>(t, '/api/decisions?limit=2', 'decisions');
    expect(all.total).toEqual({ count: 7, capped: false });
    expect(all.rows.map((d) => d.text)).toEqual(['価格を据え置く', '価格は8月に改定する', '価格は9月に改定する', '価格表は7月に改定する', '価格表を改定する', '週次で在庫を確認する', '外注先を見直す']);
    expect(all.rows.map((d) => d.state)).toEqual(['superseded', 'superseded', 'in_force', 'in_force', 'in_force', 'review_due', 'review_overdue']);
    const chain = ['価格を据え置く', '価格は8月に改定する', '価格は9月に改定する'];
    for (const d of all.rows.slice(0, 3)) expect(d.chain.map((c: any) => c.text)).toEqual(chain);
    expect(all.rows[5].chain.map((c: any) => c.decisionId)).toEqual([ids.review]);
    expect(all.rows[2]).toMatchObject({ meetingId: m3, meetingTitle: '製品定例', heldOn: '2026-01-21', decidedBy: 'CTO', link: `/meetings/${m3}#decision-${ids.price3}` });
    expect(all.rows[4]).toMatchObject({ meetingId: m1, heldOn: '2026-01-07' });

    const texts = async (query: string) => (await allPages<any>(t, `/api/decisions?limit=1&${query}`, 'decisions')).rows.map((d) => d.text);
    expect(await texts('state=superseded')).toEqual(['価格を据え置く', '価格は8月に改定する']);
    expect(await texts('state=in_force')).toEqual(['価格は9月に改定する', '価格表は7月に改定する', '価格表を改定する', '週次で在庫を確認する', '外注先を見直す']);
    expect(await texts('state=review_due')).toEqual(['週次で在庫を確認する']);
    expect(await texts('state=review_overdue')).toEqual(['外注先を見直す']);
    expect(await texts(`decider=${encodeURIComponent('部長')}&series=sA`)).toEqual(['価格表は7月に改定する', '価格表を改定する', '外注先を見直す']);
    expect(await texts(`department=${encodeURIComponent('製品')}`)).toEqual(chain);
    expect(await texts('from=2026-01-10&to=2026-01-20')).toEqual(['価格表は7月に改定する']);
    expect(m2).toBeTruthy();
  });
});

describe('GET /api/action-items', () => {
  it('counts a carried item once at its newest copy, with where it was raised, and filters by state, owner and department', async () => {
    const t = await startTestServer();
    const today = (await apiGet(t, '/api/home')).json.today as string; // the workspace's day (Tokyo)
    const series = await fetch(`${t.httpUrl}/api/series`, {
      method: 'POST',
      headers: { ...adminHeaders(t), 'content-type': 'application/json' },
      body: JSON.stringify({ name: '定例', departments: ['営業'], agendaTemplate: [] }),
    });
    const seriesId = ((await series.json()) as { id: string }).id;
    const next = async () =>
      ((await (await fetch(`${t.httpUrl}/api/series/${seriesId}/next`, { method: 'POST', headers: { ...adminHeaders(t), 'content-type': 'application/json' }, body: '{}' })).json()) as { meetingId: string }).meetingId;
    const first = await next();
    await t.server.rooms.withRoom(first, (room) => room.applyServerChange((doc) => {
      addActionItem(doc, { title: '見積もりを送る', owner: { name: '佐藤', department: '営業' }, dueDate: '2026-01-10' });
      addActionItem(doc, { title: '今週の資料', owner: { name: '佐藤', department: '営業' }, dueDate: today });
      addActionItem(doc, { title: 'Ship it', owner: { name: 'Tanaka', department: '製品' }, dueDate: addDays(today, 60) });
      addActionItem(doc, { title: 'Done already', owner: { name: 'Tanaka', department: '製品' }, status: 'done' });
    }));
    await t.server.closing.end(first);
    const second = await next(); // the three open ones carried over
    await t.server.rooms.withRoom(second, (room) => room.applyServerChange((doc) => {
      const shipped = listActionItems(doc).find((a) => a.title === 'Ship it')!;
      updateActionItem(doc, shipped.id, { status: 'done' });
    }));
    await t.server.closing.end(second);

    const list = async (query: string) => (await allPages<any>(t, `/api/action-items?limit=1&${query}`, 'items')).rows;
    const open = await list('state=open');
    expect(open.map((i) => i.title)).toEqual(['見積もりを送る', '今週の資料']);
    expect(open.every((i) => i.meetingId === second && i.raisedIn?.meetingId === first)).toBe(true);
    expect(open[0]).toMatchObject({ overdue: true, owner: '佐藤', department: '営業', dueDate: '2026-01-10' });
    expect((await list('state=overdue')).map((i) => i.title)).toEqual(['見積もりを送る']);
    expect((await list('state=due_this_week')).map((i) => i.title)).toEqual(['今週の資料']);
    expect((await list('state=closed')).map((i) => i.title).sort()).toEqual(['Done already', 'Ship it']);
    expect((await list('state=all')).length).toBe(4);
    expect((await list(`state=all&owner=Tanaka&department=${encodeURIComponent('製品')}`)).map((i) => i.title).sort()).toEqual(['Done already', 'Ship it']);
    expect(await list(`owner=${encodeURIComponent('佐藤')}&department=${encodeURIComponent('製品')}`)).toEqual([]);
    expect((await list(`meetingDepartment=${encodeURIComponent('営業')}`)).length).toBe(2);
    const due = (await apiGet(t, '/api/action-items/due?days=7')).json;
    expect(due.items.map((i: any) => [i.title, i.overdue])).toEqual([['見積もりを送る', true], ['今週の資料', false]]);
    expect(due.total).toEqual({ count: 2, capped: false });
  });
});
