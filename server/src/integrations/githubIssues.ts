import type { ActionItem } from '@suishin/shared';
import {
  actionItemDescriptionFields,
  DEFAULT_TRACKER_LABELS,
  descriptionMarkdown,
  resolveOwner,
  type OwnerMapping,
} from '@suishin/shared/export';
import {
  bodySnippet,
  checkApiBaseUrl,
  isRecord,
  USER_AGENT,
  type IssueContext,
  type ReadResult,
  type TrackerClient,
} from './trackerClient';

/**
 * GitHub Issues over REST: `POST /repos/{owner}/{repo}/issues` with title, body, assignees and
 * labels (https://docs.github.com/en/rest/issues/issues#create-an-issue).
 *
 * - GitHub has no due-date field, so the due date is written into the Markdown body, next to the
 *   link back to the meeting, the owner and the linked decision.
 * - Assignees are logins mapped from owners; GitHub silently drops assignees and labels when the
 *   token's user lacks push access, so the preview shows what was asked for, not a promise.
 * - Rate limits: 429, or 403 with Retry-After or x-ratelimit-remaining: 0, is retried; GitHub
 *   asks for about a second between content-creating requests, hence minIntervalMs.
 * - The body ends with an invisible marker naming the meeting and action item, so an issue can be
 *   found again by search if the key ever fails to be written back.
 */
export interface GitHubConfig {
  tracker: 'github';
  owner: string;
  repo: string;
  /** Fine-grained or classic token with Issues: write on the repository. */
  token: string;
  /** Default https://api.github.com (GitHub Enterprise: https://HOST/api/v3). */
  apiBaseUrl?: string;
  /** Owner → GitHub login. */
  assignees?: OwnerMapping;
  labels?: readonly string[];
  /** Pause between creations; default 1000 ms. */
  minIntervalMs?: number;
}

export const GITHUB_API_VERSION = '2022-11-28';

export function githubIssues(config: GitHubConfig): TrackerClient {
  const base = checkApiBaseUrl(config.apiBaseUrl ?? 'https://api.github.com', 'GitHub API URL');
  if (!/^[\w.-]+$/.test(config.owner) || !/^[\w.-]+$/.test(config.repo)) {
    throw new Error('GitHub owner and repo may hold only letters, digits, ".", "-" and "_"');
  }
  if (!config.token) throw new Error('GitHub token is missing');
  const destination = `${config.owner}/${config.repo}`;
  const url = `${base}/repos/${encodeURIComponent(config.owner)}/${encodeURIComponent(config.repo)}/issues`;
  const labels = [...(config.labels ?? DEFAULT_TRACKER_LABELS)];

  return {
    tracker: 'github',
    destination,
    secrets: [config.token],
    minIntervalMs: config.minIntervalMs ?? 1000,
    prepare(item: ActionItem, context: IssueContext) {
      const login = resolveOwner(config.assignees, item.owner);
      const ownerUnmapped = login === null && item.owner.name.trim() !== '';
      const fields = actionItemDescriptionFields(context.view, item, { ...context, includeDueDate: true, ownerUnmapped });
      const body = `${descriptionMarkdown(fields)}\n\n<!-- suishin:action-item meeting=${encodeURIComponent(context.view.id)} item=${encodeURIComponent(item.id)} -->\n`;
      return {
        draft: { title: item.title, assignee: login, ownerUnmapped, dueDate: item.dueDate, labels },
        request: {
          method: 'POST',
          url,
          body: { title: item.title, body, ...(login ? { assignees: [login] } : {}), labels },
        },
      };
    },
    headers: () => ({
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${config.token}`,
      'X-GitHub-Api-Version': GITHUB_API_VERSION,
      'User-Agent': USER_AGENT,
      'Content-Type': 'application/json',
    }),
    readResponse(status, body, headers): ReadResult {
      if (status === 201 && isRecord(body) && typeof body.number === 'number' && typeof body.html_url === 'string') {
        return { created: { key: String(body.number), url: body.html_url } };
      }
      const rateLimited =
        status === 429 || (status === 403 && (headers.has('retry-after') || headers.get('x-ratelimit-remaining') === '0'));
      return { error: `GitHub ${status}: ${githubMessage(status, body)}`, rateLimited };
    },
  };
}

function githubMessage(status: number, body: unknown): string {
  if (status === 410) return 'issues are disabled for this repository';
  if (!isRecord(body)) return bodySnippet(body) || 'no details';
  const parts = typeof body.message === 'string' ? [body.message] : [];
  if (Array.isArray(body.errors)) {
    for (const error of body.errors) {
      if (typeof error === 'string') parts.push(error);
      else if (isRecord(error)) {
        const text = [error.field, error.code, error.message].filter((v) => typeof v === 'string').join(' ');
        if (text) parts.push(text);
      }
    }
  }
  return parts.join('; ') || bodySnippet(body);
}
