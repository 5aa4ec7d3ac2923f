/** What every AuditLog adapter must do; each adapter's test calls runAuditLogContract. */
import { describe, expect, it } from 'vitest';
import type { AuditLog, AuditRecord } from '../../audit/auditLog';

const record = (at: number, over: Partial<AuditRecord> = {}): AuditRecord => ({
  at,
  kind: 'signIn',
  meetingId: null,
  actor: { name: '佐藤', role: 'participant', id: 'p-sato' },
  from: { address: '127.0.0.1', userAgent: 'test' },
  detail: { via: 'link' },
  ...over,
});

/** `open(shared)`: a log; two opened with the same `shared` see the same entries (a restart). */
export function runAuditLogContract<S>(name: string, harness: { storage(): S; open(storage: S): Promise<AuditLog> }) {
  describe(`AuditLog contract: ${name}`, () => {
    it('[audit-append-newest-first] keeps what was appended as given, newest first, and survives a reopen', async () => {
      const storage = harness.storage();
      const log = await harness.open(storage);
      await log.append(record(1000));
      await log.append(record(2000, { kind: 'meetingEnded', meetingId: 'm1', actor: null, from: null, detail: { n: 3, ok: true, none: null } }));
      await log.append(record(3000, { actor: { name: null, role: 'admin', id: null } }));
      const { entries, next } = await log.page({}, 10, null);
      expect(next).toBeNull();
      expect(entries.map((e) => e.at)).toEqual([3000, 2000, 1000].map((t) => new Date(t).toISOString()));
      expect(entries[0]!.actor).toEqual({ name: null, role: 'admin', id: null });
      expect(entries[1]).toMatchObject({ kind: 'meetingEnded', meetingId: 'm1', actor: null, from: null, detail: { n: 3, ok: true, none: null } });
      expect(entries[2]).toMatchObject({ kind: 'signIn', actor: { name: '佐藤', role: 'participant', id: 'p-sato' }, from: { address: '127.0.0.1', userAgent: 'test' }, detail: { via: 'link' } });
      expect(new Set(entries.map((e) => e.id)).size).toBe(3);
      const again = await harness.open(storage);
      expect((await again.page({}, 10, null)).entries).toEqual(entries);
    });

    it('[audit-pages-and-filters] pages without skipping or repeating; filters by meeting, person (name or id) and kind; counts stop at the cap', async () => {
      const log = await harness.open(harness.storage());
      for (let i = 0; i < 7; i++) {
        await log.append(record(i, { meetingId: i % 2 ? 'odd' : 'even', kind: i < 3 ? 'linkCreated' : 'exported', actor: { name: i === 6 ? '山田' : '佐藤', role: 'facilitator', id: `id-${i % 3}` } }));
      }
      const seen: number[] = [];
      let before: number | null = null;
      do {
        const page: { entries: Array<{ id: number; at: string }>; next: number | null } = await log.page({}, 3, before);
        seen.push(...page.entries.map((e) => Date.parse(e.at)));
        before = page.next;
      } while (before !== null);
      expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0]);
      const ats = async (filter: Parameters<AuditLog['page']>[0]) => (await log.page(filter, 100, null)).entries.map((e) => Date.parse(e.at));
      expect(await ats({ meetingId: 'odd' })).toEqual([5, 3, 1]);
      expect(await ats({ kind: 'linkCreated' })).toEqual([2, 1, 0]);
      expect(await ats({ person: '山田' })).toEqual([6]);
      expect(await ats({ person: 'id-0' })).toEqual([6, 3, 0]);
      expect(await ats({ person: 'id-0', meetingId: 'even', kind: 'exported' })).toEqual([6]);
      expect(await ats({ person: 'nobody' })).toEqual([]);
      expect(await log.count({}, 5)).toEqual({ count: 5, capped: true });
      expect(await log.count({ meetingId: 'odd' }, 5)).toEqual({ count: 3, capped: false });
    });

    it('[audit-retention] prune drops only entries older than the limit', async () => {
      const log = await harness.open(harness.storage());
      for (const at of [100, 200, 300]) await log.append(record(at));
      expect(await log.prune(250)).toBe(2);
      expect((await log.page({}, 10, null)).entries.map((e) => Date.parse(e.at))).toEqual([300]);
    });
  });
}
