import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { StatusPill } from '../../ui/StatusPill';
import { usePagedList } from '../../ui/usePagedList';
import { statusTone } from '../meetings/MeetingCard';
import { formatDay } from '../series/day';
import type { MeetingListEntry } from '@suishin/shared/protocol';
import { fetchArchive } from './archiveApi';
import { BASE_FILTERS, Filters, filtersFromParams, paramsOf, useSeriesList } from './Filters';
import { PagedResults } from './PagedResults';
import '../series/followThrough.css';

const KEYS = [...BASE_FILTERS, 'status'] as const;

/**
 * The meeting archive: every meeting, newest first, filtered by series, department, date range
 * and status (kept in the URL), 50 at a time: scrolling to the end or the button loads more.
 */
export function ArchivePage() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filtersFromParams(params, KEYS), [params]);
  const query = useMemo(() => new URLSearchParams(paramsOf(values)).toString(), [values]);
  const series = useSeriesList();
  const seriesName = new Map(series.map((s) => [s.id, s.name]));
  const { list, loadMore } = usePagedList<MeetingListEntry>(
    query,
    async (cursor) => {
      const page = await fetchArchive(paramsOf(values), cursor);
      return { items: page.meetings, nextCursor: page.nextCursor, total: page.total };
    },
    (m) => m.id,
  );
  const statusOptions = [{ value: '', label: t('filters.anyStatus') }, ...(['draft', 'live', 'ended'] as const).map((s) => ({ value: s, label: t(`meetings.status.${s}`) }))];

  return (
    <div className="page ft-page">
      <div className="page-heading">
        <h1>{t('archive.title')}</h1>
        <p className="page-heading__subtitle">{t('archive.subtitle')}</p>
      </div>
      <Filters values={values} series={series} extra={[{ key: 'status', label: t('filters.status'), options: statusOptions }]} onApply={(v) => setParams(paramsOf(v))} />
      <PagedResults
        list={list}
        loadMore={loadMore}
        failed={(message) => t('archive.loadFailed', { message })}
        empty={t('archive.empty')}
        count={(formatted, count) => t('archive.count', { count, formatted })}
      >
        {(items) => (
          <div className="ft-table-wrap">
            <table className="ft-table ft-table--rows">
              <caption className="visually-hidden">{t('archive.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('archive.heldOn')}</th>
                  <th scope="col">{t('archive.meeting')}</th>
                  <th scope="col">{t('archive.seriesCol')}</th>
                  <th scope="col">{t('archive.departments')}</th>
                  <th scope="col">{t('archive.status')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id}>
                    <td className="ft-nowrap">{formatDay(m.heldOn, language)}</td>
                    <th scope="row">
                      <Link className="link" to={`/meetings/${encodeURIComponent(m.id)}`}>{m.title}</Link>
                    </th>
                    <td>{m.seriesId ? <Link className="link" to={`/series/${encodeURIComponent(m.seriesId)}`}>{seriesName.get(m.seriesId) ?? m.seriesId}</Link> : t('archive.noSeries')}</td>
                    <td>{m.departments.map((d) => <span key={d} className="tag">{d}</span>)}</td>
                    <td><StatusPill tone={statusTone[m.status]}>{t(`meetings.status.${m.status}`)}</StatusPill></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedResults>
    </div>
  );
}

export default ArchivePage;
