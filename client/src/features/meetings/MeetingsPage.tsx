import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { formatDateTime, formatRelative } from '../../i18n/format';
import { useUiStore } from '../../state/uiStore';
import { StatusPill, type Tone } from '../../ui/StatusPill';
import { useSession } from '../access/session';
import { listMeetings, type MeetingSummary } from './meetingsApi';

/** The form (react-aria widgets, date picker) loads after the list: the list page's first load stays small. */
const NewMeetingForm = lazy(() => import('./NewMeetingForm'));
/** Overdue and due-soon action items: a chunk of their own, fetched after the list page renders. */
const DueActionItems = lazy(() => import('../dashboard/DueActionItems'));

/** Warm the room's chunk while the person reads the list, so opening a meeting does not wait for it. */
function prefetchRoom(): void {
  const load = () => void import('../room/MeetingRoomPage');
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 3000 });
  else setTimeout(load, 1500);
}

const statusTone: Record<MeetingSummary['status'], Tone> = { draft: 'neutral', live: 'success', ended: 'info' };

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; meetings: MeetingSummary[] };

export function MeetingsPage() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  // Only the workspace admin creates meetings (the server refuses everyone else).
  const session = useSession();
  const isAdmin = session.status === 'signedIn' && session.session.admin;

  const reload = useCallback(() => {
    let cancelled = false;
    listMeetings().then(
      (meetings) => !cancelled && setLoad({ state: 'loaded', meetings: [...meetings].sort(byRecent) }),
      () => !cancelled && setLoad({ state: 'failed' }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  useEffect(reload, [reload]);
  useEffect(prefetchRoom, []);

  return (
    <div className="page meetings-page">
      <section className="meetings-page__list" aria-labelledby="meetings-heading">
        <div className="page-heading">
          <h1 id="meetings-heading">{t('meetings.title')}</h1>
          <p className="page-heading__subtitle">{t('meetings.subtitle')}</p>
        </div>
        <Suspense fallback={null}>
          <DueActionItems />
        </Suspense>
        {load.state === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
        {load.state === 'failed' && (
          <div className="notice notice--danger" role="alert">
            {t('meetings.loadFailed')}{' '}
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => { setLoad({ state: 'loading' }); reload(); }}>{t('meetings.retry')}</button>
          </div>
        )}
        {load.state === 'loaded' && load.meetings.length === 0 && <p className="empty-state">{t('meetings.empty')}</p>}
        {load.state === 'loaded' && load.meetings.length > 0 && (
          <ul className="meeting-list" aria-label={t('meetings.title')}>
            {load.meetings.map((meeting) => (
              <li key={meeting.id}>
                <Link to={`/meetings/${encodeURIComponent(meeting.id)}`} className="meeting-card">
                  <span className="meeting-card__title">{meeting.title}</span>
                  <span className="meeting-card__meta">
                    <StatusPill tone={statusTone[meeting.status] ?? 'neutral'}>{t(`meetings.status.${meeting.status}`)}</StatusPill>
                    <span>{meeting.scheduledStart ? formatDateTime(meeting.scheduledStart, language) : t('meetings.unscheduled')}</span>
                    <span className="muted">{t('meetings.updated', { when: formatRelative(meeting.updatedAt, language) })}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {isAdmin && (
        <aside className="meetings-page__create card" aria-labelledby="new-meeting-heading">
          <h2 id="new-meeting-heading" className="card__title">{t('newMeeting.heading')}</h2>
          <Suspense fallback={<div className="form form--loading" aria-busy="true" />}>
            <NewMeetingForm />
          </Suspense>
        </aside>
      )}
    </div>
  );
}

const timeOf = (value: string | number) => (typeof value === 'number' ? value : Date.parse(value));
const byRecent = (a: MeetingSummary, b: MeetingSummary) => timeOf(b.updatedAt) - timeOf(a.updatedAt);
