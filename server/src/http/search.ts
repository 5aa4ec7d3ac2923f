/**
 * GET /api/search?q=&sort=relevance|newest&series=&department=&from=&to=&cursor=  full-text hits
 * over the ended meetings the caller may open, with highlighted snippets (SearchPage): 50 a page,
 * a count up to 1,000, and by relevance a ranking of the newest SEARCH_CANDIDATES matches.
 */
import { Hono } from 'hono';
import type { SearchPage } from '@suishin/shared/protocol';
import { visibleMeetings } from './visibility';
import { parseQuery, searchQuery } from './historyQueries';
import type { HistoryRouteDeps } from './historyDeps';
import { readCursor, searchKey } from './paging';

export const SEARCH_PAGE_SIZE = 50;

export function searchRoutes({ reads, cursors, auth }: HistoryRouteDeps) {
  const app = new Hono();

  app.get('/search', async (c) => {
    const query = parseQuery(c, searchQuery);
    if (!query.ok) return query.res;
    const { cursor, ...given } = query.value;
    const filters = { ...given, q: (given.q ?? '').trim(), sort: given.sort ?? 'relevance' };
    const position = readCursor(c, cursors, 'search', filters, cursor, searchKey);
    if (!position.ok) return position.res;
    if (!filters.q) {
      const empty: SearchPage = { q: '', sort: filters.sort, hits: [], nextCursor: null, total: { count: 0, capped: false }, rankedAmong: null };
      return c.json(empty);
    }
    const visible = await visibleMeetings(c, auth);
    const [result, total] = await Promise.all([
      reads.search(filters, visible, position.after, SEARCH_PAGE_SIZE),
      position.after ? null : reads.searchCount(filters, visible),
    ]);
    const body: SearchPage = {
      q: filters.q,
      sort: filters.sort,
      hits: result.hits,
      nextCursor: result.next ? cursors.encode('search', filters, result.next) : null,
      total,
      rankedAmong: result.rankedAmong,
    };
    return c.json(body);
  });

  return app;
}
