/**
 * Scheduled backups (BACKUP_DIR, BACKUP_EVERY, BACKUP_KEEP): every `everyMs` a copy of the database
 * goes to `dir` as suishin-<UTC time>.sqlite, and only the newest `keep` are kept. The copy runs on
 * a worker thread (persistence/sqlite/backupInWorker.ts); this module only decides when, names the
 * files, prunes and remembers how the last one went, for /api/admin/health and /metrics. Scheduled
 * backups never hold the server secret (keep DATA_DIR/suishin.secret, or SUISHIN_SECRET, apart).
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupStatus } from '@suishin/shared/protocol';
import type { Logger } from '../logger';

export interface BackupOutcome {
  file: string;
  bytes: number;
  tookMs: number;
  takenAt: number;
}

export interface BackupScheduleOptions {
  dir: string;
  everyMs: number;
  keep: number;
  /** Writes one backup to `target` (which does not exist yet). */
  run(target: string): Promise<BackupOutcome>;
  logger: Logger;
  now?: () => number;
  /** Told of every backup, made or failed (the audit trail). */
  onOutcome?(outcome: { ok: true; backup: BackupOutcome } | { ok: false; message: string }): void;
}

const FILE_PATTERN = /^suishin-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d(-\d{3})?Z\.sqlite$/;

export const backupFileName = (at: number) => `suishin-${new Date(at).toISOString().replace(/:/g, '-').replace('.', '-')}.sqlite`;

export interface BackupSchedule {
  start(): void;
  /** Takes a backup now (also what the timer calls); resolves when it has been made or has failed. */
  runNow(): Promise<void>;
  status(): BackupStatus;
  /** Stops the timer and waits for a backup under way. */
  stop(): Promise<void>;
}

export function createBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  const { dir, everyMs, keep, logger } = options;
  const now = options.now ?? Date.now;
  let last: BackupStatus['lastBackup'] = newestOnDisk(dir);
  let lastFailure: BackupStatus['lastFailure'] = null;
  let failuresTotal = 0;
  let nextAt: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const schedule = (at: number) => {
    if (stopped) return;
    nextAt = at;
    timer = setTimeout(() => void runNow(), Math.max(0, at - now()));
    timer.unref();
  };

  const runOnce = async () => {
    const at = now();
    try {
      mkdirSync(dir, { recursive: true });
      const made = await options.run(join(dir, backupFileName(at)));
      last = { at: made.takenAt, file: made.file, bytes: made.bytes, tookMs: made.tookMs };
      logger.info('backup made', { file: made.file, bytes: made.bytes, tookMs: made.tookMs });
      prune(dir, keep, logger);
      options.onOutcome?.({ ok: true, backup: made });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      lastFailure = { at, message };
      failuresTotal++;
      logger.error('backup failed', { dir, message });
      options.onOutcome?.({ ok: false, message });
    }
  };

  const runNow = (): Promise<void> => {
    if (running) return running;
    if (timer) clearTimeout(timer);
    running = runOnce().finally(() => {
      running = null;
      schedule(now() + everyMs);
    });
    return running;
  };

  return {
    start() {
      // Due when the newest backup on disk is `everyMs` old (at once when there is none).
      schedule(last ? Math.max(now(), last.at + everyMs) : now());
    },
    runNow,
    status: () => ({ dir, everyMs, keep, lastBackup: last, lastFailure, failuresTotal, nextAt }),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      nextAt = null;
      await running;
    },
  };
}

function backupsOnDisk(dir: string): Array<{ name: string; at: number; bytes: number }> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => FILE_PATTERN.test(n));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const stat = statSync(join(dir, name));
      return { name, at: stat.mtimeMs, bytes: stat.size };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1)); // the names sort by time
}

function newestOnDisk(dir: string): BackupStatus['lastBackup'] {
  const newest = backupsOnDisk(dir).at(-1);
  return newest ? { at: Math.round(newest.at), file: join(dir, newest.name), bytes: newest.bytes, tookMs: null } : null;
}

function prune(dir: string, keep: number, logger: Logger) {
  const all = backupsOnDisk(dir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) {
    rmSync(join(dir, old.name), { force: true });
    logger.info('old backup removed', { file: join(dir, old.name) });
  }
}
