/**
 * 経営報告: assembles the report model (shared/src/report) of a body and its children over a
 * period from the projections. Each body's figures come from the dashboard read (SQL aggregates
 * over the range's ended meetings through the per-series indexes, so a year costs a year's rows,
 * not the workspace's age) and its key decisions from the decision register (a bounded page and
 * a capped count); only the merge across the bodies happens here.
 */
import type { Series } from '@suishin/shared';
import { DASHBOARD_MAX_DAYS } from '@suishin/shared/protocol';
import { REPORT_DECISIONS_MAX, bodyTree, buildManagementReport, type ManagementReport, type ReportBodyFigures, type ReportDecision } from '@suishin/shared/report';
import { daysBetween, weekEnd } from '../followThrough/periods';
import type { HistoryReads } from '../projections/historyReads';
import type { SeriesStore } from '../series/seriesStore';

export interface ManagementReportsDeps {
  series: SeriesStore;
  reads: HistoryReads;
  today(): string;
}

export class ReportRangeError extends Error {}

export class ManagementReports {
  constructor(private readonly deps: ManagementReportsDeps) {}

  /** Null for an unknown body; throws ReportRangeError for a period that is backwards or too long. */
  async report(seriesId: string, from: string, to: string): Promise<ManagementReport | null> {
    if (from > to) throw new ReportRangeError('from: the period starts after it ends');
    if (daysBetween(from, to) > DASHBOARD_MAX_DAYS) throw new ReportRangeError(`from: the period is longer than ${DASHBOARD_MAX_DAYS} days`);
    const all = await this.deps.series.list();
    const byId = new Map<string, Series>(all.map((s) => [s.id, s]));
    if (!byId.has(seriesId)) return null;
    const bodies = bodyTree(seriesId, all.map((s) => ({ id: s.id, name: s.name, parentId: s.parentId })));
    const today = this.deps.today();
    const range = { from, to, period: 'month' as const, today, weekEnds: weekEnd(today) };
    const figures = new Map<string, ReportBodyFigures>();
    const decisions: ReportDecision[] = [];
    let decisionTotal = 0;
    for (const body of bodies) {
      const d = await this.deps.reads.dashboard({ series: body.id, templateTitles: byId.get(body.id)?.agendaTemplate.map((t) => t.title) ?? [] }, range);
      figures.set(body.id, {
        meetings: d.totals.meetings,
        closed: d.totals.closed,
        closedOnTime: d.totals.closedOnTime,
        open: d.totals.open,
        overdue: d.totals.overdue,
        byOwner: d.openByOwner,
        byDepartment: d.openByDepartment,
        kpis: d.kpiTrends,
      });
      const filter = { series: body.id, from, to, state: 'in_force' as const, today };
      const page = await this.deps.reads.decisionPage(filter, null, null, REPORT_DECISIONS_MAX);
      decisionTotal += (await this.deps.reads.decisionCount(filter, null)).count;
      for (const r of page.rows) decisions.push({ bodyId: body.id, meetingTitle: r.meetingTitle, heldOn: r.heldOn, text: r.text, decidedBy: r.decidedBy, rationale: r.rationale });
    }
    decisions.sort((a, b) => (b.heldOn ?? '').localeCompare(a.heldOn ?? ''));
    return buildManagementReport({ seriesId, from, to, today, bodies, figures, decisions, decisionTotal });
  }
}
