import {
  addActionItem,
  getActionItem,
  initMeeting,
  toMeetingView,
  updateActionItem,
  type ExternalRef,
} from '@suishin/shared';
import { sampleMeeting, SAMPLE_MEETING_URL_BASE } from '@suishin/shared/export/testing';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Logger } from '../logger';
import { createTrackerClient, previewPush, pushActionItems } from './pushActionItems';
import { recordingSleep } from './testScript';
import { startTrackerServer, type TrackerTestServer } from './trackerTestServer';

const TOKEN = 'ghp_previewTOKEN_abcdef012345';

let server: TrackerTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { lines, logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') } };
}

describe('previewPush', () => {
  it('shows what will be created where, sends nothing and holds no credentials', () => {
    const preview = previewPush({
      meeting: sampleMeeting(),
      tracker: { tracker: 'jira', siteUrl: 'https://example.atlassian.net', email: 'bot@example.co.jp', apiToken: TOKEN, projectKey: 'OPS', accountIds: { '山田 太郎': 'acc-1' } },
      meetingUrlBase: SAMPLE_MEETING_URL_BASE,
      fetch: () => {
        throw new Error('the preview must not send anything');
      },
    });
    expect(preview.destination).toBe('Jira OPS');
    expect(preview.toCreate).toBe(3);
    expect(preview.items.map((i) => [i.actionItemId, i.action, i.skipReason ?? null])).toEqual([
      ['a1', 'create', null],
      ['a2', 'create', null],
      ['a3', 'create', null],
      ['a4', 'skip', 'already_exported'],
      ['a5', 'skip', 'dropped'],
    ]);
    expect(preview.items[0]?.draft).toEqual({
      title: sampleMeeting().actionItems[0]!.title,
      assignee: 'acc-1',
      ownerUnmapped: false,
      dueDate: '2025-07-15',
      labels: ['meeting-action'],
    });
    expect(preview.items[1]?.draft).toMatchObject({ assignee: null, ownerUnmapped: true });
    expect(preview.items[0]?.request).toMatchObject({ method: 'POST', url: 'https://example.atlassian.net/rest/api/3/issue' });
    expect(preview.items[3]?.existingRef?.key).toBe('OPS-7');
    const text = JSON.stringify(preview);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(Buffer.from(`bot@example.co.jp:${TOKEN}`).toString('base64'));
  });
});

