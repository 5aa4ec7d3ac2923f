import { useId } from 'react';
import { Link } from 'react-router';
import type { ActionItemState, Dashboard, OpenItemCounts } from '@suishin/shared/protocol';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { formatDay } from '../series/day';

/**
 * Open action items now, per owner and per owner's department: open, due this week and overdue,
 * each count a link to those items in the register (within the dashboard's series or department).
 */
export function OpenItems({ data, num }: { data: Dashboard; num: (v: number) => string }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const id = useId();
  const scope: Record<string, string> = data.series ? { series: data.series.id } : data.department ? { meetingDepartment: data.department } : {};
  const link = (filters: Record<string, string>, state: ActionItemState) => `/action-items?${new URLSearchParams({ ...scope, ...filters, state })}`;
  const cells = (counts: OpenItemCounts, filters: Record<string, string>) =>
    (
      [
        ['open', counts.open],
        ['due_this_week', counts.dueThisWeek],
        ['overdue', counts.overdue],
      ] as const
    ).map(([state, n]) => (
      <td key={state} className={`ft-num${state === 'overdue' && n > 0 ? ' register-late' : ''}`}>
        {n > 0 ? <Link className="link" to={link(filters, state)}>{num(n)}</Link> : <span className="muted">0</span>}
      </td>
    ));
  const head = (first: string[]) => (
    <thead>
      <tr>
        {first.map((h) => <th key={h} scope="col">{h}</th>)}
        <th scope="col" className="ft-num">{t('dashboard.open.open')}</th>
        <th scope="col" className="ft-num">{t('dashboard.open.dueThisWeek')}</th>
        <th scope="col" className="ft-num">{t('dashboard.open.overdue')}</th>
      </tr>
    </thead>
  );
  return (
    <section className="card" aria-labelledby={`${id}-open`}>
      <h2 id={`${id}-open`} className="card__title">{t('dashboard.open.heading')}</h2>
      <p className="muted ft-note">{t('dashboard.open.weekEnds', { date: formatDay(data.weekEnds, language) })}</p>
      {data.totals.open === 0 ? <p className="muted">{t('dashboard.open.none')}</p> : (
        <div className="ft-grid ft-open">
          <div className="ft-table-wrap">
            <h3 className="section-label">{t('dashboard.open.byOwner')}</h3>
            <table className="ft-table">
              <caption className="visually-hidden">{t('dashboard.open.byOwner')}</caption>
              {head([t('dashboard.overdue.owner'), t('dashboard.overdue.department')])}
              <tbody>
                {data.openByOwner.map((o) => (
                  <tr key={`${o.owner}/${o.department}`}>
                    <th scope="row">{o.owner || '—'}</th>
                    <td>{o.department || '—'}</td>
                    {cells(o, { owner: o.owner, department: o.department })}
                  </tr>
                ))}
              </tbody>
            </table>
            {data.ownersTotal > data.openByOwner.length && <p className="muted ft-note">{t('dashboard.open.ownersMore', { shown: data.openByOwner.length, count: data.ownersTotal })}</p>}
          </div>
          <div className="ft-table-wrap">
            <h3 className="section-label">{t('dashboard.open.byDepartment')}</h3>
            <table className="ft-table">
              <caption className="visually-hidden">{t('dashboard.open.byDepartment')}</caption>
              {head([t('dashboard.overdue.department')])}
              <tbody>
                {data.openByDepartment.map((d) => (
                  <tr key={d.department}>
                    <th scope="row">{d.department || '—'}</th>
                    {cells(d, { department: d.department })}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('dashboard.open.all')}</th>
                  {cells(data.totals, {})}
                </tr>
              </tfoot>
            </table>
          </div>
          {data.overdueItems.length > 0 && (
            <div className="ft-table-wrap ft-grid__wide">
              <h3 className="section-label">{t('dashboard.overdue.heading')}</h3>
              <table className="ft-table">
                <caption className="visually-hidden">{t('dashboard.overdue.heading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.overdue.item')}</th>
                    <th scope="col">{t('dashboard.overdue.owner')}</th>
                    <th scope="col">{t('dashboard.overdue.due')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.overdueItems.map((o) => (
                    <tr key={`${o.meetingId}/${o.actionItemId}`}>
                      <th scope="row"><Link className="link" to={o.link}>{o.title}</Link></th>
                      <td>{`${o.owner || '—'} (${o.department || '—'})`}</td>
                      <td className="ft-nowrap register-late">{formatDay(o.dueDate, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {data.totals.overdue > data.overdueItems.length && (
                <Link className="link" to={link({}, 'overdue')}>{t('home.dueAll', { count: num(data.totals.overdue) })}</Link>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
