import type { ActionItem } from '@suishin/shared';
import {
  actionItemDescriptionFields,
  DEFAULT_TRACKER_LABELS,
  jiraLabel,
  parseIsoDate,
  resolveOwner,
  type OwnerMapping,
} from '@suishin/shared/export';
import { adfFromFields } from './atlassianDocument';
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
 * Jira Cloud over REST v3: `POST /rest/api/3/issue` with fields project {key}, summary,
 * issuetype {name}, description in Atlassian Document Format, assignee {accountId}, duedate and
 * labels. It authenticates with Basic auth (account e-mail and API token).
 *
 * Jira Cloud knows people only by accountId, so owners are mapped to accountIds by
 * configuration. An unmapped owner is left unassigned and named in the description. The
 * project's required fields must be covered by these fields; a project that requires more answers
 * 400, and the item is reported as failed with Jira's message.
 */
export interface JiraConfig {
  tracker: 'jira';
  /** https://YOUR-SITE.atlassian.net */
  siteUrl: string;
  /** Account e-mail and API token for Basic auth. */
  email: string;
  apiToken: string;
  projectKey: string;
  /** Default "Task". */
  issueType?: string;
  /** Owner → Jira accountId. */
  accountIds?: OwnerMapping;
  labels?: readonly string[];
  minIntervalMs?: number;
}

export function jiraIssues(config: JiraConfig): TrackerClient {
  const site = checkApiBaseUrl(config.siteUrl, 'Jira site URL');
  if (!/^[A-Z][A-Z0-9_]*$/.test(config.projectKey)) throw new Error('Jira project key must look like "OPS"');
  if (!config.email || !config.apiToken) throw new Error('Jira e-mail and API token are required');
  const basic = Buffer.from(`${config.email}:${config.apiToken}`, 'utf8').toString('base64');
  const labels = (config.labels ?? DEFAULT_TRACKER_LABELS).map(jiraLabel).filter(Boolean);

  return {
    tracker: 'jira',
    destination: `Jira ${config.projectKey}`,
    secrets: [config.apiToken, basic],
    minIntervalMs: config.minIntervalMs ?? 0,
    prepare(item: ActionItem, context: IssueContext) {
      const accountId = resolveOwner(config.accountIds, item.owner);
      const ownerUnmapped = accountId === null && item.owner.name.trim() !== '';
      const dueDate = item.dueDate !== null && parseIsoDate(item.dueDate) !== null ? item.dueDate : null;
      const description = adfFromFields(actionItemDescriptionFields(context.view, item, { ...context, ownerUnmapped }));
      return {
        draft: { title: item.title, assignee: accountId, ownerUnmapped, dueDate, labels },
        request: {
          method: 'POST',
          url: `${site}/rest/api/3/issue`,
          body: {
            fields: {
              project: { key: config.projectKey },
              summary: jiraSummary(item.title),
              issuetype: { name: config.issueType ?? 'Task' },
              description,
              ...(accountId ? { assignee: { accountId } } : {}),
              ...(dueDate ? { duedate: dueDate } : {}),
              labels,
            },
          },
        },
      };
    },
    headers: () => ({
      Accept: 'application/json',
      Authorization: `Basic ${basic}`,
      'User-Agent': USER_AGENT,
      'Content-Type': 'application/json',
    }),
    readResponse(status, body): ReadResult {
      if (status === 201 && isRecord(body) && typeof body.key === 'string') {
        return { created: { key: body.key, url: `${site}/browse/${encodeURIComponent(body.key)}` } };
      }
      return { error: `Jira ${status}: ${jiraMessage(body)}` };
    },
  };
}

/** Jira's summary is one line of at most 255 characters. */
export function jiraSummary(title: string): string {
  const line = title.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return [...line].length > 255 ? `${[...line].slice(0, 254).join('')}…` : line;
}

function jiraMessage(body: unknown): string {
  if (!isRecord(body)) return bodySnippet(body) || 'no details';
  const parts: string[] = [];
  if (Array.isArray(body.errorMessages)) parts.push(...body.errorMessages.filter((m): m is string => typeof m === 'string'));
  if (isRecord(body.errors)) {
    for (const [field, message] of Object.entries(body.errors)) {
      if (typeof message === 'string') parts.push(`${field}: ${message}`);
    }
  }
  return parts.join('; ') || bodySnippet(body);
}
