import type { ActionItem, ExternalRef, MeetingView } from '@suishin/shared';
import { sampleMeeting, SAMPLE_MEETING_URL_BASE } from '@suishin/shared/export/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { pushActionItems, type PushResult } from './pushActionItems';
import { recordingSleep, scriptByItem } from './testScript';
import { startTrackerServer, type RecordedRequest, type TrackerTestServer } from './trackerTestServer';

const TOKEN = 'ghp_testTOKEN_0123456789abcdef';
const titleOf = (r: RecordedRequest) => (r.body as { title?: string } | undefined)?.title;

let server: TrackerTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function withRefs(view: MeetingView, result: PushResult): MeetingView {
  const refs = new Map(result.refsToWrite.map((r) => [r.actionItemId, r.externalRefs]));
  return { ...view, actionItems: view.actionItems.map((a): ActionItem => ({ ...a, externalRefs: refs.get(a.id) ?? a.externalRefs })) };
}

describe('GitHub Issues push against a local server', () => {
  it('sends the documented request, retries 429 and 5xx, reports a 422, and never creates twice', async () => {
    const meeting = sampleMeeting();
    const [a1, a2, a3, a4] = meeting.actionItems.map((a) => a.title);
    const created = (n: number) => ({ status: 201, body: { number: n, html_url: `https://github.com/octo-org/suishin-demo/issues/${n}` } });
    server = await startTrackerServer(
      scriptByItem(titleOf, {
        [a1!]: [{ status: 429, headers: { 'Retry-After': '3' }, body: { message: 'slow down' } }, created(101)],
        [a2!]: [
          { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'assignees', code: 'invalid' }] } },
          created(104),
        ],
        [a3!]: [{ status: 502, body: 'Bad Gateway' }, created(102)],
        [a4!]: [created(103)],
      }),
    );
    const { sleep, waits } = recordingSleep();
    const options = {
      tracker: {
        tracker: 'github' as const,
        owner: 'octo-org',
        repo: 'suishin-demo',
        token: TOKEN,
        assignees: { '山田 太郎': 'yamada-gh', '佐藤 花子': 'sato-gh' },
      },
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
    expect(first.outcomes[1]).toMatchObject({ status: 'failed', httpStatus: 422, reason: 'GitHub 422: Validation Failed; assignees invalid' });
    expect(first.outcomes[0]).toMatchObject({ attempts: 2, ref: { tracker: 'github', key: '101', url: 'https://github.com/octo-org/suishin-demo/issues/101' } });
    expect(first.outcomes[4]).toMatchObject({ status: 'skipped', reason: 'dropped' });
    // Retry-After 3 s; one second between creations; 502 backoff 1000 × (0.5 + 0.5 × 0.5).
    expect(waits).toEqual([3000, 1000, 1000, 750, 1000]);

    expect(server.requests).toHaveLength(6);
    for (const request of server.requests) {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/repos/octo-org/suishin-demo/issues');
      expect(request.headers.accept).toBe('application/vnd.github+json');
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.headers['x-github-api-version']).toBe('2022-11-28');
      expect(request.headers['user-agent']).toMatch(/^Suishin/);
      expect(request.headers['content-type']).toBe('application/json');
    }
    const body = server.requests[1]!.body as { title: string; body: string; assignees?: string[]; labels: string[] };
    expect(body.title).toBe(a1);
    expect(body.assignees).toEqual(['yamada-gh']);
    expect(body.labels).toEqual(['meeting-action']);
    expect(body.body).toContain('* **期限:** 2025-07-15');
    expect(body.body).toContain('(<https://suishin.example.co.jp/meetings/mtg-2025-07-01>)');
    expect(body.body).toContain('* **関連する決定:** 価格改定を8月1日から実施する, 対象は全プラン');
    expect(body.body).toContain('<!-- suishin:action-item meeting=mtg-2025-07-01 item=a1 -->');
    const unmapped = server.requests.find((r) => titleOf(r) === a3)!.body as { assignees?: string[]; body: string };
    expect(unmapped.assignees).toBeUndefined();
    expect(unmapped.body).toContain('* **担当:** @SUM(1+1)（経理部） （トラッカーのユーザーに対応付けられていません）');
    expect(unmapped.body).toContain('* **期限:** 期限なし');

    // The refs written back keep the item's other trackers (a4 already had a Jira issue).
    expect(first.refsToWrite.find((r) => r.actionItemId === 'a4')?.externalRefs.map((r: ExternalRef) => r.tracker)).toEqual(['jira', 'github']);

    // Second export with the refs written back: only the item that failed is sent.
    const second = await pushActionItems({ ...options, meeting: withRefs(meeting, first) });
    expect(second.outcomes.map((o) => o.status)).toEqual(['skipped', 'created', 'skipped', 'skipped', 'skipped']);
    expect(server.requests).toHaveLength(7);

    // Third export: nothing left to create, nothing sent.
    const third = await pushActionItems({ ...options, meeting: withRefs(withRefs(meeting, first), second) });
    expect(third.created).toBe(0);
    expect(third.outcomes.every((o) => o.status === 'skipped')).toBe(true);
    expect(server.requests).toHaveLength(7);
  });

  it('treats a 403 secondary rate limit with Retry-After as a retry, and 410 as a clear failure', async () => {
    const meeting = sampleMeeting();
    meeting.actionItems = meeting.actionItems.slice(0, 2);
    const [a1, a2] = meeting.actionItems.map((a) => a.title);
    server = await startTrackerServer(
      scriptByItem(titleOf, {
        [a1!]: [
          { status: 403, headers: { 'Retry-After': '60' }, body: { message: 'You have exceeded a secondary rate limit' } },
          { status: 201, body: { number: 7, html_url: 'https://github.com/o/r/issues/7' } },
        ],
        [a2!]: [{ status: 410, body: { message: 'Issues are disabled for this repo' } }],
      }),
    );
    const { sleep, waits } = recordingSleep();
    const result = await pushActionItems({
      meeting,
      tracker: { tracker: 'github', owner: 'o', repo: 'r', token: TOKEN, minIntervalMs: 0 },
      apiBaseUrl: server.url,
      meetingUrlBase: SAMPLE_MEETING_URL_BASE,
      sleep,
    });
    expect(result.outcomes.map((o) => o.status)).toEqual(['created', 'failed']);
    expect(waits).toEqual([60_000]);
    expect(result.outcomes[1]).toMatchObject({ reason: 'GitHub 410: issues are disabled for this repository', attempts: 1 });
  });
});
