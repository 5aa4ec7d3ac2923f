import { createHistogram } from 'node:perf_hooks';
import type { LatencyReading } from '@suishin/shared/protocol';

/** Reported by /api/admin/health as it is: shared's wire shape. */
export type { LatencyReading };

/**
 * A latency distribution read and reset by /healthz, like the event-loop reading. Used for how
 * long an accepted update takes to become durable (the store's commit, fsync included): the part
 * of every edit's fan-out that the server's own event loop does not show.
 */
export function createLatencyMonitor() {
  const histogram = createHistogram();
  return {
    record(ms: number) {
      // The histogram takes positive integers: microseconds.
      histogram.record(Math.max(1, Math.round(ms * 1000)));
    },
    takeReading(): LatencyReading {
      const ms = (us: number) => +(us / 1000).toFixed(2);
      const reading =
        histogram.count === 0
          ? { count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 }
          : { count: histogram.count, p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) };
      histogram.reset();
      return reading;
    },
  };
}
