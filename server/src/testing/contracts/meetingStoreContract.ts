/**
 * The behaviour every MeetingStore adapter must show. An adapter's test file calls
 * `runStoreContract('sqlite', harness)`; a future PostgreSQL adapter runs the same suite.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MeetingExistsError, MeetingNotFoundError, StorageError, TrashStateError, type MeetingProjection, type MeetingStore } from '../../persistence/store';

export interface StoreHarness {
  /** Opens a store over fresh, empty storage. */
  open(): Promise<MeetingStore>;
  /** Closes `store` and opens a new one over the same storage (a server restart). */
  reopen(store: MeetingStore): Promise<MeetingStore>;
  /** Removes the storage; called after each test. */
  cleanup(): Promise<void>;
}

const projection = (title: string): MeetingProjection => ({ title, status: 'draft', scheduledStart: null });
const bytes = (...values: number[]) => new Uint8Array(values);
const dataOf = (loaded: Awaited<ReturnType<MeetingStore['loadMeeting']>>) =>
  loaded?.updates.map((u) => Array.from(u.data));

export function runStoreContract(name: string, harness: StoreHarness) {
  describe(`MeetingStore contract: ${name}`, () => {
    const open: MeetingStore[] = [];
    const start = async () => {
      const store = await harness.open();
      open.push(store);
      return store;
    };
    const restart = async (store: MeetingStore) => {
      const next = await harness.reopen(store);
      open.push(next);
      return next;
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close().catch(() => undefined);
      await harness.cleanup();
    });

    it('creates a meeting with its initial state and lists it', async () => {
      const store = await start();
      const row = await store.createMeeting('m1', bytes(1, 2, 3), projection('Weekly sync'));
      expect(row).toMatchObject({ id: 'm1', title: 'Weekly sync', status: 'draft', scheduledStart: null });
      expect(row.createdAt).toBeTypeOf('number');
      expect(await store.meetingExists('m1')).toBe(true);
      expect(await store.meetingExists('nope')).toBe(false);
      expect(await store.getMeetingRow('nope')).toBeNull();
      expect((await store.listMeetings()).map((m) => m.id)).toEqual(['m1']);
      const loaded = await store.loadMeeting('m1');
      expect(Array.from(loaded!.snapshot!)).toEqual([1, 2, 3]);
      expect(loaded!.updates).toEqual([]);
    });

    it('pages the list in the same order, each meeting once (ties on updatedAt included)', async () => {
      const store = await start();
      for (const id of ['a', 'b', 'c', 'd', 'e']) await store.createMeeting(id, bytes(1), projection(id));
      const all = (await store.listMeetings()).map((m) => m.id);
      const paged: string[] = [];
      let after = null;
      do {
        const page: Awaited<ReturnType<MeetingStore['listMeetingsPage']>> = await store.listMeetingsPage(2, after);
        expect(page.rows.length).toBeLessThanOrEqual(2);
        paged.push(...page.rows.map((m) => m.id));
        after = page.next;
      } while (after);
      expect(paged).toEqual(all);
    });

    it('refuses a duplicate id', async () => {
      const store = await start();
      await store.createMeeting('m1', bytes(1), projection('a'));
      await expect(store.createMeeting('m1', bytes(2), projection('b'))).rejects.toBeInstanceOf(MeetingExistsError);
    });

    it('returns null when loading an unknown meeting', async () => {
      const store = await start();
      expect(await store.loadMeeting('missing')).toBeNull();
    });

    it('[append-ordered-durable] appends updates in order with increasing seqs, and they survive a restart', async () => {
      let store = await start();
      await store.createMeeting('m1', bytes(0), projection('a'));
      const seqs = await Promise.all([1, 2, 3].map((v) => store.appendUpdate('m1', bytes(v))));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      store = await restart(store);
      expect(dataOf(await store.loadMeeting('m1'))).toEqual([[1], [2], [3]]);
    });

    it('[claims-with-update] stores client-id claims with their update; the first principal of an id keeps it, across restarts and compaction', async () => {
      let store = await start();
      await store.createMeeting('m1', bytes(0), projection('a'));
      await store.createMeeting('m2', bytes(0), projection('b'));
      expect((await store.loadMeeting('m1'))!.clientOwners).toEqual([]);
      await store.appendUpdate('m1', bytes(1), [[11, 'alice'], [12, 'bob']]);
      await store.appendUpdate('m1', bytes(2), [[11, 'mallory']]);
      await store.appendUpdate('m2', bytes(3), [[11, 'carol']]); // ids are per meeting
      const m1 = (await store.loadMeeting('m1'))!;
      await store.compact('m1', bytes(1, 2), { replaces: m1.snapshotUptoSeq, contains: m1.updates.map((u) => u.seq) });
      store = await restart(store);
      const owners = (id: string) => store.loadMeeting(id).then((m) => new Map(m!.clientOwners));
      expect(await owners('m1')).toEqual(new Map([[11, 'alice'], [12, 'bob']]));
      expect(await owners('m2')).toEqual(new Map([[11, 'carol']]));
    });

    it('[group-commit] commits appends from many meetings made in one tick, each caller told its seq', async () => {
      let store = await start();
      for (let m = 0; m < 5; m++) await store.createMeeting(`m${m}`, bytes(0), projection(`m${m}`));
      const pending: Promise<number>[] = [];
      for (let i = 0; i < 200; i++) pending.push(store.appendUpdate(`m${i % 5}`, bytes(i % 250)));
      const seqs = await Promise.all(pending);
      expect(new Set(seqs).size).toBe(200);
      store = await restart(store);
      for (let m = 0; m < 5; m++) {
        expect((await store.loadMeeting(`m${m}`))!.updates).toHaveLength(40);
      }
    });

    it('[batch-isolation] rejects an append to an unknown meeting without failing its batch neighbours', async () => {
      const store = await start();
      await store.createMeeting('m1', bytes(0), projection('a'));
      const good = store.appendUpdate('m1', bytes(7));
      const bad = store.appendUpdate('ghost', bytes(8));
      await expect(bad).rejects.toBeInstanceOf(Error);
      await expect(good).resolves.toBeTypeOf('number');
      expect(dataOf(await store.loadMeeting('m1'))).toEqual([[7]]);
    });

    it('[compact-keeps-later] compacts into a snapshot and keeps updates appended meanwhile, even in the same tick', async () => {
      let store = await start();
      await store.createMeeting('m1', bytes(0), projection('a'));
      const s1 = await store.appendUpdate('m1', bytes(1));
      const s2 = await store.appendUpdate('m1', bytes(2));
      // The compaction (built from state through s2) and a new append land in the same tick.
      const [upto, s3] = await Promise.all([
        store.compact('m1', bytes(9, 9), { replaces: 0, contains: [s1, s2] }),
        store.appendUpdate('m1', bytes(3)),
      ]);
      expect(upto).toBe(s2);
      expect(s3).toBeGreaterThan(s2);
      store = await restart(store);
      const loaded = await store.loadMeeting('m1');
      expect(Array.from(loaded!.snapshot!)).toEqual([9, 9]);
      expect(loaded!.snapshotUptoSeq).toBe(s2);
      expect(dataOf(loaded)).toEqual([[3]]);
    });

    it('[compact-only-contained] drops only the rows its snapshot contains: a second writer’s rows survive', async () => {
      let store = await start();
      await store.createMeeting('m1', bytes(0), projection('a'));
      const mine1 = await store.appendUpdate('m1', bytes(1));
      const theirs = await store.appendUpdate('m1', bytes(5)); // another writer, unseen by the compacting room
      const mine2 = await store.appendUpdate('m1', bytes(2));
      const upto = await store.compact('m1', bytes(1, 2), { replaces: 0, contains: [mine1, mine2] });
      expect(upto).toBe(theirs - 1); // the snapshot cannot claim a row it lacks
      store = await restart(store);
      const loaded = (await store.loadMeeting('m1'))!;
      expect(Array.from(loaded.snapshot!)).toEqual([1, 2]);
      expect(dataOf(loaded)).toEqual([[5]]); // their row is still read after the snapshot
      // A later compaction that contains it folds it in.
      expect(await store.compact('m1', bytes(1, 2, 5), { replaces: upto!, contains: [theirs] })).toBe(theirs);
      expect(dataOf(await store.loadMeeting('m1'))).toEqual([]);
    });

    it('[compact-same-base] changes nothing when the stored snapshot is no longer the one it was built on', async () => {
      const store = await start();
      await store.createMeeting('m1', bytes(0), projection('a'));
      const s1 = await store.appendUpdate('m1', bytes(1));
      const s2 = await store.appendUpdate('m1', bytes(2));
      expect(await store.compact('m1', bytes(2, 2), { replaces: 0, contains: [s1, s2] })).toBe(s2);
      // A writer that loaded before that compaction, folding only what it saw:
      expect(await store.compact('m1', bytes(1, 1), { replaces: 0, contains: [s1] })).toBeNull();
      const loaded = await store.loadMeeting('m1');
      expect(Array.from(loaded!.snapshot!)).toEqual([2, 2]);
      expect(loaded!.snapshotUptoSeq).toBe(s2);
    });

    it('refreshes the list projection', async () => {
      const store = await start();
      await store.createMeeting('m1', bytes(0), projection('old'));
      await store.updateProjection('m1', { title: 'new', status: 'live', scheduledStart: '2026-12-01T09:00:00.000Z' });
      expect(await store.getMeetingRow('m1')).toMatchObject({
        title: 'new',
        status: 'live',
        scheduledStart: '2026-12-01T09:00:00.000Z',
      });
    });

    it('keeps an access key version per meeting: 1 at first, rotated one up, across a restart', async () => {
      let store = await start();
      await store.createMeeting('m1', bytes(0), projection('a'));
      await store.createMeeting('m2', bytes(0), projection('b'));
      expect(await store.getAccessKeyVersion('m1')).toBe(1);
      expect(await store.getAccessKeyVersion('ghost')).toBeNull();
      expect(await store.rotateAccessKey('m1')).toBe(2);
      expect(await store.rotateAccessKey('m1')).toBe(3);
      await expect(store.rotateAccessKey('ghost')).rejects.toBeInstanceOf(Error);
      store = await restart(store);
      expect(await store.getAccessKeyVersion('m1')).toBe(3);
      expect(await store.getAccessKeyVersion('m2')).toBe(1);
    });

    it('[revocations-persist] keeps revoked sessions until they expire, across a restart', async () => {
      let store = await start();
      const later = Date.now() + 60 * 60 * 1000;
      await store.revokeSession('signed-out-1', later);
      await store.revokeSession('signed-out-1', later); // twice is once
      await store.revokeSession('long-expired', Date.now() - 1000);
      store = await restart(store);
      expect(await store.listRevokedSessions()).toEqual([{ sessionId: 'signed-out-1', expiresAt: later }]);
    });

    it('[closed-rejects] flush resolves after pending writes, and a closed store rejects with StorageError', async () => {
      const store = await start();
      await store.createMeeting('m1', bytes(0), projection('a'));
      const append = store.appendUpdate('m1', bytes(1));
      await store.flush();
      await expect(append).resolves.toBeTypeOf('number');
      await store.close();
      await expect(store.appendUpdate('m1', bytes(2))).rejects.toBeInstanceOf(StorageError);
      await expect(store.loadMeeting('m1')).rejects.toBeInstanceOf(StorageError);
    });

    it('[trash] hides a trashed meeting from the lists, keeps it whole, restores it, across a restart', async () => {
      let store = await start();
      await store.createMeeting('m1', bytes(1), projection('kept'));
      await store.createMeeting('m2', bytes(2), projection('binned'));
      await store.appendUpdate('m2', bytes(3));
      const before = await store.loadMeeting('m2');
      await store.trashMeeting('m2', 1000, 'Admin');
      expect((await store.listMeetings()).map((r) => r.id)).toEqual(['m1']);
      expect((await store.listMeetingsPage(10)).rows.map((r) => r.id)).toEqual(['m1']);
      store = await restart(store);
      expect((await store.listTrash()).map((t) => [t.row.id, t.row.title, t.deletedAt, t.deletedBy])).toEqual([['m2', 'binned', 1000, 'Admin']]);
      expect(await store.loadMeeting('m2')).toEqual(before);
      await expect(store.trashMeeting('m2', 2000, null)).rejects.toBeInstanceOf(TrashStateError);
      await store.untrashMeeting('m2');
      await expect(store.untrashMeeting('m2')).rejects.toBeInstanceOf(TrashStateError);
      expect(await store.listTrash()).toEqual([]);
      expect((await store.listMeetings()).map((r) => r.id).sort()).toEqual(['m1', 'm2']);
      expect(await store.loadMeeting('m2')).toEqual(before);
    });

    it('[purge] purges only a trashed meeting, and then nothing of it is left', async () => {
      let store = await start();
      await store.createMeeting('m1', bytes(1), projection('live one'));
      await store.appendUpdate('m1', bytes(2), [[7, 'p']]);
      await store.rotateAccessKey('m1');
      await expect(store.purgeMeeting('m1')).rejects.toBeInstanceOf(TrashStateError);
      await expect(store.purgeMeeting('nope')).rejects.toBeInstanceOf(MeetingNotFoundError);
      await expect(store.trashMeeting('nope', 1, null)).rejects.toBeInstanceOf(MeetingNotFoundError);
      expect(await store.loadMeeting('m1')).not.toBeNull();
      await store.trashMeeting('m1', 1, null);
      await store.purgeMeeting('m1');
      store = await restart(store);
      expect(await store.loadMeeting('m1')).toBeNull();
      expect(await store.getMeetingRow('m1')).toBeNull();
      expect(await store.getAccessKeyVersion('m1')).toBeNull();
      expect(await store.listTrash()).toEqual([]);
      await expect(store.purgeMeeting('m1')).rejects.toBeInstanceOf(MeetingNotFoundError);
      // The id is free again, with a fresh access key.
      await store.createMeeting('m1', bytes(9), projection('new'));
      expect(await store.getAccessKeyVersion('m1')).toBe(1);
    });
  });
}
