import { Hono } from 'hono';
import type { EventLoopDelay } from '../eventLoopMonitor';
import type { LatencyReading } from '../latencyMonitor';

export interface HealthDeps {
  openRooms(): number;
  connections(): number;
  /** Event-loop delay since the previous /healthz call. */
  eventLoopDelay(): EventLoopDelay;
  /** How long accepted updates took to become durable, since the previous /healthz call. */
  durableWrites(): LatencyReading;
}

/** GET /healthz: liveness plus a few gauges for operators (and the benchmark). */
export function healthRoutes(deps: HealthDeps) {
  return new Hono().get('/healthz', (c) => {
    const memory = process.memoryUsage();
    return c.json({
      status: 'ok',
      uptimeSeconds: Math.round(process.uptime()),
      openRooms: deps.openRooms(),
      connections: deps.connections(),
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
      eventLoopDelaySinceLastCheck: deps.eventLoopDelay(),
      durableWritesSinceLastCheck: deps.durableWrites(),
    });
  });
}
