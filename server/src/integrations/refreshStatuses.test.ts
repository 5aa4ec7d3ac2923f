/**
 * Integration: exported action items refreshed from a fake GitHub / Jira / Linear (one local
 * server answering all three APIs) on a real server: an issue closed in its tracker shows as done
 * here (also in an ended meeting, and in the carried copy of a series' next meeting); one item's
 * error does not stop the others; only facilitators may ask.
 */
import { describe, expect, it } from 'vitest';
import { addActionItem, addAgendaItem, pauseTimer, startMeeting, updateActionItem, type ExternalRef, type MeetingView } from '@suishin/shared';
import type * as Y from 'yjs';
import { loadExportSettings, type ExportSettings } from '../closing/exportSettings';
import { changeMeeting, postJson } from '../testing/closingHelpers';
import { bearer, createRoleLink } from '../testing/serverAccess';
import { startTestServer, type TestServer } from '../testing/testServer';
import { startTrackerServer } from './trackerTestServer';

/** Exported items: their tracker keys are written after creation, as the push does. */
function addWithRefs(doc: Y.Doc, input: Parameters<typeof addActionItem>[1], refs: ExternalRef[]): string {
  const id = addActionItem(doc, { owner: { name: '佐藤', department: '営業' }, dueDate: '2026-02-27', ...input });
  updateActionItem(doc, id, { externalRefs: refs });
  return id;
}

const admin = (t: TestServer) => ({ authorization: `Bearer ${t.adminToken}` });

function settings(env: Record<string, string>): ExportSettings {
  const { problems, ...loaded } = loadExportSettings(env);
  expect(problems).toEqual([]);
  return { ...loaded, retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 2 }, minIntervalMs: 0 };
}

const ref = (tracker: 'github' | 'jira' | 'linear', key: string) => ({ tracker, key, url: `https://tracker.example/${key}` });

