/**
 * GET /api/dashboard?series=…|department=…&from=&to=&period=week|month|quarter  follow-through
 *   figures per period of the range (default: the last 12 months by month), and the open items
 *   now (Dashboard). The workspace admin's view: dashboards aggregate across meetings.
 * GET /api/dashboard/meetings?series=…|department=…&from=&to=&cursor=  the same figures per
 *   meeting, newest first, a page at a time.
 */
import { Hono, type Context } from 'hono';
import { ErrorCode, type Series } from '@suishin/shared';
import { DASHBOARD_MAX_DAYS, DEFAULT_PAGE_SIZE, type Dashboard, type DashboardMeetingsPage } from '@suishin/shared/protocol';
import { visibleMeetings } from './visibility';
import { daysBetween, lastTwelveMonths, weekEnd } from '../followThrough/periods';
import type { DashboardScope } from '../projections/historyReads';
import { apiError, invalidInput } from './apiErrors';
import { dashboardMeetingsQuery, dashboardQuery, parseQuery } from './historyQueries';
import type { HistoryRouteDeps } from './historyDeps';
import { listPage, meetingKey } from './paging';

export function dashboardRoutes({ reads, cursors, followThrough, auth }: HistoryRouteDeps) {
  const app = new Hono();

  /** The scope and range of a dashboard request, or the error to send. */
  async function scopeOf(c: Context, q: { series?: string | undefined; department?: string | undefined; from?: string | undefined; to?: string | undefined }) {
    if ((await visibleMeetings(c, auth)) !== null) return { res: apiError(c, 403, ErrorCode.forbidden, 'only the workspace admin may see dashboards') };
    const found: Series | null = q.series ? await followThrough.series.get(q.series) : null;
    if (q.series && !found) return { res: apiError(c, 404, ErrorCode.notFound, `unknown series ${q.series}`, 'series') };
    const today = followThrough.today();
    const to = q.to ?? (q.from && q.from > today ? q.from : today);
    const from = q.from ?? lastTwelveMonths(to).from;
    if (daysBetween(from, to) > DASHBOARD_MAX_DAYS) return { res: invalidInput(c, `from: the range is longer than ${DASHBOARD_MAX_DAYS} days`, 'from') };
    const scope: DashboardScope = {
      ...(q.series ? { series: q.series } : { department: q.department! }),
      templateTitles: found?.agendaTemplate.map((t) => t.title) ?? [],
    };
    return { found, today, scope, range: { from, to } };
  }

  app.get('/dashboard', async (c) => {
    const query = parseQuery(c, dashboardQuery);
    if (!query.ok) return query.res;
    const scoped = await scopeOf(c, query.value);
    if ('res' in scoped) return scoped.res;
    const { found, today, scope, range } = scoped;
    const period = query.value.period ?? 'month';
    const weekEnds = weekEnd(today);
    const figures = await reads.dashboard(scope, { ...range, period, today, weekEnds });
    const body: Dashboard = { series: found, department: query.value.department ?? null, today, ...range, period, weekEnds, ...figures };
    return c.json(body);
  });

  app.get('/dashboard/meetings', async (c) => {
    const query = parseQuery(c, dashboardMeetingsQuery);
    if (!query.ok) return query.res;
    const scoped = await scopeOf(c, query.value);
    if ('res' in scoped) return scoped.res;
    const { scope, range } = scoped;
    const filters = { series: query.value.series, department: query.value.department, ...range };
    const page = await listPage(c, cursors, { name: 'dashboard-meetings', filters, cursor: query.value.cursor, key: meetingKey }, {
      page: (after) => reads.dashboardMeetings(scope, range, after, query.value.limit ?? DEFAULT_PAGE_SIZE),
      count: () => reads.dashboardMeetingCount(scope, range),
    });
    if (!page.ok) return page.res;
    const body: DashboardMeetingsPage = { meetings: page.rows, nextCursor: page.nextCursor, total: page.total };
    return c.json(body);
  });

  return app;
}
