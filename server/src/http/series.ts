/**
 * /api/series: list, create and edit series (the workspace admin), and "next meeting"
 * (POST /api/series/:id/next): a new meeting of the series with its usual agenda, the last
 * meeting's KPIs, the open action items carried over and the "since last time" brief. A series is a
 * 会議体: creating and editing one go through MeetingBodies (a parent must exist and make no cycle).
 */
import { Hono, type Context } from 'hono';
import { ErrorCode, seriesInputSchema, seriesNextMeetingSchema, seriesPatchSchema, type Series } from '@suishin/shared';
import type { NextMeetingResponse, RefreshSummary, SeriesDetailResponse, SeriesListResponse } from '@suishin/shared/protocol';
import type { FollowThrough } from '../followThrough/followThrough';
import { requireAdminIf, visibleMeetings, type GrantSource } from './visibility';
import { apiError, invalidInput } from './apiErrors';
import { recordAudit } from './auditRecording';
import { parseBody } from './parseBody';
import { BodyParentError } from '../series/meetingBodies';
import type { RefreshTrackers } from './trackerRefresh';

export function seriesRoutes({ followThrough, auth, refreshTrackers }: { followThrough: FollowThrough; auth?: GrantSource; refreshTrackers?: RefreshTrackers }) {
  const app = new Hono();
  const requireAdmin = () => requireAdminIf(auth);
  const { series, service, bodies } = followThrough;

  // What the caller sees, filtered like search and the archive (visibleMeetings: null = the admin,
  // everything): a series appears with the meetings their grants open, or not at all.
  app.get('/series', async (c) => {
    const visible = await visibleMeetings(c, auth);
    const all = await series.list();
    let shown = all;
    if (visible !== null) {
      const open = await Promise.all(all.map(async (s) => (await service.meetingIds(s.id)).some((id) => visible.has(id))));
      shown = all.filter((_, i) => open[i]);
    }
    const body: SeriesListResponse = { series: shown };
    return c.json(body);
  });

  app.post('/series', requireAdmin(), async (c) => {
    const body = await parseBody(c, seriesInputSchema);
    if (!body.ok) return body.res;
    try {
      const created: Series = await bodies.create(body.value);
      await recordAudit(c, 'settingsChanged', { detail: { series: created.id, name: created.name, change: 'created' } });
      return c.json(created, 201);
    } catch (error) {
      return parentRefused(c, error);
    }
  });

  app.get('/series/:id', async (c) => {
    const found = await series.get(c.req.param('id'));
    const visible = await visibleMeetings(c, auth);
    const meetings = found ? (await service.meetings(found.id)).filter((m) => visible === null || visible.has(m.id)) : [];
    // An invisible series answers exactly like one that does not exist.
    if (!found || (visible !== null && meetings.length === 0)) return apiError(c, 404, ErrorCode.notFound, `unknown series ${c.req.param('id')}`, 'id');
    const body: SeriesDetailResponse = { ...found, meetingIds: meetings.map((m) => m.id), meetings };
    return c.json(body);
  });

  app.patch('/series/:id', requireAdmin(), async (c) => {
    const body = await parseBody(c, seriesPatchSchema);
    if (!body.ok) return body.res;
    let updated: Series | null;
    try {
      updated = await bodies.update(c.req.param('id'), body.value);
    } catch (error) {
      return parentRefused(c, error);
    }
    if (!updated) return apiError(c, 404, ErrorCode.notFound, `unknown series ${c.req.param('id')}`, 'id');
    await recordAudit(c, 'settingsChanged', { detail: { series: updated.id, name: updated.name, change: 'changed', fields: Object.keys(body.value).sort().join(',') } });
    return c.json(updated);
  });

  /** Exported action items of every meeting of the series refreshed from their trackers ("before the next meeting"). */
  app.post('/series/:id/refresh', requireAdmin(), async (c) => {
    const found = await series.get(c.req.param('id'));
    if (!found) return apiError(c, 404, ErrorCode.notFound, `unknown series ${c.req.param('id')}`, 'id');
    const result: RefreshSummary = refreshTrackers ? await refreshTrackers(await service.meetingIds(found.id)) : { checked: 0, changed: 0, failed: 0, meetings: [] };
    return c.json(result);
  });

  app.post('/series/:id/next', requireAdmin(), async (c) => {
    const found = await series.get(c.req.param('id'));
    if (!found) return apiError(c, 404, ErrorCode.notFound, `unknown series ${c.req.param('id')}`, 'id');
    const body = await parseBody(c, seriesNextMeetingSchema, true);
    if (!body.ok) return body.res;
    // Exported items closed in their tracker are closed here first, so they are not carried over.
    if (refreshTrackers) await refreshTrackers(await service.meetingIds(found.id));
    const result: NextMeetingResponse = await service.next(found, body.value);
    return c.json(result, result.created ? 201 : 200);
  });

  return app;
}

/** A refused parent as 400 on `parentId`; anything else is rethrown (500). */
function parentRefused(c: Context, error: unknown): Response {
  if (!(error instanceof BodyParentError)) throw error;
  return invalidInput(c, error.message, 'parentId');
}
