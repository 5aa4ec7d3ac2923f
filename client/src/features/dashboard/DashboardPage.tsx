import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { localeOf } from '../../i18n/format';
import { useUiStore } from '../../state/uiStore';
import { ApiError } from '../meetings/meetingsApi';
import { useSeriesList } from '../archive/Filters';
import { formatDay } from '../series/day';
import { BarChart, LineChart } from './charts';
import { loadDashboard, type DashboardData } from './dashboardApi';
import '../series/followThrough.css';

type Load = { state: 'idle' } | { state: 'loading' } | { state: 'forbidden' } | { state: 'failed'; message: string } | { state: 'loaded'; data: DashboardData };

/** A chart with its heading, and the same figures as a table behind a disclosure. */
function ChartCard({ title, chart, table, summary }: { title: string; chart: ReactNode; table: ReactNode; summary?: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card ft-chart-card" aria-labelledby={id}>
      <h2 id={id} className="card__title">{title}</h2>
      {summary && <p className="visually-hidden">{summary}</p>}
      <figure className="ft-figure">{chart}</figure>
      <details className="ft-details">
        <summary>{t('dashboard.showTable')}</summary>
        <div className="ft-table-wrap">{table}</div>
      </details>
    </section>
  );
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: Array<Array<ReactNode>> }) {
  return (
    <table className="ft-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>{head.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>{row.map((cell, c) => (c === 0 ? <th key={c} scope="row">{cell}</th> : <td key={c} className="ft-num">{cell}</td>))}</tr>
        ))}
      </tbody>
    </table>
  );
}

/** Axis labels: the short day, numbered ("#2 11/28") when two meetings share a day. */
function distinctLabels(days: string[]): string[] {
  return new Set(days).size === days.length ? days : days.map((d, i) => `#${i + 1} ${d}`);
}

