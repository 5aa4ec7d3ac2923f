/**
 * The audit trail's storage seam: append-only (entries are never changed; only retention drops
 * the oldest). SQLite: persistence/sqlite/sqliteAuditLog.ts; in memory: testing/memory; the
 * contract both keep: testing/contracts/auditLogContract.ts.
 */
import type { AuditActor, AuditDetail, AuditEntry, AuditKind, AuditOrigin, MatchCount } from '@suishin/shared/protocol';

/** What is appended; `at` is epoch milliseconds. */
export interface AuditRecord {
  at: number;
  kind: AuditKind;
  meetingId: string | null;
  actor: AuditActor | null;
  from: AuditOrigin | null;
  detail: AuditDetail;
}

export interface AuditFilter {
  meetingId?: string | undefined;
  /** Matches the actor's name exactly or the actor's id. */
  person?: string | undefined;
  kind?: AuditKind | undefined;
}

export interface AuditLog {
  /** Resolves once the entry is stored. */
  append(record: AuditRecord): Promise<void>;
  /** Newest first: at most `limit` entries with an id below `beforeId` (all when null); `next` is the last id when more follow. */
  page(filter: AuditFilter, limit: number, beforeId: number | null): Promise<{ entries: AuditEntry[]; next: number | null }>;
  /** How many match, stopping at `cap`. */
  count(filter: AuditFilter, cap: number): Promise<MatchCount>;
  /** Drops the entries older than `before` (epoch ms); resolves with how many. */
  prune(before: number): Promise<number>;
  close(): Promise<void>;
}
