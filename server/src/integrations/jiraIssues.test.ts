import type { ActionItem, MeetingView } from '@suishin/shared';
import { sampleMeeting, SAMPLE_MEETING_URL_BASE } from '@suishin/shared/export/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { adfText } from './atlassianDocument';
import { jiraSummary } from './jiraIssues';
import { pushActionItems, type PushResult } from './pushActionItems';
import { recordingSleep, scriptByItem } from './testScript';
import { startTrackerServer, type RecordedRequest, type TrackerTestServer } from './trackerTestServer';

const EMAIL = 'bot@example.co.jp';
const API_TOKEN = 'ATATT3xFfGF0_test_jira_token';
const ACCOUNT_YAMADA = '5b10a2844c20165700ede21g';

interface JiraBody {
  fields: {
    project: { key: string };
    summary: string;
    issuetype: { name: string };
    description: { type: string; version: number; content: Array<{ type: string; content: Array<Record<string, unknown>> }> };
    assignee?: { accountId: string };
    duedate?: string;
    labels: string[];
  };
}
const fieldsOf = (r: RecordedRequest) => (r.body as JiraBody | undefined)?.fields;

let server: TrackerTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function withRefs(view: MeetingView, result: PushResult): MeetingView {
  const refs = new Map(result.refsToWrite.map((r) => [r.actionItemId, r.externalRefs]));
  return { ...view, actionItems: view.actionItems.map((a): ActionItem => ({ ...a, externalRefs: refs.get(a.id) ?? a.externalRefs })) };
}

