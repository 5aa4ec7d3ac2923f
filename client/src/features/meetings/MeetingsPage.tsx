import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatCount as countText } from '../../i18n/format';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { useSession } from '../access/session';
import type { HomeResponse } from '@suishin/shared/protocol';
import { loadHome } from './homeApi';
import { HomeItems } from './HomeItems';
import { MeetingCard } from './MeetingCard';
import './home.css';

/** The form (react-aria widgets, date picker) loads after the page: the home page's first load stays small. */
const NewMeetingForm = lazy(() => import('./NewMeetingForm'));

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; home: HomeResponse };

function Section({ id, title, count, children, footer }: { id: string; title: string; count?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <section className="home-section" aria-labelledby={id}>
      <h2 id={id} className="home-section__title">
        {title}
        {count !== undefined && <span className="home-section__count">{count}</span>}
      </h2>
      {children}
      {footer && <p className="home-section__footer">{footer}</p>}
    </section>
  );
}

/**
 * The home page: what needs me now, bounded whatever the workspace's age (GET /api/home): live
 * and upcoming meetings, the last few ended ones, my open action items and those due soon. Every
 * other meeting is in the archive, every other item in the register.
 */
export function MeetingsPage() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  // Only the workspace admin creates meetings (the server refuses everyone else).
  const session = useSession();
  const isAdmin = session.status === 'signedIn' && session.session.admin;

  const reload = useCallback(() => {
    let cancelled = false;
    loadHome().then(
      (home) => !cancelled && setLoad({ state: 'loaded', home }),
      () => !cancelled && setLoad({ state: 'failed' }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  useEffect(reload, [reload]);

  const home = load.state === 'loaded' ? load.home : null;
  const meetingsFound = home && home.live.length + home.upcoming.length + home.drafts.length + home.recent.length > 0;

  return (
    <div className="page home-page">
      <div className="page-heading">
        <h1 id="meetings-heading">{t('meetings.title')}</h1>
        <p className="page-heading__subtitle">{t('meetings.subtitle')}</p>
      </div>
      <div className="home-grid">
        <div className="home-main">
          {load.state === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
          {load.state === 'failed' && (
            <div className="notice notice--danger" role="alert">
              {t('home.loadFailed')}{' '}
              <button type="button" className="btn btn--secondary btn--sm" onClick={() => { setLoad({ state: 'loading' }); reload(); }}>{t('home.retry')}</button>
            </div>
          )}
          {home && !meetingsFound && <p className="empty-state">{t('meetings.empty')}</p>}
          {home && meetingsFound && (
            <>
              {home.live.length > 0 && (
                <Section id="home-live" title={t('home.live')} count={countText(home.counts.live, language)}>
                  <ul className="meeting-list" aria-label={t('home.live')}>{home.live.map((m) => <li key={m.id}><MeetingCard meeting={m} /></li>)}</ul>
                </Section>
              )}
              <Section
                id="home-upcoming"
                title={t('home.upcoming')}
                footer={home.counts.drafts.count > home.upcoming.length + home.drafts.length && (
                  <Link className="link" to="/archive?status=draft">{t('home.allDrafts', { count: countText(home.counts.drafts, language) })}</Link>
                )}
              >
                {home.upcoming.length === 0 ? <p className="muted">{t('home.upcomingNone')}</p> : (
                  <ul className="meeting-list" aria-label={t('home.upcoming')}>{home.upcoming.map((m) => <li key={m.id}><MeetingCard meeting={m} /></li>)}</ul>
                )}
                {home.drafts.length > 0 && (
                  <>
                    <h3 className="section-label home-section__sub">{t('home.drafts')}</h3>
                    <ul className="meeting-list" aria-label={t('home.drafts')}>{home.drafts.map((m) => <li key={m.id}><MeetingCard meeting={m} /></li>)}</ul>
                  </>
                )}
              </Section>
              <Section
                id="home-recent"
                title={t('home.recent')}
                footer={home.counts.ended.count > 0 && (
                  <Link className="link" to="/archive?status=ended">{t('home.allInArchive', { count: countText(home.counts.ended, language) })}</Link>
                )}
              >
                {home.recent.length === 0 ? <p className="muted">{t('home.recentNone')}</p> : (
                  <ul className="meeting-list" aria-label={t('home.recent')}>{home.recent.map((m) => <li key={m.id}><MeetingCard meeting={m} /></li>)}</ul>
                )}
              </Section>
            </>
          )}
        </div>
        <aside className="home-side" aria-label={t('home.side')}>
          {home && <HomeItems home={home} />}
          {isAdmin && (
            <section className="card home-create" aria-labelledby="new-meeting-heading">
              <h2 id="new-meeting-heading" className="card__title">{t('newMeeting.heading')}</h2>
              <Suspense fallback={<div className="form form--loading" aria-busy="true" />}>
                <NewMeetingForm />
              </Suspense>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
