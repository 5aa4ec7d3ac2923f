/**
 * The server's Prometheus metrics (prom-client), on a registry of its own per server (tests run
 * several in one process). Most values are read when /metrics is scraped (collect callbacks over
 * counters the server keeps anyway), so the hot path pays at most a plain increment; the one
 * histogram observed as things happen is the durable-write latency, once per committed batch.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BackupStatus } from '@suishin/shared/protocol';
import type { Role } from '@suishin/shared';
import { createEventLoopMonitor } from '../eventLoopMonitor';
import type { SyncTraffic } from '../sync/syncTraffic';

export interface MetricsSources {
  openRooms(): number;
  connectionsByRole(): Record<Role, number>;
  traffic: SyncTraffic;
  backups(): BackupStatus | null;
  now?: () => number;
}

export interface ServerMetrics {
  readonly registry: Registry;
  /** A batch of accepted updates became durable after `ms`. */
  durableWrite(ms: number): void;
  /** A room's storage failed (its unsaved edits stay in the browsers). */
  saveFailed(): void;
  /** The text a scrape gets. */
  scrape(): Promise<string>;
  stop(): void;
}

const ROLES: readonly Role[] = ['facilitator', 'participant', 'observer'];

export function createServerMetrics(sources: MetricsSources): ServerMetrics {
  const registry = new Registry();
  const now = sources.now ?? Date.now;
  const eventLoop = createEventLoopMonitor(); // its own window: /api/admin/health keeps its own
  const { traffic } = sources;
  const registers = [registry];

  new Gauge({ name: 'suishin_open_rooms', help: 'Meetings open in memory (rooms)', registers, collect() { this.set(sources.openRooms()); } });
  new Gauge({
    name: 'suishin_connections',
    help: 'Open sync sockets, by role in their meeting',
    labelNames: ['role'],
    registers,
    collect() {
      const counts = sources.connectionsByRole();
      for (const role of ROLES) this.set({ role }, counts[role] ?? 0);
    },
  });
  const totalOf = (name: string, help: string, read: (direction: 'in' | 'out') => number) =>
    new Counter({
      name,
      help,
      labelNames: ['direction'],
      registers,
      collect() {
        this.reset();
        for (const direction of ['in', 'out'] as const) this.inc({ direction }, read(direction));
      },
    });
  totalOf('suishin_sync_messages_total', 'Sync frames received (in) and sent (out)', (d) => (d === 'in' ? traffic.messagesIn : traffic.messagesOut));
  totalOf('suishin_sync_bytes_total', 'Bytes of sync frames received (in) and sent (out)', (d) => (d === 'in' ? traffic.bytesIn : traffic.bytesOut));
  const durable = new Histogram({
    name: 'suishin_durable_write_seconds',
    help: 'From an accepted update to its commit (the fsync included), per batch',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
    registers,
  });
  const saveFailures = new Counter({ name: 'suishin_save_failures_total', help: 'Rooms whose storage failed (edits not saved, clients told)', registers });
  new Gauge({
    name: 'suishin_event_loop_max_stall_seconds',
    help: 'Longest event-loop stall since the previous scrape',
    registers,
    collect() { this.set(eventLoop.takeReading().maxMs / 1000); },
  });
  // Only with scheduled backups (BACKUP_DIR): without, there is no age to alert on.
  const startedAt = now();
  const backupGauge = (name: string, help: string, read: (s: BackupStatus) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        const status = sources.backups();
        if (status) this.set(read(status));
      },
    });
  if (sources.backups()) {
    backupGauge('suishin_backup_age_seconds', 'Seconds since the last scheduled backup (before the first one: since the server started)', (s) => Math.max(0, (now() - (s.lastBackup?.at ?? startedAt)) / 1000));
    backupGauge('suishin_backup_last_bytes', 'Size of the last scheduled backup (0 before the first)', (s) => s.lastBackup?.bytes ?? 0);
    backupGauge('suishin_backup_failures_total', 'Scheduled backups that failed since the server started', (s) => s.failuresTotal);
    backupGauge('suishin_backup_last_failure_timestamp_seconds', 'When the last scheduled backup failed (0: none since the server started)', (s) => (s.lastFailure ? s.lastFailure.at / 1000 : 0));
  }

  return {
    registry,
    durableWrite: (ms) => durable.observe(ms / 1000),
    saveFailed: () => saveFailures.inc(),
    scrape: () => registry.metrics(),
    stop: () => eventLoop.stop(),
  };
}
