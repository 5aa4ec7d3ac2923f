import { Hono } from 'hono';

export interface HealthDeps {
  openRooms(): number;
  connections(): number;
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
    });
  });
}
