import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { EventLoopDelay } from '@suishin/shared/protocol';

const RESOLUTION_MS = 10;

/** Reported by /api/admin/health as it is: shared's wire shape. */
export type { EventLoopDelay };

/**
 * Measures how long the event loop was blocked: the longest time the server could not respond to
 * anyone. `takeReading` returns the figures since the previous reading and starts a new window.
 */
export function createEventLoopMonitor() {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  // The histogram records the whole interval between its timer's runs, resolution included (an
  // idle loop reads ~10 ms): what is beyond the resolution is the time the loop was blocked.
  const blockedMs = (ns: number) => +Math.max(0, ns / 1e6 - RESOLUTION_MS).toFixed(2);
  return {
    takeReading(): EventLoopDelay {
      const reading = {
        maxMs: blockedMs(histogram.max),
        p99Ms: blockedMs(histogram.percentile(99)),
      };
      histogram.reset();
      return reading;
    },
    stop() {
      histogram.disable();
    },
  };
}
