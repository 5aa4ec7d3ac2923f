import { DEFAULT_AT_RISK_MARGIN } from '../schema/meetingMeta';
import type { Kpi, KpiStatus } from '../schema/records';

export interface KpiStatusOptions {
  /**
   * How far short of the target, as a fraction of |target|, still counts as "at risk" rather
   * than "off track". Default 0.1 (10 %).
   */
  atRiskMargin?: number;
}

export { DEFAULT_AT_RISK_MARGIN };

/**
 * The status rule, derived and never stored:
 * - on track: the actual meets or beats the target in the KPI's good direction;
 * - at risk:  it misses the target by at most `atRiskMargin` × |target|;
 * - off track: it misses by more.
 * Without both a target and an actual there is no status (null).
 */
export function kpiStatus(
  kpi: Pick<Kpi, 'target' | 'actual' | 'direction'>,
  options: KpiStatusOptions = {},
): KpiStatus | null {
  const { target, actual } = kpi;
  if (target === null || actual === null) return null;
  const margin = Math.abs(target) * (options.atRiskMargin ?? DEFAULT_AT_RISK_MARGIN);
  // Shortfall is positive when the actual is on the wrong side of the target.
  const shortfall = kpi.direction === 'higher_is_better' ? target - actual : actual - target;
  // Decimal inputs such as 2.2 − 2 are not exact in binary; don't let 1e-16 flip a status.
  const epsilon = 1e-9 * Math.max(1, Math.abs(target));
  if (shortfall <= epsilon) return 'on_track';
  if (shortfall <= margin + epsilon) return 'at_risk';
  return 'off_track';
}

/** Change from the previous value (actual − previous), or null when either is missing. */
export function kpiDelta(kpi: Pick<Kpi, 'actual' | 'previous'>): number | null {
  if (kpi.actual === null || kpi.previous === null) return null;
  return kpi.actual - kpi.previous;
}
