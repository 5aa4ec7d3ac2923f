import { createHash } from 'node:crypto';
import type { ActionItem } from '@suishin/shared';
import {
  actionItemDescriptionFields,
  descriptionMarkdown,
  parseIsoDate,
  resolveOwner,
  type OwnerMapping,
} from '@suishin/shared/export';
import {
  bodySnippet,
  checkApiBaseUrl,
  isRecord,
  USER_AGENT,
  type CreatedIssue,
  type IssueContext,
  type ReadResult,
  type SendRequest,
  type TrackerClient,
} from './trackerClient';

/**
 * Linear over GraphQL: the `issueCreate` mutation at /graphql with teamId, title, Markdown
 * description, assigneeId (mapped from the owner), dueDate ("YYYY-MM-DD") and optional labelIds.
 * A personal API key goes in the Authorization header as it is; an OAuth token goes as "Bearer".
 *
 * Idempotency: IssueCreateInput accepts a client-chosen `id`. We send a UUID derived from the
 * meeting id and the action item id ({@link linearIssueId}), so the same item can never become
 * two Linear issues. When a creation fails (a timeout, a 5xx, or "already exists" because an
 * earlier run created it but its key was never written back), the runner asks for `issue(id)` and
 * reports the issue it finds as created.
 */
export interface LinearConfig {
  tracker: 'linear';
  /** Personal API key, or an OAuth access token with `oauth: true`. */
  apiKey: string;
  oauth?: boolean;
  teamId: string;
  /** Default https://api.linear.app */
  apiBaseUrl?: string;
  /** Owner → Linear user id. */
  assigneeIds?: OwnerMapping;
  labelIds?: readonly string[];
  minIntervalMs?: number;
}

const CREATE_MUTATION = `mutation SuishinIssueCreate($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { id identifier url } }
}`;

const FIND_QUERY = `query SuishinIssue($id: String!) {
  issue(id: $id) { id identifier url }
}`;

/** A UUID (version 4 layout) that depends only on the meeting and the action item. */
export function linearIssueId(meetingId: string, actionItemId: string): string {
  const bytes = createHash('sha256').update(`suishin:${meetingId}:${actionItemId}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function linearIssues(config: LinearConfig): TrackerClient {
  const base = checkApiBaseUrl(config.apiBaseUrl ?? 'https://api.linear.app', 'Linear API URL');
  if (!config.apiKey) throw new Error('Linear API key is missing');
  if (!config.teamId) throw new Error('Linear team id is missing');
  const url = `${base}/graphql`;
  const authorization = config.oauth ? `Bearer ${config.apiKey}` : config.apiKey;

  return {
    tracker: 'linear',
    destination: `Linear team ${config.teamId}`,
    secrets: [config.apiKey],
    minIntervalMs: config.minIntervalMs ?? 0,
    prepare(item: ActionItem, context: IssueContext) {
      const assigneeId = resolveOwner(config.assigneeIds, item.owner);
      const ownerUnmapped = assigneeId === null && item.owner.name.trim() !== '';
      const dueDate = item.dueDate !== null && parseIsoDate(item.dueDate) !== null ? item.dueDate : null;
      const description = descriptionMarkdown(actionItemDescriptionFields(context.view, item, { ...context, ownerUnmapped }));
      const labelIds = [...(config.labelIds ?? [])];
      const input = {
        id: linearIssueId(context.view.id, item.id),
        teamId: config.teamId,
        title: item.title,
        description,
        ...(assigneeId ? { assigneeId } : {}),
        ...(dueDate ? { dueDate } : {}),
        ...(labelIds.length > 0 ? { labelIds } : {}),
      };
      return {
        draft: { title: item.title, assignee: assigneeId, ownerUnmapped, dueDate, labels: labelIds },
        request: { method: 'POST', url, body: { query: CREATE_MUTATION, variables: { input } } },
      };
    },
    headers: () => ({
      Accept: 'application/json',
      Authorization: authorization,
      'User-Agent': USER_AGENT,
      'Content-Type': 'application/json',
    }),
    readResponse(status, body): ReadResult {
      const errors = graphqlErrors(body);
      const payload = isRecord(body) && isRecord(body.data) ? body.data.issueCreate : undefined;
      if (status === 200 && errors.length === 0 && isRecord(payload) && payload.success === true) {
        const issue = readIssue(payload.issue);
        if (issue) return { created: issue };
      }
      const rateLimited = status === 429 || errors.some((e) => e.code === 'RATELIMITED');
      const message = errors.map((e) => e.message).join('; ') || bodySnippet(body) || 'issueCreate did not succeed';
      return { error: `Linear ${status}: ${message}`, rateLimited };
    },
    async findCreated(item: ActionItem, context: IssueContext, send: SendRequest): Promise<CreatedIssue | null> {
      const answer = await send({
        method: 'POST',
        url,
        body: { query: FIND_QUERY, variables: { id: linearIssueId(context.view.id, item.id) } },
      });
      if ('error' in answer || answer.status !== 200) return null;
      return isRecord(answer.body) && isRecord(answer.body.data) ? readIssue(answer.body.data.issue) : null;
    },
  };
}

function readIssue(value: unknown): CreatedIssue | null {
  if (!isRecord(value) || typeof value.identifier !== 'string' || typeof value.url !== 'string') return null;
  return { key: value.identifier, url: value.url };
}

function graphqlErrors(body: unknown): Array<{ message: string; code: string | null }> {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.filter(isRecord).map((error) => ({
    message: typeof error.message === 'string' ? error.message : 'error',
    code: isRecord(error.extensions) && typeof error.extensions.code === 'string' ? error.extensions.code : null,
  }));
}
