/**
 * 経営報告 as a printable HTML file in a Japanese report layout: A4 print CSS, a title block
 * (経営報告, the body, the period, the day it was made), the body tree, then numbered sections with
 * tables; KPI charts as inline SVG each followed by its table. One renderer per section kind, so a
 * new kind of section is one function here (the compiler asks for it).
 */
import { escapeHtml as e } from '../minutesHtml';
import type { ExportLanguage } from '../formatting';
import type { FollowThroughSection, KeyDecisionsSection, KpiTrendsSection, ManagementReport, ReportSection, ReportSectionKind } from '../../report/managementReport';
import { kpiChartSvg } from './reportChart';
import { bodyNames, dayText, judgement, percent, periodText, quantity } from './reportFigures';
import { reportLabels, type ReportLabels } from './reportLabels';
import { printPageStyles } from '../printPage';

interface Ctx {
  labels: ReportLabels;
  language: ExportLanguage;
  body: (id: string) => string;
}

const th = (cells: string[]) => `<thead><tr>${cells.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead>`;
const num = (v: string | number) => `<td class="num">${e(String(v))}</td>`;
const txt = (v: string) => `<td>${e(v)}</td>`;

function kpiTrends(s: KpiTrendsSection, { labels, language, body }: Ctx): string {
  if (s.kpis.length === 0) return `<p class="none">${e(labels.none)}</p>`;
  const summary = `<table class="summary">${th([labels.body, labels.kpi, labels.actual, labels.target, labels.onTarget])}<tbody>${s.kpis
    .map((k) => {
      const last = [...k.points].reverse().find((p) => p.actual !== null) ?? null;
      return `<tr>${txt(body(k.bodyId))}<th scope="row">${e(k.name)}</th>${num(quantity(last?.actual ?? null, language))}${num(quantity(last?.target ?? null, language))}<td class="judgement${k.onTarget === false ? ' off' : ''}">${e(judgement(k, labels))}</td></tr>`;
    })
    .join('')}</tbody></table>`;
  const each = s.kpis
    .map((k) => {
      const name = `${k.name}${k.unit ? ` (${k.unit})` : ''}`;
      const rows = k.points.map((p) => `<tr><th scope="row">${e(p.period)}</th>${txt(dayText(p.heldOn, language))}${num(quantity(p.actual, language))}${num(quantity(p.target, language))}</tr>`).join('');
      return `<figure class="kpi"><figcaption>${e(body(k.bodyId))} — ${e(labels.chartOf(name))}</figcaption>${kpiChartSvg(k.points)}<table><caption>${e(labels.tableOf(name))}</caption>${th([labels.periodKey, labels.heldOn, labels.actual, labels.target])}<tbody>${rows}</tbody></table></figure>`;
    })
    .join('');
  return summary + each;
}

function followThrough(s: FollowThroughSection, { labels, body }: Ctx): string {
  const row = (name: string, f: FollowThroughSection['totals'], head: boolean) =>
    `<tr${head ? ' class="total"' : ''}><th scope="row">${e(name)}</th>${num(f.meetings)}${num(f.closed)}${num(f.closedOnTime)}${num(percent(f.onTimeRate))}${num(f.open)}${num(f.overdue)}</tr>`;
  const parts = [
    `<table>${th([labels.body, labels.meetings, labels.closed, labels.closedOnTime, labels.onTimeRate, labels.open, labels.overdue])}<tbody>${s.bodies.map((b) => row(body(b.bodyId), b, false)).join('')}${row(labels.total, s.totals, true)}</tbody></table>`,
    `<p class="note">${e(labels.openNote)}</p>`,
    `<h3>${e(labels.overdueByOwner)}</h3>`,
    s.overdueByOwner.length === 0
      ? `<p class="none">${e(labels.none)}</p>`
      : `<table>${th([labels.owner, labels.department, labels.overdue, labels.open])}<tbody>${s.overdueByOwner.map((o) => `<tr><th scope="row">${e(o.owner)}</th>${txt(o.department || labels.noDepartment)}${num(o.overdue)}${num(o.open)}</tr>`).join('')}</tbody></table>`,
    `<h3>${e(labels.overdueByDepartment)}</h3>`,
    s.overdueByDepartment.length === 0
      ? `<p class="none">${e(labels.none)}</p>`
      : `<table>${th([labels.department, labels.overdue, labels.open])}<tbody>${s.overdueByDepartment.map((d) => `<tr><th scope="row">${e(d.department || labels.noDepartment)}</th>${num(d.overdue)}${num(d.open)}</tr>`).join('')}</tbody></table>`,
  ];
  return parts.join('');
}

