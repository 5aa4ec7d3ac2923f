import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { StatusPill, type Tone } from '../../ui/StatusPill';
import type { RefreshSummary, SeriesDetailResponse } from '@suishin/shared/protocol';
import { ApiError } from '../../api/apiError';
import { formatDay } from './day';
import { getSeries, nextMeeting, refreshSeriesTrackers, updateSeries } from './seriesApi';
import { SeriesForm } from './SeriesForm';
import { BodyPanel } from '../bodies/BodyPanel';
import { ManagementReportPanel } from '../reports/ManagementReportPanel';
import { useKnownSession } from '../access/session';
import '../series/followThrough.css';

const statusTone: Record<string, Tone> = { draft: 'neutral', live: 'success', ended: 'info' };

type Load = { state: 'loading' } | { state: 'missing' } | { state: 'failed'; message: string } | { state: 'loaded'; series: SeriesDetailResponse };

/**
 * One series: its meetings (newest first, each with its number and its own day), its usual agenda
 * and attendees (editable, with its name and departments), "Next meeting" and the tracker refresh.
 */
export function SeriesPage() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { seriesId = '' } = useParams();
  const navigate = useNavigate();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [next, setNext] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [refresh, setRefresh] = useState<{ busy: boolean; error: string | null; result: RefreshSummary | null }>({ busy: false, error: null, result: null });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const session = useKnownSession();
  const admin = session.status === 'signedIn' && session.session.admin;

  const reload = useCallback(() => {
    let cancelled = false;
    getSeries(seriesId).then(
      (series) => !cancelled && setLoad({ state: 'loaded', series }),
      (error: Error) => !cancelled && setLoad(error instanceof ApiError && error.status === 404 ? { state: 'missing' } : { state: 'failed', message: error.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [seriesId]);
  useEffect(reload, [reload]);

  const startNext = async () => {
    setNext({ busy: true, error: null });
    try {
      const result = await nextMeeting(seriesId);
      void navigate(`/meetings/${encodeURIComponent(result.meetingId)}`);
    } catch (error) {
      setNext({ busy: false, error: (error as Error).message });
    }
  };
  const refreshTrackers = async () => {
    setRefresh({ busy: true, error: null, result: null });
    try {
      setRefresh({ busy: false, error: null, result: await refreshSeriesTrackers(seriesId) });
    } catch (error) {
      setRefresh({ busy: false, error: (error as Error).message, result: null });
    }
  };

  if (load.state === 'loading') return <div className="page page--narrow"><p className="muted" role="status">{t('app.loading')}</p></div>;
  if (load.state === 'missing' || load.state === 'failed') {
    return (
      <div className="page page--narrow">
        <div className="notice notice--danger" role="alert">{load.state === 'missing' ? t('series.page.notFound') : t('series.loadFailed', { message: load.message })}</div>
        <p><Link className="link" to="/series">{t('series.page.back')}</Link></p>
      </div>
    );
  }
  const { series } = load;
  const { meetings } = series;
  return (
    <div className="page ft-page">
      <p><Link className="link" to="/series">← {t('series.page.back')}</Link></p>
      <div className="page-heading ft-series-heading">
        <div>
          <h1>{series.name}</h1>
          <p className="page-heading__subtitle">
            {series.departments.length ? series.departments.map((d) => <span key={d} className="tag">{d}</span>) : t('series.noDepartments')}
          </p>
        </div>
        <div className="ft-series-heading__actions">
          <button type="button" className="btn btn--secondary" aria-expanded={editing} aria-controls="series-edit" onClick={() => { setEditing((e) => !e); setSaved(false); }}>
            {t('seriesEdit.edit')}
          </button>
          <button type="button" className="btn btn--primary" onClick={startNext} disabled={next.busy}>{next.busy ? t('series.page.nexting') : t('series.page.next')}</button>
          <button type="button" className="btn btn--secondary" onClick={refreshTrackers} disabled={refresh.busy}>{refresh.busy ? t('series.page.refreshing') : t('series.page.refresh')}</button>
          <Link className="btn btn--quiet" to={`/dashboard?series=${encodeURIComponent(series.id)}`}>{t('series.page.dashboard')}</Link>
        </div>
      </div>
      {editing && (
        <section id="series-edit" className="card ft-series-edit" aria-labelledby="series-edit-heading">
          <h2 id="series-edit-heading" className="card__title">{t('seriesEdit.heading')}</h2>
          <SeriesForm
            initial={series}
            submitLabel={t('seriesEdit.save')}
            busyLabel={t('seriesEdit.saving')}
            failedMessage={(message) => t('seriesEdit.failed', { message })}
            onCancel={() => setEditing(false)}
            onSubmit={async (values) => {
              const updated = await updateSeries(series.id, values);
              setLoad({ state: 'loaded', series: { ...series, ...updated } });
              setEditing(false);
              setSaved(true);
            }}
          />
        </section>
      )}
      <div aria-live="polite">
        {saved && <p className="notice" role="status">{t('seriesEdit.saved')}</p>}
        {next.error && <div className="notice notice--danger" role="alert">{t('series.page.nextFailed', { message: next.error })}</div>}
        {refresh.error && <div className="notice notice--danger" role="alert">{t('series.page.refreshFailed', { message: refresh.error })}</div>}
        {refresh.result && <p className="notice" role="status">{t('series.page.refreshed', { ...refresh.result })}</p>}
      </div>
      <BodyPanel series={series} editable={admin} onSaved={(updated) => { setLoad({ state: 'loaded', series: { ...series, ...updated } }); setSaved(true); }} />
      {admin && <ManagementReportPanel seriesId={series.id} />}
      <div className="ft-series-grid">
        <section aria-labelledby="series-meetings" className="card">
          <h2 id="series-meetings" className="card__title">{t('series.page.meetings')}</h2>
          {meetings.length === 0 ? (
            <p className="empty-state">{t('series.page.noMeetings')}</p>
          ) : (
            <ul className="meeting-list">
              {meetings.map((m) => (
                <li key={m.id}>
                  <Link to={`/meetings/${encodeURIComponent(m.id)}`} className="meeting-card ft-series-meeting" data-testid="series-meeting">
                    <span className="ft-series-meeting__number" data-testid="series-meeting-number">{m.number !== null ? t('seriesNumber.number', { number: m.number }) : '—'}</span>
                    <span className="ft-series-meeting__body">
                      <span className="meeting-card__title">{m.title}</span>
                      <span className="meeting-card__meta">
                        <StatusPill tone={statusTone[m.status] ?? 'neutral'}>{t(`meetings.status.${m.status}`)}</StatusPill>
                        <span data-testid="series-meeting-day">{m.heldOn ? formatDay(m.heldOn, language) : t('seriesNumber.unscheduled')}</span>
                        {m.place && <span>{m.place}</span>}
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="series-agenda" className="card">
          <h2 id="series-agenda" className="card__title">{t('series.page.usualAgenda')}</h2>
          {series.agendaTemplate.length === 0 ? (
            <p className="muted">{t('series.page.noAgenda')}</p>
          ) : (
            <ol className="ft-agenda">
              {series.agendaTemplate.map((item, i) => (
                <li key={i}>
                  <span>{item.title}</span> <span className="muted">{t('series.page.minutes', { count: item.timeboxMinutes })}</span>
                </li>
              ))}
            </ol>
          )}
          <h2 className="card__title ft-series-attendees">{t('seriesEdit.attendees')}</h2>
          {series.usualAttendees.length === 0 ? (
            <p className="muted">{t('seriesEdit.noAttendees')}</p>
          ) : (
            <ul className="ft-agenda" data-testid="usual-attendees">
              {series.usualAttendees.map((p, i) => (
                <li key={i}>
                  <span>{p.name}</span> {p.department && <span className="muted">{p.department}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

export default SeriesPage;
