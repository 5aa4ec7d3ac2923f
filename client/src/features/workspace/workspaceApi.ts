import type { WorkspaceSettings } from '@suishin/shared/protocol';
import { request } from '../../api/request';

/** `GET /api/workspace`: the workspace's settings (its one time zone). */
export function loadWorkspace(): Promise<WorkspaceSettings> {
  return request('/api/workspace');
}