function keyDecisions(s: KeyDecisionsSection, { labels, language, body }: Ctx): string {
  if (s.decisions.length === 0) return `<p class="none">${e(labels.none)}</p>`;
  const note = s.total > s.decisions.length ? `<p class="note">${e(labels.shownOf(s.decisions.length, s.total))}</p>` : '';
  return `${note}<table>${th([labels.heldOn, labels.body, labels.decision, labels.decidedBy, labels.rationale])}<tbody>${s.decisions
    .map((d) => `<tr>${txt(dayText(d.heldOn, language))}${txt(body(d.bodyId))}<td class="text">${e(d.text)}</td>${txt(d.decidedBy)}<td class="text">${e(d.rationale)}</td></tr>`)
    .join('')}</tbody></table>`;
}

type Renderers = { [K in ReportSectionKind]: (s: Extract<ReportSection, { kind: K }>, ctx: Ctx) => string };
const renderers: Renderers = { kpiTrends, followThrough, keyDecisions };

export function formatReportHtml(report: ManagementReport, language: ExportLanguage = 'ja'): string {
  const labels = reportLabels(language);
  const ctx: Ctx = { labels, language, body: bodyNames(report) };
  const tree = report.bodies.map((b) => `<li class="depth-${Math.min(b.depth, 4)}" style="margin-left:${b.depth * 1.5}em">${e(b.name)}</li>`).join('');
  const sections = report.sections.map((s, i) => {
    const render = renderers[s.kind] as (s: ReportSection, ctx: Ctx) => string;
    return `<section class="section-${s.kind}" aria-labelledby="s${i + 1}"><h2 id="s${i + 1}"><span class="no">${i + 1}.</span> ${e(labels.section[s.kind])}</h2>${render(s, ctx)}</section>`;
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(labels.reportTitle)}: ${e(report.title)}</title>`,
    `<style>${styles(language)}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header><p class="doc-kind">${e(labels.reportTitle)}</p><h1>${e(report.title)}</h1><dl class="meta"><div><dt>${e(labels.period)}</dt><dd>${e(periodText(report, language))}</dd></div><div><dt>${e(labels.madeOn)}</dt><dd>${e(dayText(report.today, language))}</dd></div></dl></header>`,
    `<section class="bodies" aria-labelledby="bodies"><h2 id="bodies">${e(labels.bodies)}</h2><ul class="tree">${tree}</ul></section>`,
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function styles(language: ExportLanguage): string {
  return `${printPageStyles(language)}
main { max-width: 180mm; margin: 0 auto; padding: 12mm 4mm; }
header { border-bottom: 3px double #111; margin-bottom: 6mm; text-align: center; }
.doc-kind { margin: 0; font-size: 18pt; font-weight: bold; letter-spacing: 0.5em; }
h1 { margin: 1mm 0; font-size: 14pt; }
.meta { display: flex; justify-content: center; gap: 8mm; margin: 2mm 0 3mm; }
.meta div { display: flex; gap: 2mm; } .meta dt { font-weight: bold; } .meta dd { margin: 0; }
h2 { font-size: 12pt; border-left: 4px solid #1a4f8b; padding-left: 2mm; margin: 7mm 0 3mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 2mm; }
.tree { list-style: none; padding: 0; margin: 0; }
.tree li::before { content: "└ "; color: #777; } .tree li.depth-0::before { content: "■ "; color: #1a4f8b; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; break-inside: auto; }
tr { break-inside: avoid; }
caption { text-align: left; font-weight: bold; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: 1mm 2mm; vertical-align: top; text-align: left; }
thead th { background: #eef2f7; }
tr.total th, tr.total td { font-weight: bold; background: #f6f6f6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.judgement.off { color: #a00; font-weight: bold; }
td.text { white-space: pre-wrap; }
figure.kpi { margin: 3mm 0; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 1mm; }
.chart { display: block; max-width: 100%; height: auto; }
.note, .none { color: #444; font-size: 9.5pt; }
@media print { main { padding: 0; } a { color: inherit; text-decoration: none; } }
`;
}
