/** The bench's table: each figure for Suishin, for the reference server, and their ratio. */

export interface Row {
  figure: string;
  suishin: number;
  reference: number;
  unit: 'ms' | 'MiB' | '%' | '/s';
  /** Which way is better, for the ratio's reading ("≤ 1.0×" or "≥ 1.0×" is the aim). */
  better: 'lower' | 'higher';
}

const show = (v: number, unit: Row['unit']) => {
  if (!Number.isFinite(v)) return '—';
  if (unit === 'MiB') return `${(v / 1024 / 1024).toFixed(1)} MiB`;
  if (unit === '%') return `${(v * 100).toFixed(0)} %`;
  if (unit === '/s') return `${(v / 1000).toFixed(1)}k/s`;
  return `${v.toFixed(2)} ms`;
};

export function table(rows: Row[]): string {
  const lines = [
    '| figure | Suishin | stock y-websocket server (in memory) | ratio |',
    '|---|---|---|---|',
    ...rows.map((r) => {
      const ratio = Number.isFinite(r.reference) && r.reference > 0 ? `${(r.suishin / r.reference).toFixed(2)}× (${r.better} is better)` : '—';
      return `| ${r.figure} | ${show(r.suishin, r.unit)} | ${show(r.reference, r.unit)} | ${ratio} |`;
    }),
  ];
  return lines.join('\n');
}
