import type { ActionItem, MeetingView } from '@suishin/shared';
import { sampleMeeting, SAMPLE_MEETING_URL_BASE } from '@suishin/shared/export/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { linearIssueId } from './linearIssues';
import { pushActionItems, type PushResult } from './pushActionItems';
import { recordingSleep } from './testScript';
import { startTrackerServer, type RecordedRequest, type ScriptedResponse, type TrackerTestServer } from './trackerTestServer';

const API_KEY = 'lin_api_TESTKEY0123456789';
const TEAM = '9cfb482a-81e3-4154-b5b9-2c805e70a02d';

interface GraphqlBody {
  query: string;
  variables: { input?: Record<string, unknown>; id?: string };
}
const bodyOf = (r: RecordedRequest) => r.body as GraphqlBody;

let server: TrackerTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function withRefs(view: MeetingView, result: PushResult): MeetingView {
  const refs = new Map(result.refsToWrite.map((r) => [r.actionItemId, r.externalRefs]));
  return { ...view, actionItems: view.actionItems.map((a): ActionItem => ({ ...a, externalRefs: refs.get(a.id) ?? a.externalRefs })) };
}

/**
 * A small Linear: issueCreate stores issues by the client-chosen id and refuses a second one with
 * the same id; issue(id) finds them; an unknown assignee is refused. Other faults are scripted
 * per action item id and attempt.
 */
function fakeLinear(faults: Record<string, ScriptedResponse[]>) {
  const issues = new Map<string, { identifier: string; url: string }>();
  const idToItem = new Map(['a1', 'a2', 'a3', 'a4', 'a5'].map((a) => [linearIssueId('mtg-2025-07-01', a), a]));
  const used = new Map<string, number>();
  return (request: RecordedRequest): ScriptedResponse => {
    const { query, variables } = bodyOf(request);
    if (query.includes('issue(id: $id)')) {
      const issue = issues.get(variables.id ?? '');
      return { status: 200, body: { data: { issue: issue ? { id: variables.id, ...issue } : null } } };
    }
    const input = variables.input!;
    const item = idToItem.get(String(input.id)) ?? '?';
    const n = used.get(item) ?? 0;
    used.set(item, n + 1);
    if (input.assigneeId === 'user-missing') {
      return { status: 400, body: { errors: [{ message: 'Entity not found: assigneeId', extensions: { code: 'INVALID_INPUT' } }] } };
    }
    const fault = faults[item]?.[n];
    if (fault && fault.status !== 0) return fault;
    if (issues.has(String(input.id))) {
      return { status: 400, body: { errors: [{ message: 'Entity already exists', extensions: { code: 'INVALID_INPUT' } }] } };
    }
    const identifier = `ENG-${issues.size + 1}`;
    const issue = { identifier, url: `https://linear.app/acme/issue/${identifier}` };
    issues.set(String(input.id), issue);
    // status 0 in a script: create the issue, then answer with a server error (a lost response).
    if (fault) return { status: 500, body: { errors: [{ message: 'Internal error' }] } };
    return { status: 200, body: { data: { issueCreate: { success: true, issue: { id: input.id, ...issue } } } } };
  };
}

