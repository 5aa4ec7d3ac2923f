import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { formatDay } from '../series/day';
import { BarChart, LineChart } from './charts';
import type { Dashboard } from '@suishin/shared/protocol';
import type { DashboardParams } from './dashboardApi';
import { DashboardMeetings } from './DashboardMeetings';
import { OpenItems } from './OpenItems';
import { periodLabel } from './periodLabel';

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

export function Table({ caption, head, rows }: { caption: string; head: string[]; rows: Array<Array<ReactNode>> }) {
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

/** The figures of a loaded dashboard: totals, one bar per period with the table alternative, open items, topics, KPIs. */
export function DashboardFigures({ data, query, num, pct }: { data: Dashboard; query: DashboardParams; num: (v: number) => string; pct: (v: number) => string }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const id = useId();
  const periods = data.periods;
  const labels = periods.map((p, i) => periodLabel(p, data.period, language, 'short', i === 0));
  const periodName = (p: { key: string; start: string }) => periodLabel(p, data.period, language, 'long');
  const summary = (title: string) => t('dashboard.chartSummary', { title, count: periods.length });
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
  const period = t('dashboard.period');
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
      {data.totals.meetings === 0 && <p className="empty-state">{t('dashboard.noMeetings')}</p>}
      {data.totals.meetings > 0 && (
        <div className="ft-grid">
          <ChartCard
            title={t('dashboard.actions.heading')}
            summary={summary(t('dashboard.actions.heading'))}
            chart={<BarChart integer label={t('dashboard.actions.heading')} labels={labels} format={num} series={[
              { name: t('dashboard.actions.opened'), color: 'var(--c-accent)', values: periods.map((p) => p.opened) },
              { name: t('dashboard.actions.closed'), color: 'var(--c-success)', values: periods.map((p) => p.closed) },
            ]} />}
            table={<Table caption={t('dashboard.actions.heading')} head={[period, t('dashboard.actions.opened'), t('dashboard.actions.closed')]} rows={periods.map((p) => [periodName(p), num(p.opened), num(p.closed)])} />}
          />
          <ChartCard
            title={t('dashboard.onTime.heading')}
            summary={summary(t('dashboard.onTime.heading'))}
            chart={<BarChart integer stacked label={t('dashboard.onTime.heading')} labels={labels} format={num} series={[
              { name: t('dashboard.onTime.onTime'), color: 'var(--c-success)', values: periods.map((p) => p.closedOnTime) },
              { name: t('dashboard.onTime.late'), color: 'var(--c-warning)', values: periods.map((p) => p.closedLate) },
            ]} />}
            table={<Table caption={t('dashboard.onTime.heading')} head={[period, t('dashboard.onTime.onTime'), t('dashboard.onTime.late')]} rows={periods.map((p) => [periodName(p), num(p.closedOnTime), num(p.closedLate)])} />}
          />
          <ChartCard
            title={t('dashboard.decisions.heading')}
            summary={summary(t('dashboard.decisions.heading'))}
            chart={<BarChart integer label={t('dashboard.decisions.heading')} labels={labels} format={num} series={[{ name: t('dashboard.decisions.count'), color: 'var(--c-info)', values: periods.map((p) => p.decisions) }]} />}
            table={<Table caption={t('dashboard.decisions.heading')} head={[period, t('dashboard.decisions.count')]} rows={periods.map((p) => [periodName(p), num(p.decisions)])} />}
          />
          <ChartCard
            title={t('dashboard.overrun.heading')}
            summary={summary(t('dashboard.overrun.heading'))}
            chart={<BarChart label={t('dashboard.overrun.heading')} labels={labels} format={(v) => num(v)} series={[{ name: t('dashboard.overrun.overrun'), color: 'var(--c-danger)', negative: { name: t('dashboard.overrun.under'), color: 'var(--c-success)' }, values: periods.map((p) => Math.round(p.overrunSeconds / 6) / 10) }]} />}
            table={<Table caption={t('dashboard.overrun.heading')} head={[period, t('dashboard.overrun.planned'), t('dashboard.overrun.actual'), t('dashboard.overrun.overrun')]} rows={periods.map((p) => [periodName(p), minutes(p.plannedSeconds), minutes(p.actualSeconds), minutes(p.overrunSeconds)])} />}
          />
        </div>
      )}
      <DashboardMeetings query={query} meetings={data.totals.meetings} num={num} />
      <OpenItems data={data} num={num} />
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
              <li key={d.decisionId}><Link className="link" to={`/meetings/${encodeURIComponent(d.meetingId)}#decision-${encodeURIComponent(d.decisionId)}`}>{d.text}</Link> <span className="muted">→ {d.supersededBy.text}</span></li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${id}-kpi`}>
        <h2 id={`${id}-kpi`} className="ft-section-title">{t('dashboard.kpi.heading')}</h2>
        {data.kpiTrends.length === 0 ? <p className="muted">{t('dashboard.kpi.none')}</p> : (
          <div className="ft-grid">
            {data.kpiTrends.map((k) => {
              const byPeriod = new Map(k.points.map((p) => [p.period, p]));
              const unit = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${num(v)}${k.unit ? ` ${k.unit}` : ''}`);
              return (
                <ChartCard
                  key={k.name}
                  title={k.unit ? `${k.name} (${k.unit})` : k.name}
                  summary={summary(k.name)}
                  chart={<LineChart label={t('dashboard.kpi.chartLabel', { name: k.name })} labels={labels} actual={periods.map((p) => byPeriod.get(p.key)?.actual ?? null)} target={periods.map((p) => byPeriod.get(p.key)?.target ?? null)} actualName={t('dashboard.kpi.actual')} targetName={t('dashboard.kpi.target')} format={num} />}
                  table={<Table caption={k.name} head={[period, t('dashboard.kpi.actual'), t('dashboard.kpi.target')]} rows={k.points.map((p) => [periodName(periods.find((x) => x.key === p.period) ?? { key: p.period, start: p.heldOn ?? '' }), unit(p.actual), unit(p.target)])} />}
                />
              );
            })}
          </div>
        )}
      </section>
    </>
  );
}
