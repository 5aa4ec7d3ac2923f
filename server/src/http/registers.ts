/**
 * GET /api/decisions?series=&department=&from=&to=&decider=&state=&cursor=&limit=  the decision
 *   register (DecisionPage): every decision of the ended meetings the caller may open.
 * GET /api/action-items?state=&owner=&department=&series=&meetingDepartment=&days=&cursor=&limit=
 *   the action-item register (ActionItemPage), one row per item however often carried.
 * GET /api/action-items/due?days=7  the same with state=due: open items overdue or due within `days`.
 */
import { Hono, type Context } from 'hono';
import { DEFAULT_PAGE_SIZE, type ActionItemPage, type ActionItemQuery, type DecisionPage } from '@suishin/shared/protocol';
import { visibleMeetings } from './visibility';
import { addDays, weekEnd } from '../followThrough/periods';
import { actionItemQuery, decisionQuery, parseQuery } from './historyQueries';
import type { HistoryRouteDeps } from './historyDeps';
import { actionItemKey, decisionKey, listPage, withoutPaging } from './paging';

export function registerRoutes({ reads, cursors, followThrough, auth }: HistoryRouteDeps) {
  const app = new Hono();

  app.get('/decisions', async (c) => {
    const query = parseQuery(c, decisionQuery);
    if (!query.ok) return query.res;
    const filters = withoutPaging(query.value);
    const visible = await visibleMeetings(c, auth);
    const today = followThrough.today();
    const filter = { ...filters, today };
    const page = await listPage(c, cursors, { name: 'decisions', filters, cursor: query.value.cursor, key: decisionKey }, {
      page: (after) => reads.decisionPage(filter, visible, after, query.value.limit ?? DEFAULT_PAGE_SIZE),
      count: () => reads.decisionCount(filter, visible),
    });
    if (!page.ok) return page.res;
    const body: DecisionPage = { today, decisions: page.rows, nextCursor: page.nextCursor, total: page.total };
    return c.json(body);
  });

  const actionItems = async (c: Context, defaults: Partial<ActionItemQuery>) => {
    const query = parseQuery(c, actionItemQuery);
    if (!query.ok) return query.res;
    const filters = { ...defaults, ...withoutPaging(query.value) };
    const visible = await visibleMeetings(c, auth);
    const today = followThrough.today();
    const { days = 7, ...rest } = filters;
    const filter = { ...rest, state: filters.state ?? 'open', today, weekEnds: weekEnd(today), dueBy: addDays(today, days) };
    const page = await listPage(c, cursors, { name: 'action-items', filters, cursor: query.value.cursor, key: actionItemKey }, {
      page: (after) => reads.actionItemPage(filter, visible, after, query.value.limit ?? DEFAULT_PAGE_SIZE),
      count: () => reads.actionItemCount(filter, visible),
    });
    if (!page.ok) return page.res;
    const body: ActionItemPage = { today, items: page.rows, nextCursor: page.nextCursor, total: page.total };
    return c.json(body);
  };

  app.get('/action-items', (c) => actionItems(c, {}));
  app.get('/action-items/due', (c) => actionItems(c, { state: 'due' }));

  return app;
}
