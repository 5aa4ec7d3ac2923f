/**
 * /api/series shows a caller only what their links open, like search and the archive: a series
 * appears when one of its meetings is theirs, with only those meetings; other series do not exist
 * for them. The workspace admin sees everything.
 */
import { describe, expect, it } from 'vitest';
import { startMeeting } from '@suishin/shared';
import { adminHeaders, createRoleLink, signIn } from '../testing/serverAccess';
import { startTestServer, type TestServer } from '../testing/testServer';

async function api(t: TestServer, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${t.httpUrl}${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json', origin: t.httpUrl },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

describe('series visibility', () => {
  it('a participant of one meeting of series A sees A with that meeting only, and not series B', async () => {
    const t = await startTestServer();
    const admin = adminHeaders(t);
    const seriesA = (await api(t, 'POST', '/api/series', admin, { name: 'Sales × Product', departments: ['Sales'], agendaTemplate: [{ title: 'Numbers', timeboxMinutes: 10 }] })).json.id as string;
    const seriesB = (await api(t, 'POST', '/api/series', admin, { name: 'Board: restructuring', departments: ['Board'], agendaTemplate: [] })).json.id as string;
    const a1 = (await api(t, 'POST', `/api/series/${seriesA}/next`, admin, {})).json.meetingId as string;
    await t.server.rooms.withRoom(a1, (room) => room.applyServerChange((doc) => startMeeting(doc, Date.now())));
    const a2 = (await api(t, 'POST', `/api/series/${seriesA}/next`, admin, {})).json.meetingId as string;
    const b1 = (await api(t, 'POST', `/api/series/${seriesB}/next`, admin, {})).json.meetingId as string;
    expect(new Set([a1, a2, b1]).size).toBe(3);

    const link = await createRoleLink(t, a2, 'participant');
    const participant = { cookie: await signIn(t, link.token, 'Pat') };

    const list = await api(t, 'GET', '/api/series', participant);
    expect(list.status).toBe(200);
    expect(list.json.series.map((s: { id: string }) => s.id)).toEqual([seriesA]);
    expect(list.json.series[0]).toMatchObject({ name: 'Sales × Product', agendaTemplate: [{ title: 'Numbers' }] });

    const a = await api(t, 'GET', `/api/series/${seriesA}`, participant);
    expect(a.status).toBe(200);
    expect(a.json.meetingIds).toEqual([a2]);

    const b = await api(t, 'GET', `/api/series/${seriesB}`, participant);
    expect(b.status).toBe(404);
    expect(JSON.stringify(b.json)).not.toContain('Board');
    // The same answer as for a series that does not exist at all.
    expect((await api(t, 'GET', '/api/series/no-such-series', participant)).json.error.message).toBe('unknown series no-such-series');

    // A link-token bearer (a script) gets the same view.
    const bearerList = await api(t, 'GET', '/api/series', { authorization: `Bearer ${link.token}` });
    expect(bearerList.json.series.map((s: { id: string }) => s.id)).toEqual([seriesA]);

    // The admin sees both series and every meeting.
    expect((await api(t, 'GET', '/api/series', admin)).json.series.map((s: { id: string }) => s.id).sort()).toEqual([seriesA, seriesB].sort());
    expect(new Set((await api(t, 'GET', `/api/series/${seriesA}`, admin)).json.meetingIds)).toEqual(new Set([a1, a2]));
  });
});