describe('pushActionItems', () => {
  it('writes refs back through the shared model, and a repeated export creates nothing new', async () => {
    let next = 1;
    server = await startTrackerServer(() => {
      const n = next++;
      return { status: 201, body: { number: n, html_url: `https://github.com/o/r/issues/${n}` } };
    });
    const doc = new Y.Doc();
    initMeeting(doc, { title: '週次定例', language: 'ja' });
    const first = addActionItem(doc, { title: '見積もりを送る', owner: { name: '山田 太郎', department: '営業部' }, dueDate: '2025-07-15' });
    const second = addActionItem(doc, { title: '=SUM(A1)', owner: { name: '佐藤 花子', department: 'プロダクト部' } });
    const options = {
      tracker: { tracker: 'github' as const, owner: 'o', repo: 'r', token: TOKEN },
      apiBaseUrl: server.url,
      meetingUrlBase: SAMPLE_MEETING_URL_BASE,
      sleep: recordingSleep().sleep,
    };

    const result = await pushActionItems({ ...options, meeting: toMeetingView(doc, 'm-1') });
    expect(result.created).toBe(2);
    for (const { actionItemId, externalRefs } of result.refsToWrite) updateActionItem(doc, actionItemId, { externalRefs });
    expect(getActionItem(doc, first)?.externalRefs).toEqual<ExternalRef[]>([{ tracker: 'github', key: '1', url: 'https://github.com/o/r/issues/1' }]);
    expect(getActionItem(doc, second)?.externalRefs[0]?.key).toBe('2');

    const again = await pushActionItems({ ...options, meeting: toMeetingView(doc, 'm-1') });
    expect(again.outcomes.map((o) => o.status)).toEqual(['skipped', 'skipped']);
    expect(again.refsToWrite).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('never puts a token in a reason or a log line, even when the tracker echoes it', async () => {
    server = await startTrackerServer((request) => ({
      status: 401,
      body: { message: `Bad credentials: ${String(request.headers.authorization)}` },
    }));
    const { logger, lines } = capturingLogger();
    const meeting = sampleMeeting();
    meeting.actionItems = meeting.actionItems.slice(0, 2);
    const github = await pushActionItems({
      meeting,
      tracker: { tracker: 'github', owner: 'o', repo: 'r', token: TOKEN },
      apiBaseUrl: server.url,
      meetingUrlBase: SAMPLE_MEETING_URL_BASE,
      sleep: recordingSleep().sleep,
      logger,
    });
    expect(github.outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);
    expect(github.outcomes[0]).toMatchObject({ reason: 'GitHub 401: Bad credentials: Bearer [redacted]' });

    const jira = await pushActionItems({
      meeting,
      tracker: { tracker: 'jira', siteUrl: 'https://example.atlassian.net', email: 'bot@example.co.jp', apiToken: TOKEN, projectKey: 'OPS' },
      apiBaseUrl: server.url,
      meetingUrlBase: SAMPLE_MEETING_URL_BASE,
      logger,
    });
    expect(jira.failed).toBe(2);
    const everything = JSON.stringify([github, jira, lines]);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(Buffer.from(`bot@example.co.jp:${TOKEN}`).toString('base64'));
  });

  it('fails an item at once when Retry-After is longer than it will wait', async () => {
    server = await startTrackerServer(() => ({ status: 429, headers: { 'Retry-After': '3600' }, body: { message: 'API rate limit exceeded' } }));
    const meeting = sampleMeeting();
    meeting.actionItems = [meeting.actionItems[0]!];
    const { sleep, waits } = recordingSleep();
    const result = await pushActionItems({
      meeting,
      tracker: { tracker: 'github', owner: 'o', repo: 'r', token: TOKEN },
      apiBaseUrl: server.url,
      meetingUrlBase: SAMPLE_MEETING_URL_BASE,
      sleep,
    });
    expect(waits).toEqual([]);
    expect(result.outcomes[0]).toMatchObject({
      status: 'failed',
      httpStatus: 429,
      attempts: 1,
      reason: 'GitHub 429: API rate limit exceeded; o/r asked to wait 3600 s, export again later',
    });
  });

  it('reports a network failure without retrying it, and goes on with the next item', async () => {
    server = await startTrackerServer(() => ({ status: 201, body: { number: 1, html_url: 'https://github.com/o/r/issues/1' } }));
    const closedUrl = server.url;
    await server.close();
    server = undefined;
    const meeting = sampleMeeting();
    meeting.actionItems = meeting.actionItems.slice(0, 2);
    let calls = 0;
    const result = await pushActionItems({
      meeting,
      tracker: { tracker: 'github', owner: 'o', repo: 'r', token: TOKEN },
      apiBaseUrl: closedUrl,
      meetingUrlBase: SAMPLE_MEETING_URL_BASE,
      sleep: recordingSleep().sleep,
      fetch: (input, init) => {
        calls++;
        return fetch(input, init);
      },
    });
    expect(calls).toBe(2);
    expect(result.outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);
    expect(result.outcomes[0]).toMatchObject({ attempts: 1, httpStatus: null });
    expect((result.outcomes[0] as { reason: string }).reason).toMatch(/^could not reach o\/r \(ECONNREFUSED\); the issue may have been created/);
  });

  it('reports a redirect instead of following it', async () => {
    server = await startTrackerServer(() => ({ status: 301, headers: { Location: 'https://elsewhere.example/x' }, body: { message: 'Moved Permanently' } }));
    const meeting = sampleMeeting();
    meeting.actionItems = [meeting.actionItems[0]!];
    const result = await pushActionItems({
      meeting,
      tracker: { tracker: 'github', owner: 'o', repo: 'r', token: TOKEN },
      apiBaseUrl: server.url,
      meetingUrlBase: SAMPLE_MEETING_URL_BASE,
    });
    expect(server.requests).toHaveLength(1);
    expect(result.outcomes[0]).toMatchObject({ status: 'failed', httpStatus: 301, reason: 'GitHub 301: Moved Permanently' });
  });

  it('refuses plain-http API URLs except on loopback, without echoing credentials', () => {
    const config = { tracker: 'github' as const, owner: 'o', repo: 'r', token: TOKEN };
    expect(() => createTrackerClient(config, 'http://api.example.com')).toThrow('GitHub API URL must use https');
    expect(() => createTrackerClient(config, 'http://127.0.0.1:9')).not.toThrow();
    expect(() => createTrackerClient({ ...config, repo: 'r/../x' })).toThrow(/owner and repo/);
    expect(() =>
      createTrackerClient({ tracker: 'jira', siteUrl: `https://user:${TOKEN}@x.atlassian.net`, email: 'e', apiToken: TOKEN, projectKey: 'OPS' }),
    ).toThrow('Jira site URL must not carry credentials');
  });
});
