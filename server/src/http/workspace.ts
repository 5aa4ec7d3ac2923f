import { Hono } from 'hono';
import type { WorkspaceSettings } from '@suishin/shared/protocol';

/** GET /api/workspace: the workspace's settings (its time zone) for every signed-in page and the admin's view. */
export function workspaceRoutes(settings: WorkspaceSettings) {
  return new Hono().get('/workspace', (c) => {
    const body: WorkspaceSettings = settings;
    return c.json(body);
  });
}
