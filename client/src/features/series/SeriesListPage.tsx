import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import type { Series } from '@suishin/shared/protocol';
import { listSeries } from './seriesApi';
import { NewSeriesForm } from './NewSeriesForm';
import '../series/followThrough.css';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; series: Series[] };

/** The series list, and the form to create one. */
export function SeriesListPage() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const reload = useCallback(() => {
    let cancelled = false;
    listSeries().then(
      (series) => !cancelled && setLoad({ state: 'loaded', series }),
      (error: Error) => !cancelled && setLoad({ state: 'failed', message: error.message }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  useEffect(reload, [reload]);

  return (
    <div className="page meetings-page">
      <section className="meetings-page__list" aria-labelledby="series-heading">
        <div className="page-heading">
          <h1 id="series-heading">{t('series.title')}</h1>
          <p className="page-heading__subtitle">{t('series.subtitle')}</p>
        </div>
        {load.state === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
        {load.state === 'failed' && <div className="notice notice--danger" role="alert">{t('series.loadFailed', { message: load.message })}</div>}
        {load.state === 'loaded' && load.series.length === 0 && <p className="empty-state">{t('series.empty')}</p>}
        {load.state === 'loaded' && load.series.length > 0 && (
          <ul className="meeting-list" aria-label={t('series.title')}>
            {load.series.map((s) => (
              <li key={s.id}>
                <Link to={`/series/${encodeURIComponent(s.id)}`} className="meeting-card">
                  <span className="meeting-card__title">{s.name}</span>
                  <span className="meeting-card__meta">
                    {s.departments.length ? s.departments.map((d) => <span key={d} className="tag">{d}</span>) : <span className="muted">{t('series.noDepartments')}</span>}
                    <span className="muted">{t('series.agendaCount', { count: s.agendaTemplate.length })}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <aside className="meetings-page__create card" aria-labelledby="new-series-heading">
        <h2 id="new-series-heading" className="card__title">{t('series.create.heading')}</h2>
        <NewSeriesForm />
      </aside>
    </div>
  );
}

export default SeriesListPage;
