/**
 * POST /api/meetings/:id/trackers/refresh  (facilitator): the meeting's exported action items
 * refreshed from their trackers (integrations/refreshStatuses.ts). Answers the per-item report.
 */
import { Hono } from 'hono';
import { ErrorCode } from '@suishin/shared';
import type { RefreshReport, RefreshSummary } from '@suishin/shared/protocol';
import { apiError } from './apiErrors';
import { requireRole } from './authenticate';

export type RefreshTrackers = (meetingIds: readonly string[]) => Promise<RefreshSummary>;

export function trackerRefreshRoutes({ refresh }: { refresh: RefreshTrackers }) {
  const app = new Hono();
  app.post('/:id/trackers/refresh', requireRole('facilitator'), async (c) => {
    const id = c.req.param('id');
    const result = await refresh([id]);
    const report = result.meetings[0];
    if (!report) return apiError(c, 404, ErrorCode.notFound, `unknown meeting ${id}`, 'id');
    const body: RefreshReport = report;
    return c.json(body);
  });
  return app;
}
