/**
 * The audit trail in the documents' SQLite file (table audit_log, migration 5 in schema.ts), on a
 * connection of its own, as the projection has. synchronous=NORMAL: entries are a few small rows
 * at moments people act (sign-ins, links, ends, exports), written on the calling thread; in WAL
 * mode a commit survives a crash of this process, and only the last ones could be lost to a power
 * cut, which we accept for a log (never for the documents, committed with FULL on their own thread).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditEntry, AuditKind } from '@suishin/shared/protocol';
import type { AuditFilter, AuditLog, AuditRecord } from '../../audit/auditLog';
import { migrate } from './schema';

interface Row {
  id: number;
  at: number;
  kind: string;
  meeting_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_id: string | null;
  from_address: string | null;
  from_agent: string | null;
  detail: string;
  has_actor: number;
}

const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  at: new Date(r.at).toISOString(),
  kind: r.kind as AuditKind,
  meetingId: r.meeting_id,
  actor: r.has_actor ? { name: r.actor_name, role: r.actor_role as NonNullable<AuditEntry['actor']>['role'], id: r.actor_id } : null,
  from: r.from_address !== null || r.from_agent !== null ? { address: r.from_address, userAgent: r.from_agent } : null,
  detail: JSON.parse(r.detail) as AuditEntry['detail'],
});

/** Filters as SQL: fixed text, values bound, so nothing a caller sends becomes SQL. */
function where(filter: AuditFilter): { sql: string; values: Record<string, string> } {
  const parts: string[] = [];
  const values: Record<string, string> = {};
  if (filter.meetingId !== undefined) {
    parts.push('meeting_id = @meetingId');
    values.meetingId = filter.meetingId;
  }
  if (filter.kind !== undefined) {
    parts.push('kind = @kind');
    values.kind = filter.kind;
  }
  if (filter.person !== undefined) {
    parts.push('(actor_id = @person OR actor_name = @person)');
    values.person = filter.person;
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', values };
}

export function openSqliteAuditLog(options: { dataDir: string; fileName?: string }): AuditLog {
  const db = new Database(join(options.dataDir, options.fileName ?? 'suishin.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db); // the store migrates first when it opens the same file; this is for a log opened alone
  const insert = db.prepare(`INSERT INTO audit_log (at, kind, meeting_id, actor_name, actor_role, actor_id, from_address, from_agent, detail)
    VALUES (@at, @kind, @meetingId, @actorName, @actorRole, @actorId, @fromAddress, @fromAgent, @detail)`);
  const prune = db.prepare<[number]>('DELETE FROM audit_log WHERE at < ?');
  const columns = 'id, at, kind, meeting_id, actor_name, actor_role, actor_id, from_address, from_agent, detail, has_actor';
  const pages = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = pages.get(sql);
    if (!statement) pages.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  let closed = false;
  const open = () => {
    if (closed) throw new Error('the audit log is closed');
  };

  return {
    async append(r: AuditRecord) {
      open();
      insert.run({
        at: r.at,
        kind: r.kind,
        meetingId: r.meetingId,
        actorName: r.actor?.name ?? null,
        actorRole: r.actor?.role ?? null,
        // An actor with neither name, role nor id is still an actor (has_actor below): keep '' for it.
        actorId: r.actor ? (r.actor.id ?? '') : null,
        fromAddress: r.from?.address ?? null,
        fromAgent: r.from?.userAgent ?? null,
        detail: JSON.stringify(r.detail),
      });
    },
    async page(filter, limit, beforeId) {
      open();
      const w = where(filter);
      const rows = prepared(
        `SELECT ${columns} FROM (SELECT *, actor_id IS NOT NULL AS has_actor FROM audit_log) WHERE ${w.sql}${beforeId === null ? '' : ' AND id < @beforeId'} ORDER BY id DESC LIMIT @limit`,
      ).all({ ...w.values, ...(beforeId === null ? {} : { beforeId }), limit: limit + 1 }) as Row[];
      const entries = rows.slice(0, limit).map((r) => {
        const entry = toEntry(r);
        if (entry.actor && entry.actor.id === '') entry.actor.id = null;
        return entry;
      });
      return { entries, next: rows.length > limit ? entries.at(-1)!.id : null };
    },
    async count(filter, cap) {
      open();
      const w = where(filter);
      const { n } = prepared(`SELECT count(*) AS n FROM (SELECT 1 FROM audit_log WHERE ${w.sql} LIMIT @cap)`).get({ ...w.values, cap: cap + 1 }) as { n: number };
      return { count: Math.min(n, cap), capped: n > cap };
    },
    async prune(before) {
      open();
      return prune.run(before).changes;
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

/** Appends one entry over `db` (a backup's copy), when its schema has the audit table; false when not. */
export function insertAuditRow(db: Database.Database, record: AuditRecord): boolean {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get()) return false;
  db.prepare(`INSERT INTO audit_log (at, kind, meeting_id, actor_name, actor_role, actor_id, from_address, from_agent, detail)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(record.at, record.kind, record.meetingId, record.actor?.name ?? null, record.actor?.role ?? null,
    record.actor ? (record.actor.id ?? '') : null, record.from?.address ?? null, record.from?.userAgent ?? null, JSON.stringify(record.detail));
  return true;
}

/** Appends one entry to the database file at `file` (a restored folder, whose lock the caller holds), migrated first. */
export function appendAuditToFile(file: string, record: AuditRecord): void {
  const db = new Database(file);
  try {
    migrate(db);
    insertAuditRow(db, record);
  } finally {
    db.close();
  }
}
