/**
 * REST shapes of the health endpoints (server/src/http/health.ts): liveness for load balancers,
 * and the gauges for the workspace admin and the benchmarks.
 */

/** `GET /healthz`: open to anyone, so it says nothing but that the process answers. */
export interface LivenessResponse {
  status: 'ok';
}

/** How long the event loop was blocked (beyond its timer's resolution). */
export interface EventLoopDelay {
  maxMs: number;
  p99Ms: number;
}

/** A latency distribution since the previous reading. */
export interface LatencyReading {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** `GET /api/admin/health` (the workspace admin): the readings are since the previous call. */
export interface AdminHealthResponse {
  status: 'ok';
  uptimeSeconds: number;
  openRooms: number;
  /** Rooms whose last client left, still persisting before they are freed. */
  unloadingRooms: number;
  connections: number;
  memory: { rssBytes: number; heapUsedBytes: number };
  eventLoopDelaySinceLastCheck: EventLoopDelay;
  /** How long accepted updates took to become durable (mostly the fsync). */
  durableWritesSinceLastCheck: LatencyReading;
  /** Null when no BACKUP_DIR is set (no scheduled backups). */
  backups: BackupStatus | null;
}

/** Scheduled backups (BACKUP_DIR): how the last one went. Times are epoch milliseconds. */
export interface BackupStatus {
  dir: string;
  everyMs: number;
  keep: number;
  /** The newest backup made (or found in the folder at start: then tookMs is null). */
  lastBackup: { at: number; file: string; bytes: number; tookMs: number | null } | null;
  lastFailure: { at: number; message: string } | null;
  failuresTotal: number;
  nextAt: number | null;
}
