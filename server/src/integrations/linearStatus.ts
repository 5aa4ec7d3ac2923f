/** Linear: GraphQL issue(id) { state { type } }; completed → done, canceled → dropped. */
import { checkApiBaseUrl } from './trackerClient';
import type { LinearConfig } from './linearIssues';
import { get, type StatusReader } from './trackerStatus';

const QUERY = 'query IssueState($id: String!) { issue(id: $id) { state { type } } }';

export function linearStatus(config: LinearConfig, apiBaseUrl?: string): StatusReader {
  const base = checkApiBaseUrl(apiBaseUrl ?? config.apiBaseUrl ?? 'https://api.linear.app', 'Linear API URL');
  return {
    request(ref) {
      return { method: 'POST', url: `${base}/graphql`, body: { query: QUERY, variables: { id: ref.key } } };
    },
    read(body) {
      const errors = get(body, 'errors');
      if (Array.isArray(errors) && errors.length > 0) {
        const message = get(errors[0], 'message');
        return { error: `Linear: ${typeof message === 'string' ? message.slice(0, 200) : 'error'}` };
      }
      const type = get(body, 'data', 'issue', 'state', 'type');
      if (typeof type !== 'string') return { error: 'Linear answered without an issue state' };
      if (type === 'completed') return { state: 'done' };
      if (type === 'canceled') return { state: 'dropped' };
      return { state: 'open' };
    },
  };
}
