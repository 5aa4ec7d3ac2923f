import { Hono } from 'hono';
import type { AdminHealthResponse, BackupStatus, EventLoopDelay, LatencyReading, LivenessResponse } from '@suishin/shared/protocol';
import { requireAdmin } from './authenticate';

export interface HealthDeps {
  openRooms(): number;
  unloadingRooms(): number;
  connections(): number;
  /** Event-loop delay since the previous /api/admin/health call. */
  eventLoopDelay(): EventLoopDelay;
  /** How long accepted updates took to become durable, since the previous /api/admin/health call. */
  durableWrites(): LatencyReading;
  /** Scheduled backups, null without BACKUP_DIR. */
  backups?(): BackupStatus | null;
}

/**
 * GET /healthz: liveness for load balancers, open to all, so it says nothing but that the process
 * answers (no load, versions or memory for an attacker to read), and costs nothing.
 */
export function healthRoutes() {
  const body: LivenessResponse = { status: 'ok' };
  return new Hono().get('/healthz', (c) => c.json(body));
}

/**
 * GET /api/admin/health: the gauges, for the workspace admin (and the benchmark, with the admin
 * token): open rooms, connections, memory, and since the previous call the event loop's longest
 * stall and how long accepted updates took to become durable. Mounted under /api, so it needs a
 * credential (401) and then the admin's (403).
 */
export function adminHealthRoutes(deps: HealthDeps) {
  return new Hono().get('/health', requireAdmin(), (c) => {
    const memory = process.memoryUsage();
    const body: AdminHealthResponse = {
      status: 'ok',
      uptimeSeconds: Math.round(process.uptime()),
      openRooms: deps.openRooms(),
      unloadingRooms: deps.unloadingRooms(),
      connections: deps.connections(),
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
      eventLoopDelaySinceLastCheck: deps.eventLoopDelay(),
      durableWritesSinceLastCheck: deps.durableWrites(),
      backups: deps.backups?.() ?? null,
    };
    return c.json(body);
  });
}
