import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { StatusPill, type Tone } from '../../ui/StatusPill';
import { formatDay } from '../series/day';
import { listArchive, type ArchiveEntry } from './archiveApi';
import { Filters, filtersFromParams, paramsOf, useSeriesList } from './Filters';
import '../series/followThrough.css';

const statusTone: Record<string, Tone> = { draft: 'neutral', live: 'success', ended: 'info' };

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; meetings: ArchiveEntry[] };

/** The meeting archive: every meeting, filtered by series, department, date range and status. */
export function ArchivePage() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filtersFromParams(params, true), [params]);
  const series = useSeriesList();
  const seriesName = new Map(series.map((s) => [s.id, s.name]));
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    setLoad({ state: 'loading' });
    listArchive(values).then(
      (meetings) => !cancelled && setLoad({ state: 'loaded', meetings }),
      (error: Error) => !cancelled && setLoad({ state: 'failed', message: error.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [values]);

  return (
    <div className="page ft-page">
      <div className="page-heading">
        <h1>{t('archive.title')}</h1>
        <p className="page-heading__subtitle">{t('archive.subtitle')}</p>
      </div>
      <Filters values={values} series={series} withStatus onApply={(v) => setParams(paramsOf({ ...v }))} />
      <div aria-live="polite">
        {load.state === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
        {load.state === 'failed' && <div className="notice notice--danger" role="alert">{t('archive.loadFailed', { message: load.message })}</div>}
        {load.state === 'loaded' && load.meetings.length === 0 && <p className="empty-state">{t('archive.empty')}</p>}
        {load.state === 'loaded' && load.meetings.length > 0 && <p className="muted">{t('archive.count', { count: load.meetings.length })}</p>}
      </div>
      {load.state === 'loaded' && load.meetings.length > 0 && (
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
              {load.meetings.map((m) => (
                <tr key={m.id}>
                  <td className="ft-nowrap">{formatDay(m.heldOn, language)}</td>
                  <th scope="row">
                    <Link className="link" to={`/meetings/${encodeURIComponent(m.id)}`}>{m.title}</Link>
                  </th>
                  <td>{m.seriesId ? <Link className="link" to={`/series/${encodeURIComponent(m.seriesId)}`}>{seriesName.get(m.seriesId) ?? m.seriesId}</Link> : t('archive.noSeries')}</td>
                  <td>{m.departments.map((d) => <span key={d} className="tag">{d}</span>)}</td>
                  <td><StatusPill tone={statusTone[m.status] ?? 'neutral'}>{t(`meetings.status.${m.status}`)}</StatusPill></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export default ArchivePage;