/** Follow-through figures of a series or a department. */
export function DashboardPage() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const id = useId();
  const [params, setParams] = useSearchParams();
  const seriesId = params.get('series') ?? '';
  const department = params.get('department') ?? '';
  const seriesList = useSeriesList();
  const departments = useMemo(() => [...new Set(seriesList.flatMap((s) => s.departments))].sort(), [seriesList]);
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const number = useMemo(() => new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }), [language]);
  const percent = useMemo(() => new Intl.NumberFormat(localeOf(language), { style: 'percent' }), [language]);
  const num = (v: number) => number.format(v);

  useEffect(() => {
    if (!seriesId && !department) {
      setLoad({ state: 'idle' });
      return;
    }
    let cancelled = false;
    setLoad({ state: 'loading' });
    loadDashboard(seriesId ? { series: seriesId } : { department }).then(
      (data) => !cancelled && setLoad({ state: 'loaded', data }),
      (error: Error) => !cancelled && setLoad(error instanceof ApiError && error.status === 403 ? { state: 'forbidden' } : { state: 'failed', message: error.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [seriesId, department]);

  const scopeValue = seriesId ? `s:${seriesId}` : department ? `d:${department}` : '';
  const chooseScope = (value: string) => {
    if (value.startsWith('s:')) setParams({ series: value.slice(2) });
    else if (value.startsWith('d:')) setParams({ department: value.slice(2) });
    else setParams({});
  };

  return (
    <div className="page ft-page ft-dashboard">
      <div className="page-heading">
        <h1>{t('dashboard.title')}</h1>
        <p className="page-heading__subtitle">{t('dashboard.subtitle')}</p>
      </div>
      <div className="field ft-scope">
        <label className="field__label" htmlFor={`${id}-scope`}>{t('dashboard.scope')}</label>
        <select id={`${id}-scope`} className="field__input" value={scopeValue} onChange={(e) => chooseScope(e.target.value)}>
          <option value="">{t('dashboard.choose')}</option>
          <optgroup label={t('dashboard.bySeries')}>
            {seriesList.map((s) => <option key={s.id} value={`s:${s.id}`}>{s.name}</option>)}
          </optgroup>
          <optgroup label={t('dashboard.byDepartment')}>
            {[...new Set([...departments, ...(department ? [department] : [])])].map((d) => <option key={d} value={`d:${d}`}>{d}</option>)}
          </optgroup>
        </select>
      </div>
      <div aria-live="polite">
        {load.state === 'idle' && <p className="muted">{t('dashboard.choose')}</p>}
        {load.state === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
        {load.state === 'forbidden' && <div className="notice" role="alert">{t('dashboard.forbidden')}</div>}
        {load.state === 'failed' && <div className="notice notice--danger" role="alert">{t('dashboard.loadFailed', { message: load.message })}</div>}
      </div>
      {load.state === 'loaded' && Figures({ data: load.data, num, pct: (v) => percent.format(v) })}
    </div>
  );

  /** Called as a function (not a component type made per render, which would remount on every render). */
  function Figures({ data, num, pct }: { data: DashboardData; num: (v: number) => string; pct: (v: number) => string }) {
    const labels = distinctLabels(data.meetings.map((m) => formatDay(m.heldOn, language, 'short')));
    const rowName = (m: DashboardData['meetings'][number]) => (
      <Link className="link" to={`/meetings/${encodeURIComponent(m.meetingId)}`}>{formatDay(m.heldOn, language)} {m.title}</Link>
    );
    const summary = (title: string) => t('dashboard.chartSummary', { title, count: data.meetings.length });
    const minutes = (seconds: number) => t('dashboard.overrun.minutes', { value: num(Math.round(seconds / 6) / 10) });
    const totals: Array<[string, string, string?]> = [
      [t('dashboard.totals.opened'), num(data.totals.opened)],
      [t('dashboard.totals.closed'), num(data.totals.closed)],
      [t('dashboard.totals.open'), num(data.totals.open)],
      [t('dashboard.totals.overdue'), num(data.totals.overdue), data.totals.overdue > 0 ? 'danger' : undefined],
      [t('dashboard.totals.onTime'), num(data.totals.closedOnTime)],
      [t('dashboard.totals.late'), num(data.totals.closedLate), data.totals.closedLate > 0 ? 'warning' : undefined],
      [t('dashboard.totals.completion'), data.totals.completionRate === null ? '—' : pct(data.totals.completionRate)],
      [t('dashboard.totals.decisions'), num(data.totals.decisions)],
      [t('dashboard.totals.superseded'), num(data.totals.superseded)],
    ];
    return (
      <>
        <section aria-labelledby={`${id}-totals`} className="ft-totals-section">
          <h2 id={`${id}-totals`} className="visually-hidden">{t('dashboard.totals.heading')}</h2>
          <dl className="ft-totals">
            {totals.map(([name, value, tone]) => (
              <div key={name} className={`ft-total${tone ? ` ft-total--${tone}` : ''}`}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        {data.meetings.length === 0 && <p className="empty-state">{t('dashboard.noMeetings')}</p>}
        {data.meetings.length > 0 && (
          <div className="ft-grid">
            <ChartCard
              title={t('dashboard.actions.heading')}
              summary={summary(t('dashboard.actions.heading'))}
              chart={<BarChart integer label={t('dashboard.actions.heading')} labels={labels} format={num} series={[
                { name: t('dashboard.actions.opened'), color: 'var(--c-accent)', values: data.meetings.map((m) => m.opened) },
                { name: t('dashboard.actions.closed'), color: 'var(--c-success)', values: data.meetings.map((m) => m.closed) },
              ]} />}
              table={<Table caption={t('dashboard.actions.heading')} head={[t('dashboard.meeting'), t('dashboard.actions.opened'), t('dashboard.actions.closed')]} rows={data.meetings.map((m) => [rowName(m), num(m.opened), num(m.closed)])} />}
            />
            <ChartCard
              title={t('dashboard.onTime.heading')}
              summary={summary(t('dashboard.onTime.heading'))}
              chart={<BarChart integer stacked label={t('dashboard.onTime.heading')} labels={labels} format={num} series={[
                { name: t('dashboard.onTime.onTime'), color: 'var(--c-success)', values: data.meetings.map((m) => m.closedOnTime) },
                { name: t('dashboard.onTime.late'), color: 'var(--c-warning)', values: data.meetings.map((m) => m.closedLate) },
              ]} />}
              table={<Table caption={t('dashboard.onTime.heading')} head={[t('dashboard.meeting'), t('dashboard.onTime.onTime'), t('dashboard.onTime.late')]} rows={data.meetings.map((m) => [rowName(m), num(m.closedOnTime), num(m.closedLate)])} />}
            />
            <ChartCard
              title={t('dashboard.decisions.heading')}
              summary={summary(t('dashboard.decisions.heading'))}
              chart={<BarChart integer label={t('dashboard.decisions.heading')} labels={labels} format={num} series={[{ name: t('dashboard.decisions.count'), color: 'var(--c-info)', values: data.meetings.map((m) => m.decisions) }]} />}
              table={<Table caption={t('dashboard.decisions.heading')} head={[t('dashboard.meeting'), t('dashboard.decisions.count')]} rows={data.meetings.map((m) => [rowName(m), num(m.decisions)])} />}
            />
            <ChartCard
              title={t('dashboard.overrun.heading')}
              summary={summary(t('dashboard.overrun.heading'))}
              chart={<BarChart label={t('dashboard.overrun.heading')} labels={labels} format={(v) => num(v)} series={[{ name: t('dashboard.overrun.overrun'), color: 'var(--c-danger)', negative: { name: t('dashboard.overrun.under'), color: 'var(--c-success)' }, values: data.meetings.map((m) => Math.round(m.overrunSeconds / 6) / 10) }]} />}
              table={<Table caption={t('dashboard.overrun.heading')} head={[t('dashboard.meeting'), t('dashboard.overrun.planned'), t('dashboard.overrun.actual'), t('dashboard.overrun.overrun')]} rows={data.meetings.map((m) => [rowName(m), minutes(m.plannedSeconds), minutes(m.actualSeconds), minutes(m.overrunSeconds)])} />}
            />
          </div>
        )}
        <section className="card" aria-labelledby={`${id}-overdue`}>
          <h2 id={`${id}-overdue`} className="card__title">{t('dashboard.overdue.heading')}</h2>
          {data.overdueItems.length === 0 ? (
            <p className="muted">{t('dashboard.overdue.none')}</p>
          ) : (
            <div className="ft-grid ft-grid--tables">
              <div className="ft-table-wrap">
                <h3 className="section-label">{t('dashboard.overdue.byOwner')}</h3>
                <Table caption={t('dashboard.overdue.byOwner')} head={[t('dashboard.overdue.owner'), t('dashboard.overdue.department'), t('dashboard.overdue.count')]} rows={data.overdueByOwner.map((o) => [o.owner || '—', o.department || '—', num(o.count)])} />
              </div>
              <div className="ft-table-wrap">
                <h3 className="section-label">{t('dashboard.overdue.byDepartment')}</h3>
                <Table caption={t('dashboard.overdue.byDepartment')} head={[t('dashboard.overdue.department'), t('dashboard.overdue.count')]} rows={data.overdueByDepartment.map((o) => [o.department || '—', num(o.count)])} />
              </div>
              <div className="ft-table-wrap ft-grid__wide">
                <Table caption={t('dashboard.overdue.heading')} head={[t('dashboard.overdue.item'), t('dashboard.overdue.owner'), t('dashboard.overdue.due')]} rows={data.overdueItems.map((o) => [
                  <Link key="l" className="link" to={`/meetings/${encodeURIComponent(o.meetingId)}#actionItem-${encodeURIComponent(o.actionItemId)}`}>{o.title}</Link>,
                  `${o.owner || '—'} (${o.department || '—'})`,
                  formatDay(o.dueDate, language),
                ])} />
              </div>
            </div>
          )}
        </section>
        <section className="card" aria-labelledby={`${id}-carried`}>
          <h2 id={`${id}-carried`} className="card__title">{t('dashboard.carried.heading')}</h2>
          {data.carriedTopics.length === 0 ? <p className="muted">{t('dashboard.carried.none')}</p> : (
            <div className="ft-table-wrap">
              <Table caption={t('dashboard.carried.heading')} head={[t('dashboard.carried.topic'), t('dashboard.carried.survived'), t('dashboard.carried.first'), t('dashboard.carried.last')]} rows={data.carriedTopics.map((c) => [c.title, num(c.survived), formatDay(c.firstHeldOn, language), formatDay(c.lastHeldOn, language)])} />
            </div>
          )}
        </section>
        <section className="card" aria-labelledby={`${id}-superseded`}>
          <h2 id={`${id}-superseded`} className="card__title">{t('dashboard.superseded.heading')}</h2>
          {data.supersededDecisions.length === 0 ? <p className="muted">{t('dashboard.superseded.none')}</p> : (
            <ul className="ft-plain-list">
              {data.supersededDecisions.map((d) => (
                <li key={d.decisionId}><Link className="link" to={`/meetings/${encodeURIComponent(d.meetingId)}#decision-${encodeURIComponent(d.decisionId)}`}>{d.text}</Link></li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby={`${id}-kpi`}>
          <h2 id={`${id}-kpi`} className="ft-section-title">{t('dashboard.kpi.heading')}</h2>
          {data.kpiTrends.length === 0 ? <p className="muted">{t('dashboard.kpi.none')}</p> : (
            <div className="ft-grid">
              {data.kpiTrends.map((k) => {
                const kLabels = distinctLabels(k.points.map((p) => formatDay(p.heldOn, language, 'short')));
                const unit = (v: number | null) => (v === null ? '—' : `${num(v)}${k.unit ? ` ${k.unit}` : ''}`);
                return (
                  <ChartCard
                    key={k.name}
                    title={k.unit ? `${k.name} (${k.unit})` : k.name}
                    summary={summary(k.name)}
                    chart={<LineChart label={t('dashboard.kpi.chartLabel', { name: k.name })} labels={kLabels} actual={k.points.map((p) => p.actual)} target={k.points.map((p) => p.target)} actualName={t('dashboard.kpi.actual')} targetName={t('dashboard.kpi.target')} format={num} />}
                    table={<Table caption={k.name} head={[t('dashboard.meeting'), t('dashboard.kpi.actual'), t('dashboard.kpi.target')]} rows={k.points.map((p) => [formatDay(p.heldOn, language), unit(p.actual), unit(p.target)])} />}
                  />
                );
              })}
            </div>
          )}
        </section>
      </>
    );
  }
}

export default DashboardPage;