describe('Linear push against a local server', () => {
  it('sends issueCreate with a stable id, retries RATELIMITED, recovers a lost response, reports errors', async () => {
    const meeting = sampleMeeting();
    server = await startTrackerServer(
      fakeLinear({
        a3: [{ status: 400, headers: { 'Retry-After': '2' }, body: { errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATELIMITED' } }] } }],
        a4: [{ status: 0 }],
      }),
    );
    const { sleep, waits } = recordingSleep();
    const options = {
      tracker: { tracker: 'linear' as const, apiKey: API_KEY, teamId: TEAM, assigneeIds: { '山田 太郎': 'user-yamada', '佐藤 花子': 'user-missing' } },
      apiBaseUrl: server.url,
      meetingUrlBase: SAMPLE_MEETING_URL_BASE,
      sleep,
      random: () => 0.5,
    };

    const first = await pushActionItems({ ...options, meeting });

    expect(first.outcomes.map((o) => [o.actionItemId, o.status])).toEqual([
      ['a1', 'created'],
      ['a2', 'failed'],
      ['a3', 'created'],
      ['a4', 'created'],
      ['a5', 'skipped'],
    ]);
    expect(first.outcomes[0]).toMatchObject({ ref: { tracker: 'linear', key: 'ENG-1', url: 'https://linear.app/acme/issue/ENG-1' } });
    expect(first.outcomes[1]).toMatchObject({ httpStatus: 400, reason: 'Linear 400: Entity not found: assigneeId' });
    // a4: the first response was lost (500) after Linear created the issue; the retry was refused
    // as a duplicate id, and issue(id) found it: created once, reported once.
    expect(first.outcomes[3]).toMatchObject({ status: 'created', recovered: true, ref: { key: 'ENG-3' } });
    expect(waits).toEqual([2000, 750]);

    const creates = server.requests.filter((r) => bodyOf(r).query.includes('issueCreate'));
    for (const request of server.requests) {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/graphql');
      expect(request.headers.authorization).toBe(API_KEY);
      expect(request.headers['content-type']).toBe('application/json');
    }
    const input = bodyOf(creates[0]!).variables.input!;
    expect(bodyOf(creates[0]!).query).toContain('issueCreate(input: $input)');
    expect(input).toEqual({
      id: linearIssueId('mtg-2025-07-01', 'a1'),
      teamId: TEAM,
      title: meeting.actionItems[0]!.title,
      description: expect.stringContaining('* **会議:** [週次定例, "営業×プロダクト" (2025年7月1日(火) 10:02 日本標準時)](<https://suishin.example.co.jp/meetings/mtg-2025-07-01>)'),
      assigneeId: 'user-yamada',
      dueDate: '2025-07-15',
    });
    const a3 = creates.map((r) => bodyOf(r).variables.input!).filter((i) => i.id === linearIssueId('mtg-2025-07-01', 'a3'));
    expect(a3).toHaveLength(2);
    expect(a3[0]).not.toHaveProperty('assigneeId');
    expect(a3[0]).not.toHaveProperty('dueDate');

    const second = await pushActionItems({ ...options, meeting: withRefs(meeting, first) });
    expect(second.outcomes.map((o) => o.status)).toEqual(['skipped', 'failed', 'skipped', 'skipped', 'skipped']);
    const sent = server.requests.length;
    // With the failing mapping fixed, a2 is created and the next export sends nothing.
    const fixed = { ...options, tracker: { ...options.tracker, assigneeIds: { '山田 太郎': 'user-yamada' } } };
    const third = await pushActionItems({ ...fixed, meeting: withRefs(meeting, first) });
    expect(third.outcomes.map((o) => o.status)).toEqual(['skipped', 'created', 'skipped', 'skipped', 'skipped']);
    const fourth = await pushActionItems({ ...fixed, meeting: withRefs(withRefs(meeting, first), third) });
    expect(fourth.created).toBe(0);
    expect(server.requests.length).toBeGreaterThan(sent);
    expect(server.requests.filter((r) => bodyOf(r).query.includes('issueCreate')).length).toBe(creates.length + 2);
  });

  it('uses "Bearer" for OAuth tokens, and derives ids from the meeting and item only', async () => {
    server = await startTrackerServer(() => ({
      status: 200,
      body: { data: { issueCreate: { success: true, issue: { id: 'x', identifier: 'ENG-9', url: 'https://linear.app/a/issue/ENG-9' } } } },
    }));
    const meeting = sampleMeeting();
    meeting.actionItems = [meeting.actionItems[0]!];
    await pushActionItems({
      meeting,
      tracker: { tracker: 'linear', apiKey: 'oauth-token-xyz', oauth: true, teamId: TEAM },
      apiBaseUrl: server.url,
      meetingUrlBase: SAMPLE_MEETING_URL_BASE,
    });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer oauth-token-xyz');
    expect(linearIssueId('m1', 'a1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(linearIssueId('m1', 'a1')).toBe(linearIssueId('m1', 'a1'));
    expect(linearIssueId('m1', 'a1')).not.toBe(linearIssueId('m2', 'a1'));
  });
});
