/** GitHub: GET /repos/{owner}/{repo}/issues/{number}; state "closed" → done. */
import { checkApiBaseUrl } from './trackerClient';
import type { GitHubConfig } from './githubIssues';
import { get, type StatusReader } from './trackerStatus';

export function githubStatus(config: GitHubConfig, apiBaseUrl?: string): StatusReader {
  const base = checkApiBaseUrl(apiBaseUrl ?? config.apiBaseUrl ?? 'https://api.github.com', 'GitHub API URL');
  return {
    request(ref) {
      const number = ref.key.replace(/^#/, '');
      if (!/^\d+$/.test(number)) throw new Error(`"${ref.key}" is not a GitHub issue number`);
      return { method: 'GET', url: `${base}/repos/${encodeURIComponent(config.owner)}/${encodeURIComponent(config.repo)}/issues/${number}` };
    },
    read(body) {
      const state = get(body, 'state');
      if (state === 'closed') return { state: 'done' };
      if (state === 'open') return { state: 'open' };
      return { error: 'GitHub answered without an issue state' };
    },
  };
}
