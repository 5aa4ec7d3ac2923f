import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  addActionItem,
  addAgendaItem,
  addAttendee,
  addDecision,
  getActionItem,
  getClosingNotes,
  toMeetingView,
  type ExternalRef,
} from '@suishin/shared';
import { formats } from '@suishin/shared/export';
import { changeMeeting, openProjectionReader, postJson } from '../testing/closingHelpers';
import { loadExportSettings, type ExportSettings } from '../closing/exportSettings';
import { startTrackerServer, type RecordedRequest } from '../integrations/trackerTestServer';
import { docFromStored } from '../meetings/storedDocument';
import { connectStockClient, waitForDoc } from '../testing/syncClients';
import { adminHeaders, bearer, createRoleLink } from '../testing/serverAccess';
import { createMeetingViaApi, startTestServer } from '../testing/testServer';

const TITLE = '週次定例, "営業×プロダクト"';
const FORMULA = '=HYPERLINK("http://evil.example","詳細")';

function settings(env: Record<string, string>, extra: Partial<ExportSettings> = {}): ExportSettings {
  const { problems, ...loaded } = loadExportSettings(env);
  expect(problems).toEqual([]);
  return { ...loaded, retry: { baseDelayMs: 5, maxDelayMs: 20 }, minIntervalMs: 0, ...extra };
}

async function seededMeeting(t: Awaited<ReturnType<typeof startTestServer>>) {
  const id = await createMeetingViaApi(t, TITLE);
  const ids: string[] = [];
  await changeMeeting(t, id, (doc) => {
    addAttendee(doc, { name: '<b>Kim</b>', department: 'R&D' });
    const item = addAgendaItem(doc, { title: '受注見込み', presenter: '山田' });
    const decision = addDecision(doc, { text: '価格改定を7月に実施', decidedBy: '部長', agendaItemId: item });
    ids.push(
      addActionItem(doc, { title: '見積書を送る, "至急"', owner: { name: '山田 太郎', department: '営業部' }, dueDate: '2025-07-10', link: { kind: 'decision', id: decision } }),
      addActionItem(doc, { title: FORMULA, owner: { name: '佐藤', department: 'プロダクト部' }, dueDate: '2025-07-31' }),
      addActionItem(doc, { title: 'Line one\nline two', owner: { name: 'Kim', department: 'CS' }, dueDate: '2025-08-01' }),
      addActionItem(doc, { title: 'Dropped one', status: 'dropped' }),
    );
  });
  return { id, actionItems: ids };
}

function fileNames(disposition: string | null) {
  const ascii = /filename="([^"]+)"/.exec(disposition ?? '')?.[1];
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '')?.[1];
  return { ascii, utf8: utf8 ? decodeURIComponent(utf8) : undefined };
}