describe('tracker status refresh', () => {
  it('closes here what was closed in GitHub, Jira and Linear, item by item, in ended meetings and carried copies', async () => {
    const github: Record<string, string> = { '7': 'closed', '9': 'open' };
    const tracker = await startTrackerServer((request) => {
      const gh = /^\/repos\/octo\/demo\/issues\/(\d+)$/.exec(request.path);
      if (gh) return github[gh[1]!] ? { status: 200, body: { number: Number(gh[1]), state: github[gh[1]!] } } : { status: 404, body: { message: 'Not Found' } };
      const jira = /^\/rest\/api\/3\/issue\/([^?]+)\?fields=status$/.exec(request.path);
      if (jira) {
        if (jira[1] === 'OPS-2') return { status: 503, body: 'down' };
        return { status: 200, body: { key: jira[1], fields: { status: { name: '完了', statusCategory: { key: jira[1] === 'OPS-1' ? 'done' : 'indeterminate' } } } } };
      }
      if (request.path === '/graphql') {
        const id = (request.body as { variables: { id: string } }).variables.id;
        return { status: 200, body: { data: { issue: { state: { type: id === 'ENG-1' ? 'canceled' : 'completed' } } } } };
      }
      throw new Error(`unexpected ${request.method} ${request.path}`);
    });
    const t = await startTestServer({
      deps: {
        exportSettings: settings({
          GITHUB_TOKEN: 'ghp_statusTOKEN_0123456789', GITHUB_REPO: 'octo/demo', GITHUB_API_URL: tracker.url,
          JIRA_BASE_URL: tracker.url, JIRA_EMAIL: 'pm@example.co.jp', JIRA_API_TOKEN: 'jira-secret-token', JIRA_PROJECT: 'OPS',
          LINEAR_API_KEY: 'lin_api_secret', LINEAR_TEAM_ID: 'team-1', LINEAR_API_URL: tracker.url,
        }),
      },
    });
    try {
      const series = (await (await postJson(`${t.httpUrl}/api/series`, { name: '定例', departments: ['営業'] }, admin(t))).json()) as { id: string };
      const m1 = ((await (await postJson(`${t.httpUrl}/api/series/${series.id}/next`, {}, admin(t))).json()) as { meetingId: string }).meetingId;
      const ids: Record<string, string> = {};
      await changeMeeting(t, m1, (doc) => {
        ids.g7 = addWithRefs(doc, { title: '見積もりを送る', owner: { name: '佐藤', department: '営業' } }, [ref('github', '7')]);
        ids.g8 = addWithRefs(doc, { title: 'Unknown issue' }, [ref('github', '8')]);
        ids.g9 = addWithRefs(doc, { title: 'Still open in GitHub', dueDate: '2026-01-20' }, [ref('github', '9')]);
        ids.j1 = addWithRefs(doc, { title: 'Jira done' }, [ref('jira', 'OPS-1')]);
        ids.j2 = addWithRefs(doc, { title: 'Jira down' }, [ref('jira', 'OPS-2')]);
        ids.j3 = addWithRefs(doc, { title: 'Jira in progress', status: 'in_progress' }, [ref('jira', 'OPS-3')]);
        ids.l1 = addWithRefs(doc, { title: 'Linear canceled' }, [ref('linear', 'ENG-1')]);
        ids.l2 = addWithRefs(doc, { title: 'Linear completed' }, [ref('linear', 'ENG-2')]);
        ids.closed = addWithRefs(doc, { title: 'Already done here', status: 'done' }, [ref('github', '7')]);
        addAgendaItem(doc, { title: 'Status' }); // the first meeting of a series has no follow-up item to run
        startMeeting(doc, Date.parse('2026-01-07T10:00:00+09:00'));
        pauseTimer(doc, Date.parse('2026-01-07T10:00:00+09:00'));
      });
      await t.server.closing.end(m1);

      // Not for participants.
      const participant = bearer((await createRoleLink(t, m1, 'participant')).token);
      expect((await postJson(`${t.httpUrl}/api/meetings/${m1}/trackers/refresh`, {}, participant)).status).toBe(403);

      const res = await postJson(`${t.httpUrl}/api/meetings/${m1}/trackers/refresh`, {}, admin(t));
      expect(res.status).toBe(200);
      const report = (await res.json()) as { checked: number; changed: number; failed: number; items: Array<{ actionItemId: string; trackerState: string; changedTo?: string; error?: string }> };
      expect(report).toMatchObject({ checked: 8, changed: 4, failed: 2 });
      const byId = new Map(report.items.map((i) => [i.actionItemId, i]));
      expect(byId.get(ids.g8!)).toMatchObject({ trackerState: 'error', error: expect.stringContaining('not found') });
      expect(byId.get(ids.j2!)).toMatchObject({ trackerState: 'error' });
      expect(JSON.stringify(report)).not.toMatch(/secret|TOKEN/);
      expect(byId.has(ids.closed!)).toBe(false);

      const view = (await (await fetch(`${t.httpUrl}/api/meetings/${m1}`, { headers: admin(t) })).json()) as MeetingView;
      const status = (id: string) => view.actionItems.find((a) => a.id === id)?.status;
      expect(view.meta.status).toBe('ended');
      expect(status(ids.g7!)).toBe('done');
      expect(status(ids.j1!)).toBe('done');
      expect(status(ids.l1!)).toBe('dropped');
      expect(status(ids.l2!)).toBe('done');
      expect([status(ids.g8!), status(ids.g9!), status(ids.j2!), status(ids.j3!)]).toEqual(['open', 'open', 'open', 'in_progress']);
      // The projection follows (the due list no longer has the closed ones).
      const due = (await (await fetch(`${t.httpUrl}/api/action-items/due?days=365`, { headers: admin(t) })).json()) as { items: Array<{ actionItemId: string }> };
      const dueIds = due.items.map((i) => i.actionItemId);
      expect(dueIds).toContain(ids.g9);
      for (const closed of [ids.g7, ids.j1, ids.l1, ids.l2]) expect(dueIds).not.toContain(closed);

      // The series' next meeting carries the items still open; closing #9 in GitHub, then
      // refreshing the series, closes the original and its carried copy.
      const m2 = ((await (await postJson(`${t.httpUrl}/api/series/${series.id}/next`, {}, admin(t))).json()) as { meetingId: string }).meetingId;
      const carried = ((await (await fetch(`${t.httpUrl}/api/meetings/${m2}`, { headers: admin(t) })).json()) as MeetingView).actionItems;
      const copy = carried.find((a) => a.title === 'Still open in GitHub');
      expect(copy?.status).toBe('open');
      expect(carried.map((a) => a.title)).not.toContain('見積もりを送る');
      github['9'] = 'closed';
      const seriesRefresh = (await (await postJson(`${t.httpUrl}/api/series/${series.id}/refresh`, {}, admin(t))).json()) as { changed: number; failed: number };
      expect(seriesRefresh.changed).toBeGreaterThanOrEqual(2);
      const after = async (id: string) => ((await (await fetch(`${t.httpUrl}/api/meetings/${id}`, { headers: admin(t) })).json()) as MeetingView).actionItems;
      expect((await after(m1)).find((a) => a.id === ids.g9)?.status).toBe('done');
      expect((await after(m2)).find((a) => a.id === copy!.id)?.status).toBe('done');
    } finally {
      await tracker.close();
    }
  });
});
