/**
 * GET /api/dashboard?series=…|department=…  follow-through figures (see followThrough/dashboard.ts).
 * GET /api/action-items/due?days=7  open action items overdue or due within `days`, for the home screen.
 */
import { Hono } from 'hono';
import { dueActionItems, loadDashboard } from '../followThrough/dashboard';
import { visibleMeetings, type FollowThrough, type GrantSource } from '../followThrough/followThrough';
import { apiError, invalidInput } from './apiErrors';
import { ErrorCode } from '@suishin/shared';

export function dashboardRoutes({ followThrough, auth }: { followThrough: FollowThrough; auth?: GrantSource }) {
  const app = new Hono();

  app.get('/dashboard', async (c) => {
    const { series, department } = c.req.query();
    if (!series === !department) return invalidInput(c, 'give exactly one of series or department', 'series');
    // Dashboards aggregate across meetings: the workspace admin's view.
    if ((await visibleMeetings(c, auth)) !== null) return apiError(c, 403, ErrorCode.forbidden, 'only the workspace admin may see dashboards');
    const found = series ? followThrough.series.get(series) : null;
    if (series && !found) return apiError(c, 404, ErrorCode.notFound, `unknown series ${series}`, 'series');
    const dashboard = loadDashboard(followThrough.db, {
      series,
      department,
      templateTitles: found?.agendaTemplate.map((t) => t.title) ?? [],
      today: followThrough.today(),
    });
    return c.json({ series: found, department: department ?? null, today: followThrough.today(), ...dashboard });
  });

  app.get('/action-items/due', async (c) => {
    const days = Number(c.req.query('days') ?? '7');
    if (!Number.isInteger(days) || days < 0 || days > 365) return invalidInput(c, 'days: an integer from 0 to 365', 'days');
    const today = followThrough.today();
    return c.json({ today, items: dueActionItems(followThrough.db, today, days, await visibleMeetings(c, auth)) });
  });

  return app;
}
