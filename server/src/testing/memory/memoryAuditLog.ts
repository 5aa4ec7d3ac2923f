/** An AuditLog in memory, for tests and the audit log's contract. */
import type { AuditEntry } from '@suishin/shared/protocol';
import type { AuditFilter, AuditLog, AuditRecord } from '../../audit/auditLog';

const matches = (r: AuditRecord, f: AuditFilter) =>
  (f.meetingId === undefined || r.meetingId === f.meetingId) &&
  (f.kind === undefined || r.kind === f.kind) &&
  (f.person === undefined || (r.actor !== null && (r.actor.id === f.person || r.actor.name === f.person)));

export function openMemoryAuditLog(entries: Array<AuditRecord & { id: number }> = []): AuditLog {
  let nextId = entries.reduce((max, e) => Math.max(max, e.id), 0) + 1;
  const toEntry = (r: AuditRecord & { id: number }): AuditEntry => structuredClone({ ...r, at: new Date(r.at).toISOString() });
  return {
    async append(record) {
      entries.push({ ...structuredClone(record), id: nextId++ });
    },
    async page(filter, limit, beforeId) {
      const found = entries.filter((e) => matches(e, filter) && (beforeId === null || e.id < beforeId)).sort((a, b) => b.id - a.id);
      const page = found.slice(0, limit).map(toEntry);
      return { entries: page, next: found.length > limit ? page.at(-1)!.id : null };
    },
    async count(filter, cap) {
      const n = entries.filter((e) => matches(e, filter)).length;
      return { count: Math.min(n, cap), capped: n > cap };
    },
    async prune(before) {
      const kept = entries.filter((e) => e.at >= before);
      const dropped = entries.length - kept.length;
      entries.splice(0, entries.length, ...kept);
      return dropped;
    },
    async close() {},
  };
}
