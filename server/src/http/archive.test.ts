/**
 * Integration: the archive pages with keyset cursors that never skip or repeat a meeting, even
 * while meetings end meanwhile; filters combine; a participant sees only their meetings; the home
 * page's lists are bounded.
 */
import { describe, expect, it } from 'vitest';
import { addActionItem } from '@suishin/shared';
import { allPages, apiGet, makeMeeting } from '../testing/historyFixtures';
import { bearer, createRoleLink, signIn } from '../testing/serverAccess';
import { startTestServer } from '../testing/testServer';

const days = (n: number) => Array.from({ length: n }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`);

describe('GET /api/archive', () => {
  it('pages newest first and never skips or repeats a meeting while meetings are ended meanwhile', async () => {
    const t = await startTestServer();
    const ids: string[] = [];
    for (const [i, day] of days(9).entries()) ids.push(await makeMeeting(t, { title: `定例 ${day}`, day, status: i < 3 ? 'ended' : 'live' }));
    const newestFirst = [...ids].reverse();
    const stillLive = ids.slice(3);

    let ending = 0;
    const all = await allPages<{ id: string; status: string }>(t, '/api/archive?limit=2', 'meetings', async () => {
      if (ending < stillLive.length) await t.server.closing.end(stillLive[ending++]!);
    });
    expect(all.pages).toBe(5);
    expect(all.total).toEqual({ count: 9, capped: false });
    expect(all.rows.map((m) => m.id)).toEqual(newestFirst);

    // Only ended ones: every meeting ended before paging began is there once, in order.
    const before = new Set((await apiGet(t, '/api/archive?status=ended&limit=100')).json.meetings.map((m: { id: string }) => m.id));
    const draft = await makeMeeting(t, { title: 'later draft', day: '2026-01-05' });
    const ended = await allPages<{ id: string }>(t, '/api/archive?status=ended&limit=2', 'meetings', async () => {
      if (ending < stillLive.length) await t.server.closing.end(stillLive[ending++]!);
    });
    const seen = ended.rows.map((m) => m.id);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
    expect(seen).not.toContain(draft);
    expect(seen).toEqual(newestFirst.filter((id) => seen.includes(id)));
  });

  it('combines series, department, date range and status, and lists drafts and live meetings too', async () => {
    const t = await startTestServer();
    const made: Array<{ id: string; series: string; departments: string[]; day: string; status: 'draft' | 'live' | 'ended' }> = [];
    const statuses = ['ended', 'live', 'draft'] as const;
    for (const [i, day] of days(12).entries()) {
      const spec = {
        series: i % 2 ? 'sA' : 'sB',
        departments: i % 3 === 0 ? ['営業'] : i % 3 === 1 ? ['製品'] : ['営業', '製品'],
        day,
        status: statuses[i % 3]!,
      };
      made.push({ ...spec, id: await makeMeeting(t, { title: `m${i}`, seriesId: spec.series, departments: spec.departments, day, status: spec.status }) });
    }
    const expectFilter = async (query: string, keep: (m: (typeof made)[number]) => boolean) => {
      const got = await allPages<{ id: string }>(t, `/api/archive?limit=3&${query}`, 'meetings');
      const want = made.filter(keep).reverse().map((m) => m.id);
      expect(got.rows.map((m) => m.id), query).toEqual(want);
      expect(got.total, query).toEqual({ count: want.length, capped: false });
    };
    await expectFilter('series=sA', (m) => m.series === 'sA');
    await expectFilter(`department=${encodeURIComponent('営業')}`, (m) => m.departments.includes('営業'));
    await expectFilter('status=draft', (m) => m.status === 'draft');
    await expectFilter('from=2026-01-03&to=2026-01-08', (m) => m.day >= '2026-01-03' && m.day <= '2026-01-08');
    await expectFilter(
      `series=sA&department=${encodeURIComponent('製品')}&from=2026-01-02&to=2026-01-11&status=live`,
      (m) => m.series === 'sA' && m.departments.includes('製品') && m.day >= '2026-01-02' && m.day <= '2026-01-11' && m.status === 'live',
    );
    await expectFilter(`department=${encodeURIComponent('営業')}&status=ended&to=2026-01-07`, (m) => m.departments.includes('営業') && m.status === 'ended' && m.day <= '2026-01-07');
    const entry = (await apiGet(t, '/api/archive?limit=1')).json.meetings[0];
    expect(entry).toMatchObject({ title: 'm11', seriesId: 'sA', departments: ['営業', '製品'], heldOn: '2026-01-12', status: 'draft' });
  });

  it('shows a participant only the meetings of their links, in the archive and on the home page', async () => {
    const t = await startTestServer();
    const mine = await makeMeeting(t, { title: 'mine', day: '2026-01-02', status: 'live' });
    await makeMeeting(t, { title: 'not mine', day: '2026-01-03', status: 'live' });
    const { token } = await createRoleLink(t, mine, 'participant');
    const archive = await apiGet(t, '/api/archive', bearer(token));
    expect(archive.json.meetings.map((m: { id: string }) => m.id)).toEqual([mine]);
    expect(archive.json.total).toEqual({ count: 1, capped: false });
    const home = await apiGet(t, '/api/home', bearer(token));
    expect(home.json.live.map((m: { id: string }) => m.id)).toEqual([mine]);
    const meetings = await apiGet(t, '/api/meetings', bearer(token));
    expect(meetings.json.meetings.map((m: { id: string }) => m.id)).toEqual([mine]);
  });
});

describe('GET /api/home', () => {
  it('lists live, upcoming, undated and recent meetings, each bounded, and the open items of the signed-in name', async () => {
    const t = await startTestServer();
    for (let i = 0; i < 7; i++) await makeMeeting(t, { title: `ended ${i}`, day: `2026-01-0${i + 1}`, status: 'ended' });
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const upcomingLater = await makeMeeting(t, { title: 'later', day: later });
    const upcomingSoon = await makeMeeting(t, { title: 'soon', day: soon });
    const undated = await makeMeeting(t, { title: 'no date yet' });
    await makeMeeting(t, { title: 'with items', day: '2026-01-08', status: 'ended', fill: (doc) => {
      addActionItem(doc, { title: 'overdue one', owner: { name: 'Admin', department: '営業' }, dueDate: '2026-01-09' });
      addActionItem(doc, { title: 'someone else', owner: { name: '佐藤', department: '営業' }, dueDate: '2026-01-10' });
    } });
    const home = (await apiGet(t, '/api/home')).json;
    expect(home.upcoming.map((m: { id: string }) => m.id)).toEqual([upcomingSoon, upcomingLater]);
    expect(home.drafts.map((m: { id: string }) => m.id)).toEqual([undated]);
    expect(home.recent.map((m: { title: string }) => m.title)).toEqual(['with items', 'ended 6', 'ended 5', 'ended 4', 'ended 3']);
    expect(home.counts.ended).toEqual({ count: 8, capped: false });
    expect(home.due.overdue).toEqual({ count: 2, capped: false });
    expect(home.due.items.map((i: { title: string }) => i.title)).toEqual(['overdue one', 'someone else']);
    // The admin token has no name: no "mine" list; a session named "Admin" gets its own items.
    expect(home.mine).toBeNull();
    const named = (await apiGet(t, '/api/home', { cookie: await signIn(t, t.adminToken, 'Admin') })).json;
    expect(named.mine.owner).toBe('Admin');
    expect(named.mine.items.map((i: { title: string }) => i.title)).toEqual(['overdue one']);
    expect(named.mine.total).toEqual({ count: 1, capped: false });
  });
});
