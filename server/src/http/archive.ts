/**
 * GET /api/archive?series=&department=&from=&to=&status=&cursor=&limit=  every meeting the caller
 *   may open, newest first, a page at a time (ArchivePage).
 * GET /api/home  what needs the caller now: live, upcoming and undated meetings, the last ended
 *   ones, their own open items and the items due soon (HomeResponse), each list bounded.
 */
import { Hono } from 'hono';
import { DEFAULT_PAGE_SIZE, HOME_LIMITS, type ArchivePage, type HomeResponse, type MatchCount } from '@suishin/shared/protocol';
import { visibleMeetings } from './visibility';
import { addDays, weekEnd } from '../followThrough/periods';
import type { ActionItemFilter } from '../projections/historyReads';
import { archiveQuery, noQuery, parseQuery } from './historyQueries';
import type { HistoryRouteDeps } from './historyDeps';
import { listPage, meetingKey, withoutPaging } from './paging';

/** Items due within this many days count as "due soon" on the home page. */
export const DUE_SOON_DAYS = 7;

export function archiveRoutes({ reads, cursors, followThrough, auth }: HistoryRouteDeps) {
  const app = new Hono();

  app.get('/archive', async (c) => {
    const query = parseQuery(c, archiveQuery);
    if (!query.ok) return query.res;
    const filters = withoutPaging(query.value);
    const visible = await visibleMeetings(c, auth);
    const page = await listPage(c, cursors, { name: 'archive', filters, cursor: query.value.cursor, key: meetingKey }, {
      page: (after) => reads.archivePage(filters, visible, after, query.value.limit ?? DEFAULT_PAGE_SIZE),
      count: () => reads.archiveCount(filters, visible),
    });
    if (!page.ok) return page.res;
    const body: ArchivePage = { meetings: page.rows, nextCursor: page.nextCursor, total: page.total };
    return c.json(body);
  });

  app.get('/home', async (c) => {
    const query = parseQuery(c, noQuery);
    if (!query.ok) return query.res;
    const visible = await visibleMeetings(c, auth);
    const today = followThrough.today();
    const dates = { today, weekEnds: weekEnd(today), dueBy: addDays(today, DUE_SOON_DAYS) };
    const open = (filter: Partial<ActionItemFilter> & Pick<ActionItemFilter, 'state'>): ActionItemFilter => ({ ...dates, ...filter });
    const name = c.get('credential')?.name?.trim() || null;
    const [lists, mine, mineTotal, due, dueTotal, overdue] = await Promise.all([
      reads.homeLists(visible, Date.now()),
      name ? reads.actionItemPage(open({ state: 'open', owner: name }), visible, null, HOME_LIMITS.mine) : null,
      name ? reads.actionItemCount(open({ state: 'open', owner: name }), visible) : null,
      reads.actionItemPage(open({ state: 'due' }), visible, null, HOME_LIMITS.due),
      reads.actionItemCount(open({ state: 'due' }), visible),
      reads.actionItemCount(open({ state: 'overdue' }), visible),
    ]);
    const dueSoon: MatchCount = { count: Math.max(0, dueTotal.count - overdue.count), capped: dueTotal.capped };
    const body: HomeResponse = {
      today,
      ...lists,
      mine: name && mine && mineTotal ? { owner: name, items: mine.rows, total: mineTotal } : null,
      due: { items: due.rows, overdue, dueSoon },
    };
    return c.json(body);
  });

  return app;
}
