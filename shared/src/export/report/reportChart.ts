/**
 * A KPI's trend as an inline SVG line chart: actual as a solid line with points, target as a dashed
 * line, no script and no external file, so the report prints and opens offline. Decorative to
 * assistive technology (aria-hidden): the table after it carries the same numbers.
 */
import type { ReportKpiPoint } from '../../report/managementReport';

const W = 320;
const H = 96;
const PAD = 8;

export function kpiChartSvg(points: readonly ReportKpiPoint[]): string {
  const values = points.flatMap((p) => [p.actual, p.target]).filter((v): v is number => v !== null);
  if (points.length === 0 || values.length === 0) return '';
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const x = (i: number) => (points.length === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (points.length - 1));
  const y = (v: number) => H - PAD - ((v - min) * (H - 2 * PAD)) / (max - min);
  const line = (pick: (p: ReportKpiPoint) => number | null) =>
    points
      .map((p, i) => ({ v: pick(p), i }))
      .filter((p): p is { v: number; i: number } => p.v !== null)
      .map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`)
      .join(' ');
  const actual = line((p) => p.actual);
  const target = line((p) => p.target);
  const dots = points
    .map((p, i) => (p.actual === null ? '' : `<circle cx="${x(i).toFixed(1)}" cy="${y(p.actual).toFixed(1)}" r="2.5"/>`))
    .join('');
  return [
    `<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#fff" stroke="#ccc"/>`,
    target ? `<polyline class="target" points="${target}" fill="none" stroke="#b35900" stroke-width="1.5" stroke-dasharray="4 3"/>` : '',
    actual ? `<polyline class="actual" points="${actual}" fill="none" stroke="#1a4f8b" stroke-width="2"/>` : '',
    `<g fill="#1a4f8b">${dots}</g>`,
    '</svg>',
  ].join('');
}
