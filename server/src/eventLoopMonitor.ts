import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface EventLoopDelay {
  maxMs: number;
  p99Ms: number;
}

/**
 * Measures how long the event loop was blocked: the longest time the server could not respond to
 * anyone. `takeReading` returns the figures since the previous reading and starts a new window.
 */
export function createEventLoopMonitor() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    takeReading(): EventLoopDelay {
      const reading = {
        maxMs: +(histogram.max / 1e6).toFixed(2),
        p99Ms: +(histogram.percentile(99) / 1e6).toFixed(2),
      };
      histogram.reset();
      return reading;
    },
    stop() {
      histogram.disable();
    },
  };
}
