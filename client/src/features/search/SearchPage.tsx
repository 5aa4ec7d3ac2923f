import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatCount } from '../../i18n/format';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { LoadMore } from '../../ui/LoadMore';
import { usePagedList } from '../../ui/usePagedList';
import { formatDay } from '../series/day';
import { BASE_FILTERS, Filters, filtersFromParams, paramsOf, useSeriesList, type FilterValues } from '../archive/Filters';
import { pagingLabels, shownStatus } from '../archive/paging';
import type { SearchHit } from '@suishin/shared/protocol';
import { fetchSearch, groupByMeeting } from './searchApi';
import { Snippet } from './Snippet';
import '../series/followThrough.css';

/** Typing pauses this long before the query (and the URL) follow it. */
const TYPING_PAUSE_MS = 300;

/**
 * Full-text search over ended meetings: hits grouped by meeting, each a link to its item in the
 * meeting, 50 at a time, best match or newest first. Typing searches after a short pause (the URL
 * follows, replaced, so the back button does not step through every keystroke).
 */
export function SearchPage() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const id = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sort = params.get('sort') === 'newest' ? 'newest' : 'relevance';
  const filters = useMemo(() => filtersFromParams(params, BASE_FILTERS), [params]);
  const [draft, setDraft] = useState(q);
  const typed = useRef(q);
  useEffect(() => {
    if (q !== typed.current) setDraft(q); // the URL changed by navigation, not by typing here
  }, [q]);
  const series = useSeriesList();

  const apply = (next: { q?: string; sort?: string; filters?: FilterValues }, replace = false) =>
    setParams(paramsOf({ q: (next.q ?? q).trim(), sort: (next.sort ?? sort) === 'newest' ? 'newest' : undefined, ...(next.filters ?? filters) }), { replace });

  useEffect(() => {
    if (draft.trim() === q.trim()) return;
    const timer = setTimeout(() => {
      typed.current = draft.trim();
      apply({ q: draft }, true);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);

  const query = useMemo(() => new URLSearchParams(paramsOf({ q: q.trim(), sort, ...filters })).toString(), [q, sort, filters]);
  const [rankedAmong, setRankedAmong] = useState<number | null>(null);
  const { list, loadMore } = usePagedList<SearchHit>(
    query,
    async (cursor) => {
      if (!q.trim()) return { items: [], nextCursor: null, total: { count: 0, capped: false } };
      const page = await fetchSearch({ q: q.trim(), sort, ...paramsOf(filters) }, cursor);
      if (cursor === null) setRankedAmong(page.rankedAmong);
      return { items: page.hits, nextCursor: page.nextCursor, total: page.total };
    },
    (hit) => `${hit.meetingId}/${hit.kind}/${hit.itemId}`,
  );
  const groups = list.state === 'loaded' ? groupByMeeting(list.items) : [];
  const total = list.state === 'loaded' ? list.total : null;

  return (
    <div className="page ft-page">
      <div className="page-heading">
        <h1>{t('search.title')}</h1>
        <p className="page-heading__subtitle">{t('search.subtitle')}</p>
      </div>
      <form className="ft-searchbox" role="search" onSubmit={(e) => { e.preventDefault(); typed.current = draft.trim(); apply({ q: draft }); }}>
        <label className="field__label" htmlFor={`${id}-q`}>{t('search.label')}</label>
        <div className="ft-searchbox__row">
          <input id={`${id}-q`} type="search" className="field__input" value={draft} maxLength={200} placeholder={t('search.placeholder')} onChange={(e) => setDraft(e.target.value)} />
          <button type="submit" className="btn btn--primary">{t('search.submit')}</button>
        </div>
      </form>
      <Filters values={filters} series={series} onApply={(v) => apply({ filters: v })}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-sort`}>{t('search.sort')}</label>
          <select id={`${id}-sort`} className="field__input" value={sort} onChange={(e) => apply({ sort: e.target.value })}>
            <option value="relevance">{t('search.sorts.relevance')}</option>
            <option value="newest">{t('search.sorts.newest')}</option>
          </select>
        </div>
      </Filters>
      <div className="ft-status">
        {!q.trim() && <p className="muted">{t('search.hint')}</p>}
        {q.trim() && list.state === 'loading' && <p className="muted" role="status">{t('search.searching')}</p>}
        {list.state === 'failed' && <div className="notice notice--danger" role="alert">{t('search.loadFailed', { message: list.message })}</div>}
        {q.trim() && list.state === 'loaded' && list.items.length === 0 && <p className="empty-state" role="status">{t('search.empty', { q })}</p>}
        {list.state === 'loaded' && list.items.length > 0 && total && (
          <p className="ft-count">{t(total.capped ? 'search.totalCapped' : 'search.total', { formatted: formatCount({ count: total.count, capped: false }, language) })}</p>
        )}
        {list.state === 'loaded' && list.items.length > 0 && sort === 'relevance' && rankedAmong !== null && (
          <p className="notice ft-note">{t('search.rankedAmong', { count: rankedAmong })}</p>
        )}
      </div>
      {groups.length > 0 && (
        <ol className="ft-hits" aria-label={t('search.title')}>
          {groups.map((group) => (
            <li key={group.meetingId} className="ft-hits__meeting card">
              <h2 className="ft-hits__title">
                <Link className="link" to={`/meetings/${encodeURIComponent(group.meetingId)}`}>{group.meetingTitle}</Link>
                <span className="muted ft-hits__date">{formatDay(group.heldOn, language)}</span>
              </h2>
              <ul className="ft-hits__list">
                {group.hits.map((hit) => (
                  <li key={`${hit.kind}-${hit.itemId}`} className="ft-hit">
                    <span className={`tag ft-hit__kind ft-hit__kind--${hit.kind}`}>{t(`search.kind.${hit.kind}`)}</span>
                    <Link className="ft-hit__link" to={hit.link} title={t('search.open')}>
                      {hit.snippet.map((s) => s.text).join('') === hit.title ? (
                        <span className="ft-hit__name"><Snippet segments={hit.snippet} /></span>
                      ) : (
                        <>
                          <span className="ft-hit__name">{hit.title}</span>
                          <span className="ft-hit__snippet"><Snippet segments={hit.snippet} /></span>
                        </>
                      )}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {list.state === 'loaded' && list.items.length > 0 && (
        <LoadMore status={shownStatus(t, language, list.items.length, list.total, list.more)} more={list.more} loading={list.loadingMore} failed={list.moreFailed && t('paging.failed', { message: list.moreFailed })} onLoadMore={loadMore} labels={pagingLabels(t)} />
      )}
    </div>
  );
}

export default SearchPage;