describe('GET /api/meetings/:id/export/:format', () => {
  it('serves every format of the registry with its type, a file name in both forms, and a body that parses', async () => {
    const t = await startTestServer({ deps: { exportSettings: settings({ PUBLIC_URL: 'https://suishin.example.co.jp/app/' }) } });
    const { id } = await seededMeeting(t);
    const link = `https://suishin.example.co.jp/app/meetings/${id}`;

    for (const format of formats) {
      const res = await fetch(`${t.httpUrl}/api/meetings/${id}/export/${format.id}`, { headers: adminHeaders(t) });
      expect(res.status, format.id).toBe(200);
      expect(res.headers.get('content-type'), format.id).toBe(format.mediaType);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const disposition = res.headers.get('content-disposition');
      expect(disposition, format.id).toMatch(/^attachment; /);
      const names = fileNames(disposition);
      expect(names.ascii, format.id).toMatch(new RegExp(`^meeting-[A-Za-z0-9_-]+\\.${format.fileExtension}$`));
      expect(names.utf8, format.id).toMatch(/^週次定例, 営業×プロダクト_/); // the title without the quotes a file name cannot hold
      expect(names.utf8!.endsWith(`.${format.fileExtension}`)).toBe(true);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

      if (format.mediaType.startsWith('text/csv')) {
        expect([...bytes.slice(0, 3)], `${format.id} starts with a BOM`).toEqual([0xef, 0xbb, 0xbf]);
        const [header, ...rows] = parse(text.slice(1), { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
        expect(rows, format.id).toHaveLength(3); // the dropped item is left out
        const cells = rows.flat().join('\n');
        expect(cells).toContain('見積書を送る, "至急"');
        expect(cells).toContain(`'${FORMULA}`); // neutralised, never a formula
        expect(cells).toContain(link);
        expect(header!.length).toBeGreaterThan(2);
      } else if (format.id === 'action-items-json') {
        const json = JSON.parse(text) as { meeting: { title: string; url: string }; actionItems: unknown[] };
        expect(json.meeting).toMatchObject({ title: TITLE, url: link });
        expect(json.actionItems).toHaveLength(4);
      } else if (format.id === 'action-items-ics') {
        expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
        expect(text.match(/^BEGIN:VTODO|^BEGIN:VEVENT/gm)).toHaveLength(3);
      } else if (format.id === 'minutes-html') {
        expect(text).toContain('週次定例, &quot;営業×プロダクト&quot;');
        expect(text).not.toContain('<b>Kim</b>');
        expect(res.headers.get('content-security-policy')).toContain('sandbox');
      } else {
        expect(text).toContain('価格改定を7月に実施');
        expect(text).toContain(link);
      }
    }
  });

  it('writes in the language asked for, links to the request origin without PUBLIC_URL, and serves the minutes inline on request', async () => {
    const t = await startTestServer({ deps: { exportSettings: settings({}) } });
    const { id } = await seededMeeting(t);
    const ja = await (await fetch(`${t.httpUrl}/api/meetings/${id}/export/minutes-markdown`, { headers: adminHeaders(t) })).text();
    expect(ja).toContain('決定事項');
    expect(ja).toContain(`${t.httpUrl}/meetings/${id}`);
    const en = await fetch(`${t.httpUrl}/api/meetings/${id}/export/minutes-markdown?language=en`, { headers: adminHeaders(t) });
    expect(en.headers.get('content-language')).toBe('en');
    expect(await en.text()).toContain('Decisions');
    expect(fileNames(en.headers.get('content-disposition')).utf8).toMatch(/_minutes(_\d{4}-\d{2}-\d{2})?\.md$/);
    const inline = await fetch(`${t.httpUrl}/api/meetings/${id}/export/minutes-html?disposition=inline`, { headers: adminHeaders(t) });
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; /);
  });

  it('answers 404 for an unknown format or meeting and 400 for an unknown language', async () => {
    const t = await startTestServer({ deps: { exportSettings: settings({}) } });
    const id = await createMeetingViaApi(t);
    expect((await fetch(`${t.httpUrl}/api/meetings/${id}/export/pdf`, { headers: adminHeaders(t) })).status).toBe(404);
    expect((await fetch(`${t.httpUrl}/api/meetings/nope/export/jira-csv`, { headers: adminHeaders(t) })).status).toBe(404);
    const bad = await fetch(`${t.httpUrl}/api/meetings/${id}/export/jira-csv?language=fr`, { headers: adminHeaders(t) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('language');
  });
});

describe('tracker push through the REST API', () => {
  const TOKEN = 'ghp_restTOKEN_0123456789abcdef';

  it('previews without sending, creates each item once, writes the keys back, and a repeated push creates nothing new', async () => {
    const titleOf = (r: RecordedRequest) => (r.body as { title?: string } | undefined)?.title ?? '';
    let n = 100;
    const attempts = new Map<string, number>();
    const tracker = await startTrackerServer((request) => {
      const title = titleOf(request);
      const attempt = (attempts.get(title) ?? 0) + 1;
      attempts.set(title, attempt);
      if (title === FORMULA && attempt === 1) return { status: 503, body: 'try again' }; // retried
      if (title.startsWith('Line one') && attempt <= 2) return { status: 422, body: { message: 'Validation Failed' } };
      n += 1;
      return { status: 201, body: { number: n, html_url: `https://github.com/octo/demo/issues/${n}` } };
    });
    try {
      const t = await startTestServer({
        deps: {
          exportSettings: settings({
            GITHUB_TOKEN: TOKEN,
            GITHUB_REPO: 'octo/demo',
            GITHUB_API_URL: tracker.url,
            GITHUB_ASSIGNEES: JSON.stringify({ '山田 太郎': 'yamada-gh' }),
            PUBLIC_URL: 'https://suishin.example.co.jp',
          }),
        },
      });
      const { id, actionItems } = await seededMeeting(t);
      const client = await connectStockClient(t, id);

      const list = (await (await fetch(`${t.httpUrl}/api/meetings/${id}/trackers`, { headers: adminHeaders(t) })).json()) as { trackers: unknown[] };
      expect(list.trackers).toEqual([
        { tracker: 'github', state: 'configured', destination: 'octo/demo' },
        { tracker: 'jira', state: 'not-configured' },
        { tracker: 'linear', state: 'not-configured' },
      ]);

      const previewRes = await fetch(`${t.httpUrl}/api/meetings/${id}/trackers/github/preview`, { headers: adminHeaders(t) });
      const previewText = await previewRes.text();
      expect(previewRes.status).toBe(200);
      expect(previewText).not.toContain(TOKEN);
      const preview = JSON.parse(previewText) as { destination: string; toCreate: number; items: { action: string; draft?: { assignee: string | null } }[] };
      expect(preview.destination).toBe('octo/demo');
      expect(preview.toCreate).toBe(3);
      expect(preview.items.map((i) => i.action)).toEqual(['create', 'create', 'create', 'skip']);
      expect(preview.items[0]?.draft?.assignee).toBe('yamada-gh');
      expect(tracker.requests).toHaveLength(0); // nothing sent

      const first = (await (await postJson(`${t.httpUrl}/api/meetings/${id}/trackers/github/push`, {}, adminHeaders(t))).json()) as {
        created: number;
        failed: number;
        skipped: number;
        outcomes: { actionItemId: string; status: string; reason?: string; ref?: ExternalRef }[];
        notRecorded: unknown[];
      };
      expect(first).toMatchObject({ created: 2, failed: 1, skipped: 1, notRecorded: [] });
      expect(first.outcomes.map((o) => o.status)).toEqual(['created', 'created', 'failed', 'skipped']);
      expect(first.outcomes[2]?.reason).toContain('422');
      expect(JSON.stringify(first)).not.toContain(TOKEN);

      // The documented request: method, path, headers, body with the due date and the link back.
      const sent = tracker.requests.find((r) => titleOf(r) === '見積書を送る, "至急"')!;
      expect(sent.method).toBe('POST');
      expect(sent.path).toBe('/repos/octo/demo/issues');
      expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(sent.body).toMatchObject({ assignees: ['yamada-gh'], labels: ['meeting-action'] });
      expect((sent.body as { body: string }).body).toContain('2025');
      expect((sent.body as { body: string }).body).toContain(`https://suishin.example.co.jp/meetings/${id}`);

      // The keys are written back through the room: every client has them, and so has the store.
      await waitForDoc(client.doc, (d) => getActionItem(d, actionItems[1]!)?.externalRefs.length === 1, 'client has the keys');
      expect(getActionItem(client.doc, actionItems[0]!)?.externalRefs).toEqual([
        { tracker: 'github', key: '101', url: 'https://github.com/octo/demo/issues/101' },
      ]);
      await t.server.store.flush();
      const stored = docFromStored((await t.server.store.loadMeeting(id))!);
      expect(toMeetingView(stored, id).actionItems.map((a) => a.externalRefs.length)).toEqual([1, 1, 0, 0]);
      expect(getClosingNotes(stored).overrides).toEqual([]);
      stored.destroy();
      // The meeting has not ended: it is listed in the projection, its contents (keys included) are projected when it ends.
      const db = openProjectionReader(t.dataDir);
      expect(db.prepare('SELECT key FROM proj_action_item_refs WHERE meeting_id = ? ORDER BY key').all(id)).toEqual([]);
      expect(db.prepare('SELECT status FROM proj_meetings WHERE meeting_id = ?').all(id)).toEqual([{ status: 'draft' }]);

      // Again: the two created are skipped, the failed one is tried once more (and fails again).
      const requestsBefore = tracker.requests.length;
      const second = (await (await postJson(`${t.httpUrl}/api/meetings/${id}/trackers/github/push`, {}, adminHeaders(t))).json()) as typeof first;
      expect(second).toMatchObject({ created: 0, skipped: 3, failed: 1 });
      expect(second.outcomes.filter((o) => o.status === 'skipped').map((o) => o.ref?.key ?? null)).toEqual(['101', '102', null]);
      expect(tracker.requests.slice(requestsBefore).map(titleOf)).toEqual(['Line one\nline two']);

      // Two pushes at once still create each issue once: they run one after the other.
      const [a, b] = await Promise.all([
        postJson(`${t.httpUrl}/api/meetings/${id}/trackers/github/push`, {}, adminHeaders(t)).then((r) => r.json() as Promise<typeof first>),
        postJson(`${t.httpUrl}/api/meetings/${id}/trackers/github/push`, {}, adminHeaders(t)).then((r) => r.json() as Promise<typeof first>),
      ]);
      expect(a.created + b.created).toBe(1);
      expect(tracker.requests.filter((r) => titleOf(r).startsWith('Line one'))).toHaveLength(3);
    } finally {
      await tracker.close();
    }
  });

  it('says when a tracker is not configured or misconfigured, without secrets', async () => {
    const t = await startTestServer({
      deps: {
        exportSettings: {
          ...loadExportSettings({ JIRA_BASE_URL: 'http://jira.example.com', JIRA_EMAIL: 'a@b.c', JIRA_API_TOKEN: 'secret-jira-token', JIRA_PROJECT: 'OPS' }),
        },
      },
    });
    const id = await createMeetingViaApi(t);
    const github = await fetch(`${t.httpUrl}/api/meetings/${id}/trackers/github/preview`, { headers: adminHeaders(t) });
    expect(github.status).toBe(409);
    expect(((await github.json()) as { error: { message: string } }).error.message).toBe('github is not configured on this server');
    const jira = await postJson(`${t.httpUrl}/api/meetings/${id}/trackers/jira/push`, {}, adminHeaders(t));
    expect(jira.status).toBe(503);
    const text = await jira.text();
    expect(text).toContain('must use https');
    expect(text).not.toContain('secret-jira-token');
    expect((await fetch(`${t.httpUrl}/api/meetings/${id}/trackers/asana/preview`, { headers: adminHeaders(t) })).status).toBe(404);
  });
});

describe('who may close and export', () => {
  it('ending, tracker files, previews and pushes are for facilitators; the minutes for everyone with access', async () => {
    const t = await startTestServer({
      deps: { exportSettings: settings({ GITHUB_TOKEN: 'ghp_roleTOKEN_0123456789', GITHUB_REPO: 'octo/demo', GITHUB_API_URL: 'http://127.0.0.1:9' }) },
    });
    const id = await createMeetingViaApi(t, TITLE);
    const participant = bearer((await createRoleLink(t, id, 'participant')).token);
    const observer = bearer((await createRoleLink(t, id, 'observer')).token);
    const facilitator = bearer((await createRoleLink(t, id, 'facilitator')).token);
    const get = (path: string, headers: Record<string, string>) => fetch(`${t.httpUrl}/api/meetings/${id}${path}`, { headers });

    for (const headers of [participant, observer]) {
      expect((await postJson(`${t.httpUrl}/api/meetings/${id}/end`, {}, headers)).status).toBe(403);
      expect((await get('/export/jira-csv', headers)).status).toBe(403);
      expect((await get('/trackers', headers)).status).toBe(403);
      expect((await get('/trackers/github/preview', headers)).status).toBe(403);
      expect((await postJson(`${t.httpUrl}/api/meetings/${id}/trackers/github/push`, {}, headers)).status).toBe(403);
      expect((await get('/export/minutes-markdown', headers)).status).toBe(200);
      expect((await get('/export/minutes-html', headers)).status).toBe(200);
      expect((await get('/closing', headers)).status).toBe(200);
    }
    expect((await get('/export/minutes-markdown', {})).status).toBe(401);
    expect((await get('/trackers/github/preview', facilitator)).status).toBe(200);
    expect((await get('/export/action-items-ics', facilitator)).status).toBe(200);
    expect((await postJson(`${t.httpUrl}/api/meetings/${id}/end`, {}, facilitator)).status).toBe(200);
  });
});
