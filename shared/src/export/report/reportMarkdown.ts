/**
 * 経営報告 as Markdown (GFM tables): the same title block, body tree and numbered sections as the
 * HTML; KPI trends as tables only (no chart). User text is escaped so it cannot change the layout.
 */
import { escapeMarkdownCell as cell, escapeMarkdownInline as inline } from '../markdownText';
import type { ExportLanguage } from '../formatting';
import type { FollowThroughSection, KeyDecisionsSection, KpiTrendsSection, ManagementReport, ReportSection, ReportSectionKind } from '../../report/managementReport';
import { bodyNames, dayText, judgement, percent, periodText, quantity } from './reportFigures';
import { reportLabels, type ReportLabels } from './reportLabels';

interface Ctx {
  labels: ReportLabels;
  language: ExportLanguage;
  body: (id: string) => string;
}

/** A GFM table; `right` marks the numeric columns. */
function table(head: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head.map(cell)), line(head.map((_, i) => (right.has(i) ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

function kpiTrends(s: KpiTrendsSection, { labels, language, body }: Ctx): string {
  if (s.kpis.length === 0) return labels.none;
  const summary = table(
    [labels.body, labels.kpi, labels.actual, labels.target, labels.onTarget],
    s.kpis.map((k) => {
      const last = [...k.points].reverse().find((p) => p.actual !== null) ?? null;
      return [cell(body(k.bodyId)), cell(k.name), quantity(last?.actual ?? null, language), quantity(last?.target ?? null, language), cell(judgement(k, labels))];
    }),
    new Set([2, 3]),
  );
  const each = s.kpis.map((k) => {
    const name = `${k.name}${k.unit ? ` (${k.unit})` : ''}`;
    return `**${inline(`${body(k.bodyId)} — ${labels.tableOf(name)}`)}**\n\n${table(
      [labels.periodKey, labels.heldOn, labels.actual, labels.target],
      k.points.map((p) => [cell(p.period), cell(dayText(p.heldOn, language)), quantity(p.actual, language), quantity(p.target, language)]),
      new Set([2, 3]),
    )}`;
  });
  return [summary, ...each].join('\n\n');
}

function followThrough(s: FollowThroughSection, { labels, body }: Ctx): string {
  const figures = (f: FollowThroughSection['totals']) => [String(f.meetings), String(f.closed), String(f.closedOnTime), percent(f.onTimeRate), String(f.open), String(f.overdue)];
  const numeric = new Set([1, 2, 3, 4, 5, 6]);
  return [
    table(
      [labels.body, labels.meetings, labels.closed, labels.closedOnTime, labels.onTimeRate, labels.open, labels.overdue],
      [...s.bodies.map((b) => [cell(body(b.bodyId)), ...figures(b)]), [`**${cell(labels.total)}**`, ...figures(s.totals)]],
      numeric,
    ),
    inline(labels.openNote),
    `### ${inline(labels.overdueByOwner)}`,
    s.overdueByOwner.length === 0
      ? labels.none
      : table([labels.owner, labels.department, labels.overdue, labels.open], s.overdueByOwner.map((o) => [cell(o.owner), cell(o.department || labels.noDepartment), String(o.overdue), String(o.open)]), new Set([2, 3])),
    `### ${inline(labels.overdueByDepartment)}`,
    s.overdueByDepartment.length === 0
      ? labels.none
      : table([labels.department, labels.overdue, labels.open], s.overdueByDepartment.map((d) => [cell(d.department || labels.noDepartment), String(d.overdue), String(d.open)]), new Set([1, 2])),
  ].join('\n\n');
}

function keyDecisions(s: KeyDecisionsSection, { labels, language, body }: Ctx): string {
  if (s.decisions.length === 0) return labels.none;
  const rows = table(
    [labels.heldOn, labels.body, labels.decision, labels.decidedBy, labels.rationale],
    s.decisions.map((d) => [cell(dayText(d.heldOn, language)), cell(body(d.bodyId)), cell(d.text), cell(d.decidedBy), cell(d.rationale)]),
  );
  return s.total > s.decisions.length ? `${inline(labels.shownOf(s.decisions.length, s.total))}\n\n${rows}` : rows;
}

type Renderers = { [K in ReportSectionKind]: (s: Extract<ReportSection, { kind: K }>, ctx: Ctx) => string };
const renderers: Renderers = { kpiTrends, followThrough, keyDecisions };

export function formatReportMarkdown(report: ManagementReport, language: ExportLanguage = 'ja'): string {
  const labels = reportLabels(language);
  const ctx: Ctx = { labels, language, body: bodyNames(report) };
  const parts = [
    `# ${inline(labels.reportTitle)}: ${inline(report.title)}`,
    `- ${labels.period}: ${periodText(report, language)}\n- ${labels.madeOn}: ${dayText(report.today, language)}`,
    `## ${inline(labels.bodies)}`,
    report.bodies.map((b) => `${'  '.repeat(b.depth)}- ${inline(b.name)}`).join('\n'),
    ...report.sections.map((s, i) => {
      const render = renderers[s.kind] as (s: ReportSection, ctx: Ctx) => string;
      return `## ${i + 1}. ${inline(labels.section[s.kind])}\n\n${render(s, ctx)}`;
    }),
  ];
  return `${parts.join('\n\n')}\n`;
}
