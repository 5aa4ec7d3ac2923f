/** How the report formatters print its figures, the same in HTML and Markdown. */
import { formatDate, formatNumber, type ExportLanguage } from '../formatting';
import type { ManagementReport, ReportKpi } from '../../report/managementReport';
import type { ReportLabels } from './reportLabels';

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
// A report prints hundreds of numbers and days; Intl formatters are costly to make, so each
// distinct value is formatted once per language.
const memo = new Map<string, string>();
function once(key: string, make: () => string): string {
  let text = memo.get(key);
  if (text === undefined) {
    if (memo.size > 5000) memo.clear();
    memo.set(key, (text = make()));
  }
  return text;
}
export const quantity = (value: number | null, language: ExportLanguage) => (value === null ? '—' : once(`n${language}${value}`, () => formatNumber(value, language)));
export const dayText = (day: string | null, language: ExportLanguage) => (day === null ? '—' : once(`d${language}${day}`, () => formatDate(day, language)));

export function periodText(report: ManagementReport, language: ExportLanguage): string {
  return `${formatDate(report.from, language)} – ${formatDate(report.to, language)}`;
}

export const judgement = (k: ReportKpi, labels: ReportLabels) => (k.onTarget === null ? labels.noTarget : k.onTarget ? labels.onTarget : labels.offTarget);

/** The body's name by id ("" for one not in the report). */
export const bodyNames = (report: ManagementReport) => {
  const names = new Map(report.bodies.map((b) => [b.id, b.name]));
  return (id: string) => names.get(id) ?? '';
};
