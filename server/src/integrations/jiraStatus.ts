/** Jira Cloud: GET /rest/api/3/issue/{key}?fields=status; statusCategory.key "done" → done. */
import { checkApiBaseUrl } from './trackerClient';
import type { JiraConfig } from './jiraIssues';
import { get, type StatusReader } from './trackerStatus';

export function jiraStatus(config: JiraConfig, apiBaseUrl?: string): StatusReader {
  const site = checkApiBaseUrl(apiBaseUrl ?? config.siteUrl, 'Jira site URL');
  return {
    request(ref) {
      if (!/^[A-Z][A-Z0-9_]*-\d+$/i.test(ref.key)) throw new Error(`"${ref.key}" is not a Jira issue key`);
      return { method: 'GET', url: `${site}/rest/api/3/issue/${encodeURIComponent(ref.key)}?fields=status` };
    },
    read(body) {
      const category = get(body, 'fields', 'status', 'statusCategory', 'key');
      if (typeof category !== 'string') return { error: 'Jira answered without a status category' };
      return { state: category === 'done' ? 'done' : 'open' };
    },
  };
}
