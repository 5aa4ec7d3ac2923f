import type { ActionItem, ExternalRef, MeetingView, TrackerKind } from '@suishin/shared';
import type { ExportLanguage } from '@suishin/shared/export';
import type { PushOutcome, PushPreview, PushPreviewItem, PushSkipReason } from '@suishin/shared/protocol';
import type { Logger } from '../logger';
import { githubIssues, type GitHubConfig } from './githubIssues';
import { jiraIssues, type JiraConfig } from './jiraIssues';
import { linearIssues, type LinearConfig } from './linearIssues';
import type { IssueContext, SendRequest, TrackerClient } from './trackerClient';
import { DEFAULT_RETRY_POLICY, redactSecrets, sendWithRetry, type HttpDeps, type RetryPolicy } from './trackerHttp';

/**
 * Pushing a meeting's action items to one tracker: first a preview of what would be created where
 * (nothing is sent), then the push itself.
 *
 * - An item that already has an externalRef for this tracker is skipped, so repeating an export
 *   (after the refs were written back) creates nothing twice. Dropped items are skipped too.
 * - Items go one at a time. One failing item never stops the others, and each outcome is
 *   reported: created (key and URL), skipped, or failed (with a reason).
 * - 429 and 5xx are retried with exponential backoff that honours Retry-After, a bounded number of
 *   times (see trackerHttp).
 * - Tokens never appear in a reason or a log line. Every message is scrubbed of the client's
 *   secrets.
 * - The result lists the refs to write back. The caller stores them with
 *   `updateActionItem(doc, id, { externalRefs })`.
 */
export type TrackerConfig = GitHubConfig | JiraConfig | LinearConfig;

export interface PushOptions {
  meeting: MeetingView;
  /** The items to push; default every action item of the meeting. */
  actionItems?: readonly ActionItem[];
  tracker: TrackerConfig;
  /** Where the app is served, for the links back to the meeting. */
  meetingUrlBase: string;
  language?: ExportLanguage;
  timeZone?: string;
  /** Overrides the tracker's API base URL (GitHub apiBaseUrl, Jira siteUrl, Linear apiBaseUrl). */
  apiBaseUrl?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  logger?: Logger;
}

// The preview and the outcomes are answered as they are (http/exports.ts): shared's wire shapes.
export type { PushOutcome, PushPreview, PushPreviewItem };
export type SkipReason = PushSkipReason;

export interface PushResult {
  tracker: TrackerKind;
  destination: string;
  outcomes: PushOutcome[];
  /** For each created item, its complete new externalRefs list, ready for updateActionItem. */
  refsToWrite: Array<{ actionItemId: string; externalRefs: ExternalRef[] }>;
  created: number;
  skipped: number;
  failed: number;
}

/** The client for a configuration; throws (with no secret in the message) on a bad one. */
export function createTrackerClient(config: TrackerConfig, apiBaseUrl?: string): TrackerClient {
  switch (config.tracker) {
    case 'github':
      return githubIssues(apiBaseUrl ? { ...config, apiBaseUrl } : config);
    case 'jira':
      return jiraIssues(apiBaseUrl ? { ...config, siteUrl: apiBaseUrl } : config);
    case 'linear':
      return linearIssues(apiBaseUrl ? { ...config, apiBaseUrl } : config);
  }
}

/** What a push would do, computed without sending anything. */
export function previewPush(options: PushOptions): PushPreview {
  const client = createTrackerClient(options.tracker, options.apiBaseUrl);
  const context = issueContext(options);
  const items = itemsOf(options).map((item): PushPreviewItem => {
    const skip = skipReason(item, client.tracker);
    if (skip) return { actionItemId: item.id, title: item.title, action: 'skip', ...skip };
    const { draft, request } = client.prepare(item, context);
    return { actionItemId: item.id, title: item.title, action: 'create', draft, request };
  });
  return {
    tracker: client.tracker,
    destination: client.destination,
    items,
    toCreate: items.filter((i) => i.action === 'create').length,
  };
}

