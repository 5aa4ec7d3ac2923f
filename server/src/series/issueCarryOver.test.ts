/**
 * Integration on a real server: an open 課題 of a body's meeting is carried into the next meeting
 * "next" makes, once (a closed one is not), with its root cause, owner and escalation.
 */
import { describe, expect, it } from 'vitest';
import { addIssue, escalateIssue, listIssueOrigins, startMeeting, type MeetingView, type NextMeetingResponse } from '@suishin/shared';
import type * as Y from 'yjs';
import { adminApi } from '../testing/serverAccess';
import { startTestServer, type TestServer } from '../testing/testServer';

const api = adminApi;
const change = <T>(t: TestServer, id: string, f: (doc: Y.Doc) => T) => t.server.rooms.withRoom(id, (room) => room.applyServerChange(f));

describe('課題 across the meetings of a body', () => {
  it('an open 課題 is carried into the next meeting once; a closed one is not', async () => {
    const t = await startTestServer();
    const series = await api(t, 'POST', '/api/series', { name: '週次KPIレビュー', departments: ['営業'], agendaTemplate: [] });
    const seriesId = series.json.id as string;
    const m1 = (await api<NextMeetingResponse>(t, 'POST', `/api/series/${seriesId}/next`, {})).json.meetingId;
    const root = await change(t, m1, (doc) => {
      const id = addIssue(doc, { title: '受注率の低下', rootCause: ['提案が遅い', '承認に3日'], owner: { name: '佐藤', department: '営業' }, severity: 'high' });
      escalateIssue(doc, id, { trigger: 'hand', ask: '人員の追加', tried: '残業', now: 1 });
      addIssue(doc, { title: '解決済み', status: 'closed' });
      startMeeting(doc, Date.now());
      return id;
    });
    await t.server.closing.end(m1);
    const m2 = (await api<NextMeetingResponse>(t, 'POST', `/api/series/${seriesId}/next`, {})).json.meetingId;
    const v2 = (await api<MeetingView>(t, 'GET', `/api/meetings/${m2}`)).json;
    expect(v2.issues.map((i) => [i.title, i.rootCause, i.owner.name, i.raisedInMeetingId])).toEqual([['受注率の低下', ['提案が遅い', '承認に3日'], '佐藤', m1]]);
    expect(v2.issues[0]!.escalation).toMatchObject({ ask: '人員の追加', parentDecision: null });
    const origins = await change(t, m2, (doc) => [...listIssueOrigins(doc).values()]);
    expect(origins?.map((o) => o.root)).toEqual([{ meetingId: m1, issueId: root }]);
    // Asking again for the next meeting returns the same draft without a second copy.
    const again = (await api<NextMeetingResponse>(t, 'POST', `/api/series/${seriesId}/next`, {})).json;
    expect(again.meetingId).toBe(m2);
    expect((await api<MeetingView>(t, 'GET', `/api/meetings/${m2}`)).json.issues).toHaveLength(1);
  });
});
