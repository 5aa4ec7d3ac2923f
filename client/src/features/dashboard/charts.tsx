/**
 * Hand-drawn SVG charts for the dashboard: grouped/stacked bars and a line with its target.
 * Why not a chart library: these are four simple shapes; the light libraries draw on canvas (no
 * accessible structure) and the SVG ones weigh 40–100 KB gzip. Each chart is an <svg role="img">
 * with a text summary; the caller puts the full figures in a table next to it.
 */
import { useId } from 'react';

export interface BarSeries {
  name: string;
  /** A CSS colour (a custom property from styles.css). */
  color: string;
  values: number[];
  /** Colour (and legend name) of negative values, e.g. time saved against time overrun. */
  negative?: { name: string; color: string };
}

const W = 640;
const H = 220;
const PAD = { top: 12, right: 12, bottom: 36, left: 44 };

/** Round ticks for a [min, max] range (0 always included). */
export function ticks(min: number, max: number, count = 4, integer = false): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max, lo + 1);
  const raw = Math.max((hi - lo) / count, integer ? 1 : 0);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw && (!integer || Number.isInteger(s))) ?? raw;
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 0.001; v += step) out.push(Number(v.toFixed(10)));
  if (out.at(-1)! < hi) out.push(out.at(-1)! + step);
  return out;
}

function Axis({ scale, values, format }: { scale: (v: number) => number; values: number[]; format: (v: number) => string }) {
  return (
    <g className="chart__axis">
      {values.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={scale(v)} y2={scale(v)} className={v === 0 ? 'chart__zero' : 'chart__grid'} />
          <text x={PAD.left - 6} y={scale(v)} dy="0.32em" textAnchor="end">{format(v)}</text>
        </g>
      ))}
    </g>
  );
}

function Labels({ labels, x }: { labels: string[]; x: (i: number) => number }) {
  const every = Math.max(1, Math.ceil(labels.length / 12));
  return (
    <g className="chart__labels">
      {labels.map((label, i) => (i % every === 0 ? <text key={i} x={x(i)} y={H - PAD.bottom + 16} textAnchor="middle">{label}</text> : null))}
    </g>
  );
}

export function Legend({ items }: { items: Array<{ name: string; color: string; dashed?: boolean }> }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.name}>
          <span className={`chart-legend__swatch${item.dashed ? ' chart-legend__swatch--dashed' : ''}`} style={{ borderColor: item.color, background: item.dashed ? 'transparent' : item.color }} />
          {item.name}
        </li>
      ))}
    </ul>
  );
}

/** Bars per meeting; `integer` for counts (no 0.5 ticks). */
export function BarChart({ label, labels, series, stacked, integer, format = String }: { label: string; labels: string[]; series: BarSeries[]; stacked?: boolean; integer?: boolean; format?: (v: number) => string }) {
  const titleId = useId();
  const n = Math.max(labels.length, 1);
  const sums = labels.map((_, i) => series.reduce((s, x) => s + Math.max(0, x.values[i] ?? 0), 0));
  const all = series.flatMap((s) => s.values);
  const max = stacked ? Math.max(0, ...sums) : Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const axis = ticks(min, max, 4, integer);
  const lo = axis[0]!;
  const hi = axis.at(-1)!;
  const y = (v: number) => PAD.top + ((hi - v) / (hi - lo || 1)) * (H - PAD.top - PAD.bottom);
  const band = (W - PAD.left - PAD.right) / n;
  const x = (i: number) => PAD.left + band * (i + 0.5);
  const groupWidth = Math.min(band * 0.7, 56);
  const barWidth = stacked ? groupWidth : groupWidth / Math.max(series.length, 1);
  return (
    <>
      <Legend items={series.flatMap((s) => (s.negative && s.values.some((v) => v < 0) ? [s, s.negative] : [s]))} />
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMidYMid meet">
        <title id={titleId}>{label}</title>
        <Axis scale={y} values={axis} format={format} />
        {labels.map((_, i) => {
          let base = 0;
          return (
            <g key={i}>
              {series.map((s, k) => {
                const v = s.values[i] ?? 0;
                const from = stacked ? base : 0;
                const to = from + v;
                if (stacked) base = to;
                const left = stacked ? x(i) - groupWidth / 2 : x(i) - groupWidth / 2 + k * barWidth;
                const top = y(Math.max(from, to));
                const height = Math.abs(y(from) - y(to));
                return <rect key={s.name} x={left} y={top} width={Math.max(barWidth - 2, 1)} height={height} fill={v < 0 && s.negative ? s.negative.color : s.color} rx={2} />;
              })}
            </g>
          );
        })}
        <Labels labels={labels} x={x} />
      </svg>
    </>
  );
}

export function LineChart({ label, labels, actual, target, actualName, targetName, format = String }: { label: string; labels: string[]; actual: Array<number | null>; target: Array<number | null>; actualName: string; targetName: string; format?: (v: number) => string }) {
  const titleId = useId();
  const values = [...actual, ...target].filter((v): v is number => v !== null);
  const axis = values.length ? ticks(Math.min(...values), Math.max(...values)) : [0, 1];
  const lo = axis[0]!;
  const hi = axis.at(-1)!;
  const y = (v: number) => PAD.top + ((hi - v) / (hi - lo || 1)) * (H - PAD.top - PAD.bottom);
  const n = Math.max(labels.length, 1);
  const band = (W - PAD.left - PAD.right) / n;
  const x = (i: number) => PAD.left + band * (i + 0.5);
  const path = (points: Array<number | null>) => {
    let d = '';
    let pen = false;
    points.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  return (
    <>
      <Legend items={[{ name: actualName, color: 'var(--c-accent)' }, { name: targetName, color: 'var(--c-warning)', dashed: true }]} />
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMidYMid meet">
        <title id={titleId}>{label}</title>
        <Axis scale={y} values={axis} format={format} />
        <path d={path(target)} className="chart__target" />
        <path d={path(actual)} className="chart__line" />
        {actual.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={4} className="chart__dot" />))}
        <Labels labels={labels} x={x} />
      </svg>
    </>
  );
}