export async function pushActionItems(options: PushOptions): Promise<PushResult> {
  const client = createTrackerClient(options.tracker, options.apiBaseUrl);
  const context = issueContext(options);
  const scrub = (text: string) => redactSecrets(text, client.secrets);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deps: HttpDeps = {
    fetch: options.fetch ?? globalThis.fetch,
    sleep,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    onRetry: ({ attempt, status, delayMs }) =>
      options.logger?.warn('tracker asked to retry', { tracker: client.tracker, attempt, status, delayMs }),
  };
  const send: SendRequest = async (request) => {
    const outcome = await sendWithRetry(client, request, deps);
    return outcome.kind === 'answered' ? { status: outcome.status, body: outcome.body } : { error: outcome.error };
  };

  const outcomes: PushOutcome[] = [];
  const refsToWrite: PushResult['refsToWrite'] = [];
  let sentBefore = false;
  for (const item of itemsOf(options)) {
    const skip = skipReason(item, client.tracker);
    if (skip) {
      outcomes.push({ actionItemId: item.id, title: item.title, status: 'skipped', reason: skip.skipReason, ...(skip.existingRef ? { ref: skip.existingRef } : {}) });
      continue;
    }
    if (sentBefore && client.minIntervalMs > 0) await sleep(client.minIntervalMs);
    sentBefore = true;
    let outcome: PushOutcome;
    try {
      outcome = await pushOne(client, item, context, deps, send);
    } catch (error) {
      outcome = {
        actionItemId: item.id,
        title: item.title,
        status: 'failed',
        reason: error instanceof Error ? error.message : String(error),
        httpStatus: null,
        attempts: 1,
      };
    }
    if (outcome.status === 'failed') outcome = { ...outcome, reason: scrub(outcome.reason) };
    if (outcome.status === 'created') {
      refsToWrite.push({ actionItemId: item.id, externalRefs: [...item.externalRefs, outcome.ref] });
      options.logger?.info('tracker issue created', { tracker: client.tracker, actionItemId: item.id, key: outcome.ref.key });
    } else if (outcome.status === 'failed') {
      options.logger?.warn('tracker issue not created', { tracker: client.tracker, actionItemId: item.id, reason: outcome.reason });
    }
    outcomes.push(outcome);
  }
  return {
    tracker: client.tracker,
    destination: client.destination,
    outcomes,
    refsToWrite,
    created: outcomes.filter((o) => o.status === 'created').length,
    skipped: outcomes.filter((o) => o.status === 'skipped').length,
    failed: outcomes.filter((o) => o.status === 'failed').length,
  };
}

async function pushOne(
  client: TrackerClient,
  item: ActionItem,
  context: IssueContext,
  deps: HttpDeps,
  send: SendRequest,
): Promise<PushOutcome> {
  const { request } = client.prepare(item, context);
  const answer = await sendWithRetry(client, request, deps);
  let failure: { reason: string; httpStatus: number | null };
  if (answer.kind === 'answered') {
    const read = client.readResponse(answer.status, answer.body, answer.headers);
    if ('created' in read) {
      return { actionItemId: item.id, title: item.title, status: 'created', ref: toRef(client, read.created), attempts: answer.attempts };
    }
    failure = { reason: read.error, httpStatus: answer.status };
  } else {
    failure = { reason: answer.error, httpStatus: answer.status };
  }
  if (client.findCreated) {
    const found = await client.findCreated(item, context, send).catch(() => null);
    if (found) {
      return { actionItemId: item.id, title: item.title, status: 'created', ref: toRef(client, found), attempts: answer.attempts, recovered: true };
    }
  }
  return { actionItemId: item.id, title: item.title, status: 'failed', ...failure, attempts: answer.attempts };
}

function toRef(client: TrackerClient, created: { key: string; url: string }): ExternalRef {
  return { tracker: client.tracker, key: created.key, url: created.url };
}

function itemsOf(options: PushOptions): readonly ActionItem[] {
  return options.actionItems ?? options.meeting.actionItems;
}

function issueContext(options: PushOptions): IssueContext {
  return {
    view: options.meeting,
    meetingUrlBase: options.meetingUrlBase,
    ...(options.language ? { language: options.language } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
}

function skipReason(item: ActionItem, tracker: TrackerKind): { skipReason: SkipReason; existingRef?: ExternalRef } | null {
  const existing = item.externalRefs.find((ref) => ref.tracker === tracker);
  if (existing) return { skipReason: 'already_exported', existingRef: existing };
  if (item.status === 'dropped') return { skipReason: 'dropped' };
  return null;
}
