/**
 * /api/bodies: the 会議体一覧 (every body the caller sees, with its health), and
 * /api/series/:id/health: one body's health and rating trend. Visibility as /api/series: the admin
 * sees every body, anyone else the bodies with a meeting their grants open.
 */
import { Hono, type Context } from 'hono';
import { ErrorCode, type Series } from '@suishin/shared';
import type { BodyHealthResponse, BodyRegistryResponse } from '@suishin/shared/protocol';
import type { FollowThrough } from '../followThrough/followThrough';
import { apiError } from './apiErrors';
import { visibleMeetings, type GrantSource } from './visibility';

export function bodyRoutes({ followThrough, auth }: { followThrough: FollowThrough; auth?: GrantSource }) {
  const app = new Hono();
  const { series, service, bodies } = followThrough;

  async function visibleSeries(c: Context, all: Series[]): Promise<Series[]> {
    const visible = await visibleMeetings(c, auth);
    if (visible === null) return all;
    const open = await Promise.all(all.map(async (s) => (await service.meetingIds(s.id)).some((id) => visible.has(id))));
    return all.filter((_, i) => open[i]);
  }

  app.get('/bodies', async (c) => {
    const shown = await visibleSeries(c, await series.list());
    const health = await bodies.health(shown);
    const body: BodyRegistryResponse = { bodies: shown.map((s) => ({ ...s, health: health.get(s.id)! })), today: followThrough.today() };
    return c.json(body);
  });

  app.get('/series/:id/health', async (c) => {
    const found = await series.get(c.req.param('id'));
    // An invisible body answers exactly like one that does not exist.
    if (!found || (await visibleSeries(c, [found])).length === 0) return apiError(c, 404, ErrorCode.notFound, `unknown series ${c.req.param('id')}`, 'id');
    const [health, ratingTrend] = await Promise.all([bodies.health([found]), bodies.ratingTrend(found)]);
    const body: BodyHealthResponse = { health: health.get(found.id)!, ratingTrend, today: followThrough.today() };
    return c.json(body);
  });

  return app;
}