describe('Jira Cloud push against a local server', () => {
  it('posts REST v3 fields with an ADF description, retries 429 (HTTP date) and 503, reports a 400', async () => {
    const meeting = sampleMeeting();
    // Jira already has a4 (OPS-7): it must be skipped, not re-created.
    const summaries = meeting.actionItems.map((a) => jiraSummary(a.title));
    const now = Date.parse('2025-07-01T03:00:00Z');
    const created = (key: string) => ({ status: 201, body: { id: '10001', key, self: `https://x/rest/api/3/issue/${key}` } });
    server = await startTrackerServer(
      scriptByItem((r) => fieldsOf(r)?.summary, {
        [summaries[0]!]: [created('OPS-21')],
        [summaries[1]!]: [
          { status: 400, body: { errorMessages: [], errors: { assignee: "User 'sato' cannot be assigned issues." } } },
          created('OPS-24'),
        ],
        [summaries[2]!]: [
          { status: 429, headers: { 'Retry-After': new Date(now + 5000).toUTCString() }, body: { errorMessages: ['Rate limit exceeded'] } },
          created('OPS-22'),
        ],
      }),
    );
    const { sleep, waits } = recordingSleep();
    const options = {
      tracker: {
        tracker: 'jira' as const,
        siteUrl: 'https://example.atlassian.net',
        email: EMAIL,
        apiToken: API_TOKEN,
        projectKey: 'OPS',
        accountIds: { '山田 太郎': ACCOUNT_YAMADA, '佐藤 花子': 'sato' },
      },
      apiBaseUrl: server.url,
      meetingUrlBase: SAMPLE_MEETING_URL_BASE,
      sleep,
      now: () => now,
      random: () => 0.5,
    };

    const first = await pushActionItems({ ...options, meeting });

    expect(first.outcomes.map((o) => [o.actionItemId, o.status])).toEqual([
      ['a1', 'created'],
      ['a2', 'failed'],
      ['a3', 'created'],
      ['a4', 'skipped'],
      ['a5', 'skipped'],
    ]);
    expect(first.outcomes[0]).toMatchObject({ ref: { tracker: 'jira', key: 'OPS-21', url: `${server.url}/browse/OPS-21` } });
    expect(first.outcomes[1]).toMatchObject({ httpStatus: 400, reason: "Jira 400: assignee: User 'sato' cannot be assigned issues." });
    expect(first.outcomes[3]).toMatchObject({ reason: 'already_exported', ref: { key: 'OPS-7' } });
    expect(waits).toEqual([5000]);

    const expectedAuth = `Basic ${Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64')}`;
    for (const request of server.requests) {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/rest/api/3/issue');
      expect(request.headers.authorization).toBe(expectedAuth);
      expect(request.headers.accept).toBe('application/json');
      expect(request.headers['content-type']).toBe('application/json');
    }
    const a1 = fieldsOf(server.requests[0]!)!;
    expect(a1).toMatchObject({
      project: { key: 'OPS' },
      summary: meeting.actionItems[0]!.title,
      issuetype: { name: 'Task' },
      assignee: { accountId: ACCOUNT_YAMADA },
      duedate: '2025-07-15',
      labels: ['meeting-action'],
    });
    expect(a1.description.type).toBe('doc');
    expect(a1.description.version).toBe(1);
    expect(a1.description.content[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '会議: ', marks: [{ type: 'strong' }] },
        {
          type: 'text',
          text: '週次定例, "営業×プロダクト" (2025年7月1日(火) 10:02 日本標準時)',
          marks: [{ type: 'link', attrs: { href: 'https://suishin.example.co.jp/meetings/mtg-2025-07-01' } }],
        },
      ],
    });
    expect(a1.description.content.map((p) => (p.content[1] as { text?: string }).text)).toContain('価格改定を8月1日から実施する, 対象は全プラン');
    const a3 = fieldsOf(server.requests.find((r) => fieldsOf(r)?.summary === summaries[2])!)!;
    expect(a3.assignee).toBeUndefined();
    expect(a3.duedate).toBeUndefined();
    expect(JSON.stringify(a3.description)).toContain('@SUM(1+1)（経理部） （トラッカーのユーザーに対応付けられていません）');

    const second = await pushActionItems({ ...options, meeting: withRefs(meeting, first) });
    expect(second.outcomes.map((o) => o.status)).toEqual(['skipped', 'created', 'skipped', 'skipped', 'skipped']);
    const sent = server.requests.length;
    const third = await pushActionItems({ ...options, meeting: withRefs(withRefs(meeting, first), second) });
    expect(third.created).toBe(0);
    expect(server.requests).toHaveLength(sent);
  });

  it('retries 503 with growing backoff and gives up after the bounded number of attempts', async () => {
    const meeting = sampleMeeting();
    meeting.actionItems = [meeting.actionItems[0]!];
    server = await startTrackerServer(() => ({ status: 503, body: { errorMessages: ['Service Unavailable'] } }));
    const { sleep, waits } = recordingSleep();
    const result = await pushActionItems({
      meeting,
      tracker: { tracker: 'jira', siteUrl: server.url, email: EMAIL, apiToken: API_TOKEN, projectKey: 'OPS' },
      meetingUrlBase: SAMPLE_MEETING_URL_BASE,
      sleep,
      random: () => 0.5,
    });
    expect(server.requests).toHaveLength(4);
    expect(waits).toEqual([750, 1500, 3000]);
    expect(result.outcomes[0]).toMatchObject({
      status: 'failed',
      httpStatus: 503,
      attempts: 4,
      reason: 'Jira 503: Service Unavailable (gave up after 4 attempts)',
    });
  });
});

describe('ADF text', () => {
  it('turns line breaks into hardBreak nodes and leaves out empty text', () => {
    expect(adfText('a\n\nb')).toEqual([
      { type: 'text', text: 'a' },
      { type: 'hardBreak' },
      { type: 'hardBreak' },
      { type: 'text', text: 'b' },
    ]);
    expect(adfText('')).toEqual([]);
  });

  it('keeps Jira summaries to one line of at most 255 characters', () => {
    expect(jiraSummary('\t先頭タブ\n改行')).toBe('先頭タブ 改行');
    expect([...jiraSummary('あ'.repeat(300))]).toHaveLength(255);
  });
});
