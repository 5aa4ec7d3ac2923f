import { useState } from 'react';
import { Link } from 'react-router';
import type { DashboardMeetingFigures } from '@suishin/shared/protocol';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { usePagedList } from '../../ui/usePagedList';
import { PagedResults } from '../archive/PagedResults';
import { formatDay } from '../series/day';
import { fetchDashboardMeetings, type DashboardParams } from './dashboardApi';

function MeetingsTable({ query, num }: { query: DashboardParams; num: (v: number) => string }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { list, loadMore } = usePagedList<DashboardMeetingFigures>(
    JSON.stringify(query),
    async (cursor) => {
      const page = await fetchDashboardMeetings(query, cursor);
      return { items: page.meetings, nextCursor: page.nextCursor, total: page.total };
    },
    (m) => m.meetingId,
  );
  const minutes = (seconds: number) => t('dashboard.overrun.minutes', { value: num(Math.round(seconds / 6) / 10) });
  return (
    <PagedResults list={list} loadMore={loadMore} failed={(message) => t('dashboard.loadFailed', { message })} empty={t('dashboard.noMeetings')}>
      {(items) => (
        <div className="ft-table-wrap">
          <table className="ft-table ft-table--rows">
            <caption className="visually-hidden">{t('dashboard.meetingsInRange')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.meeting')}</th>
                <th scope="col" className="ft-num">{t('dashboard.actions.opened')}</th>
                <th scope="col" className="ft-num">{t('dashboard.actions.closed')}</th>
                <th scope="col" className="ft-num">{t('dashboard.onTime.late')}</th>
                <th scope="col" className="ft-num">{t('dashboard.decisions.count')}</th>
                <th scope="col" className="ft-num">{t('dashboard.overrun.overrun')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.meetingId}>
                  <th scope="row"><Link className="link" to={`/meetings/${encodeURIComponent(m.meetingId)}`}>{formatDay(m.heldOn, language)} {m.title}</Link></th>
                  <td className="ft-num">{num(m.opened)}</td>
                  <td className="ft-num">{num(m.closed)}</td>
                  <td className="ft-num">{num(m.closedLate)}</td>
                  <td className="ft-num">{num(m.decisions)}</td>
                  <td className="ft-num">{minutes(m.overrunSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PagedResults>
  );
}

/** The per-meeting figures of the range, one click away, newest first, 50 at a time. */
export function DashboardMeetings({ query, meetings, num }: { query: DashboardParams; meetings: number; num: (v: number) => string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="card" aria-labelledby="dashboard-meetings">
      <div className="ft-section-head">
        <h2 id="dashboard-meetings" className="card__title">{t('dashboard.meetingsInRange')} <span className="muted">({t('dashboard.meetingsCount', { count: meetings })})</span></h2>
        <button type="button" className="btn btn--secondary btn--sm" aria-expanded={open} aria-controls="dashboard-meetings-table" onClick={() => setOpen((o) => !o)}>
          {open ? t('dashboard.hideMeetings') : t('dashboard.showMeetings')}
        </button>
      </div>
      <div id="dashboard-meetings-table">{open && <MeetingsTable query={query} num={num} />}</div>
    </section>
  );
}
