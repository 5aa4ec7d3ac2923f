/**
 * Integration: rating a meeting at its end, on a real server. One vote per participant (a second
 * replaces the first), never before the end, never by an observer; anonymous: nobody is told
 * another's score, the total appears only from three votes, and the stored rows hold no principal,
 * name or time. Not in the shared document.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startMeeting, type MeetingView, type Series } from '@suishin/shared';
import type { RatingResponse } from '@suishin/shared/protocol';
import { changeMeeting } from '../testing/closingHelpers';
import { adminHeaders, createRoleLink, signIn } from '../testing/serverAccess';
import { startTestServer, type TestServer } from '../testing/testServer';

async function api<T = any>(t: TestServer, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${t.httpUrl}${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json', origin: t.httpUrl },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

async function meetingOfBody(t: TestServer) {
  const admin = adminHeaders(t);
  const series = (await api<Series>(t, 'POST', '/api/series', admin, { name: '振り返り', decisionFunction: 'agree' })).json;
  const meetingId = (await api(t, 'POST', `/api/series/${series.id}/next`, admin, {})).json.meetingId as string;
  const person = async (role: 'participant' | 'observer', name: string) => ({ cookie: await signIn(t, (await createRoleLink(t, meetingId, role)).token, name) });
  return { admin, meetingId, seriesId: series.id, person };
}

describe('meeting ratings', () => {
  it('one vote per participant, only once the meeting has ended, never by an observer; bad scores get 400', async () => {
    const t = await startTestServer();
    const { admin, meetingId, person } = await meetingOfBody(t);
    const pat = await person('participant', 'Pat');
    const olivia = await person('observer', 'Olivia');
    await changeMeeting(t, meetingId, (doc) => startMeeting(doc, Date.now()));

    const early = await api(t, 'PUT', `/api/meetings/${meetingId}/rating`, pat, { score: 4 });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toMatch(/ended/);
    expect((await api<RatingResponse>(t, 'GET', `/api/meetings/${meetingId}/rating`, pat)).json).toEqual({ mine: null, figures: { votes: 0, average: null }, canRate: false });

    expect((await api(t, 'POST', `/api/meetings/${meetingId}/end`, admin, {})).status).toBe(200);
    for (const bad of [{ score: 0 }, { score: 6 }, { score: 2.5 }, { score: '5' }, {}, { score: 3, who: 'me' }, 'not json']) {
      const res = await api(t, 'PUT', `/api/meetings/${meetingId}/rating`, pat, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json.error.code).toBe('invalid_input');
    }
    const byObserver = await api(t, 'PUT', `/api/meetings/${meetingId}/rating`, olivia, { score: 1 });
    expect(byObserver.status).toBe(403);
    expect((await api<RatingResponse>(t, 'GET', `/api/meetings/${meetingId}/rating`, olivia)).json).toMatchObject({ canRate: false, mine: null, figures: { votes: 0 } });

    expect((await api<RatingResponse>(t, 'PUT', `/api/meetings/${meetingId}/rating`, pat, { score: 2 })).json).toEqual({ mine: 2, figures: { votes: 1, average: null }, canRate: true });
    // Voting again changes the vote, not the count.
    expect((await api<RatingResponse>(t, 'PUT', `/api/meetings/${meetingId}/rating`, pat, { score: 5 })).json).toEqual({ mine: 5, figures: { votes: 1, average: null }, canRate: true });
    // Nobody outside the meeting can rate it.
    const other = await meetingOfBody(t);
    const stranger = await other.person('participant', 'Sam');
    expect((await api(t, 'PUT', `/api/meetings/${meetingId}/rating`, stranger, { score: 1 })).status).toBe(403);
  });

  it('is anonymous: each sees only their own score, the total from three votes, and nothing stored names a voter', async () => {
    const t = await startTestServer();
    const { admin, meetingId, person } = await meetingOfBody(t);
    const pat = await person('participant', 'Pat');
    const kim = await person('participant', 'Kim');
    await changeMeeting(t, meetingId, (doc) => startMeeting(doc, Date.now()));
    expect((await api(t, 'POST', `/api/meetings/${meetingId}/end`, admin, {})).status).toBe(200);

    await api(t, 'PUT', `/api/meetings/${meetingId}/rating`, pat, { score: 5 });
    const second = await api<RatingResponse>(t, 'PUT', `/api/meetings/${meetingId}/rating`, kim, { score: 1 });
    // Two votes: no figure from which one could tell the other's score.
    expect(second.json).toEqual({ mine: 1, figures: { votes: 2, average: null }, canRate: true });
    const third = await api<RatingResponse>(t, 'PUT', `/api/meetings/${meetingId}/rating`, admin, { score: 3 });
    expect(third.json).toEqual({ mine: 3, figures: { votes: 3, average: 3 }, canRate: true });
    expect((await api<RatingResponse>(t, 'GET', `/api/meetings/${meetingId}/rating`, pat)).json.mine).toBe(5);
    expect((await api<RatingResponse>(t, 'GET', `/api/meetings/${meetingId}/rating`, kim)).json.mine).toBe(1);

    // Not in the shared document.
    const view = (await api<MeetingView>(t, 'GET', `/api/meetings/${meetingId}`, admin)).json;
    expect(JSON.stringify(view)).not.toMatch(/rating|score/i);
    // Stored as meeting, voter digest and score only: no principal, name, session or time.
    await t.server.close();
    const db = new Database(join(t.dataDir, 'suishin.sqlite'), { readonly: true });
    const columns = (db.prepare('PRAGMA table_info(meeting_ratings)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(['meeting_id', 'voter', 'score']);
    const rows = db.prepare('SELECT voter FROM meeting_ratings').all() as Array<{ voter: string }>;
    expect(rows).toHaveLength(3);
    const stored = JSON.stringify(rows);
    for (const secret of ['Pat', 'Kim', pat.cookie, kim.cookie, t.adminToken]) expect(stored).not.toContain(secret);
    db.close();
  });
});
