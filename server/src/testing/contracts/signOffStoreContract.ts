/** What every SignOffStore adapter must do; each adapter's test calls runSignOffStoreContract. */
import { describe, expect, it } from 'vitest';
import type { SignOffStore } from '../../minutes/signOffStore';

const draft = (text: string, at: number) => ({ text, author: '佐藤', note: '', at });

/** `open(shared)`: a store; two opened with the same `shared` see the same data (a restart). */
export function runSignOffStoreContract<S>(name: string, harness: { storage(): S; open(storage: S): Promise<SignOffStore> }) {
  describe(`SignOffStore contract: ${name}`, () => {
    it('[signoff-versions] numbers versions from 1 and keeps every one, across a restart', async () => {
      const storage = harness.storage();
      const store = await harness.open(storage);
      expect(await store.addVersion('m1', null, draft('# 議事録 v1', 1))).toEqual({ ok: true, version: 1 });
      expect(await store.addVersion('m1', 1, { ...draft('# 議事録 v2', 2), note: '金額の訂正' })).toEqual({ ok: true, version: 2 });
      expect(await store.addVersion('m2', null, draft('other', 3))).toEqual({ ok: true, version: 1 });
      const again = await harness.open(storage);
      expect(await again.versions('m1')).toEqual([
        { version: 1, text: '# 議事録 v1', author: '佐藤', note: '', at: 1 },
        { version: 2, text: '# 議事録 v2', author: '佐藤', note: '金額の訂正', at: 2 },
      ]);
      expect(await again.versions('none')).toEqual([]);
    });

    it('[signoff-stale-version] refuses a version based on an old or unknown one, changing nothing', async () => {
      const store = await harness.open(harness.storage());
      await store.addVersion('m1', null, draft('v1', 1));
      await store.addVersion('m1', 1, draft('v2', 2));
      expect(await store.addVersion('m1', 1, draft('late', 3))).toEqual({ ok: false, reason: 'not-newest-version' });
      expect(await store.addVersion('m1', null, draft('again', 3))).toEqual({ ok: false, reason: 'not-newest-version' });
      expect(await store.addVersion('m1', 9, draft('unknown', 3))).toEqual({ ok: false, reason: 'unknown-version' });
      expect((await store.versions('m1')).map((v) => v.text)).toEqual(['v1', 'v2']);
    });

    it('[signoff-responses] keeps responses to known versions in time order and refuses unknown ones', async () => {
      const storage = harness.storage();
      const store = await harness.open(storage);
      await store.addVersion('m1', null, draft('v1', 1));
      expect(await store.respond('m1', { attendee: '鈴木', version: 1, kind: 'correction', comment: '300ではなく350', at: 20 })).toEqual({ ok: true });
      expect(await store.respond('m1', { attendee: '佐藤', version: 1, kind: 'approve', comment: '', at: 10 })).toEqual({ ok: true });
      expect(await store.respond('m1', { attendee: '佐藤', version: 2, kind: 'approve', comment: '', at: 30 })).toEqual({ ok: false, reason: 'unknown-version' });
      expect(await store.respond('m2', { attendee: '佐藤', version: 1, kind: 'approve', comment: '', at: 30 })).toEqual({ ok: false, reason: 'unknown-version' });
      const again = await harness.open(storage);
      expect((await again.responses('m1')).map((r) => [r.attendee, r.kind, r.comment])).toEqual([
        ['佐藤', 'approve', ''],
        ['鈴木', 'correction', '300ではなく350'],
      ]);
      expect(await again.responses('m2')).toEqual([]);
    });

    it('[signoff-links] keeps review links, newest first, and revokes one only in its own meeting', async () => {
      const storage = harness.storage();
      const store = await harness.open(storage);
      await store.addLink({ linkId: 'l1', meetingId: 'm1', attendee: '佐藤', expiresAt: 100 });
      await store.addLink({ linkId: 'l2', meetingId: 'm1', attendee: '鈴木', expiresAt: 200 });
      await store.addLink({ linkId: 'l3', meetingId: 'm2', attendee: '佐藤', expiresAt: 300 });
      expect(await store.revokeLink('m2', 'l1')).toBe(false);
      expect(await store.revokeLink('m1', 'nope')).toBe(false);
      expect(await store.revokeLink('m1', 'l1')).toBe(true);
      const again = await harness.open(storage);
      expect(await again.link('l1')).toEqual({ linkId: 'l1', meetingId: 'm1', attendee: '佐藤', expiresAt: 100, revoked: true });
      expect(await again.link('missing')).toBeNull();
      expect((await again.links('m1')).map((l) => [l.linkId, l.revoked])).toEqual([['l2', false], ['l1', true]]);
    });
  });
}
