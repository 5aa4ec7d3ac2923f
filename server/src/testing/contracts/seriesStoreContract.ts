/** What every SeriesStore adapter must do; each adapter's test calls runSeriesStoreContract. */
import { describe, expect, it } from 'vitest';
import type { SeriesInput, SeriesStore } from '../../series/seriesStore';

const input = (name: string): SeriesInput => ({
  name,
  departments: ['営業', '製品'],
  language: 'ja',
  agendaTemplate: [{ title: '数字の確認', presenter: '', timeboxMinutes: 15 }],
  usualAttendees: [{ name: '佐藤', department: '営業' }],
});

/** `open(shared)`: a store; two opened with the same `shared` see the same data (a restart). */
export function runSeriesStoreContract<S>(name: string, harness: { storage(): S; open(storage: S): Promise<SeriesStore> }) {
  describe(`SeriesStore contract: ${name}`, () => {
    it('[series-roundtrip] creates, gets and lists series, oldest first, as given', async () => {
      const storage = harness.storage();
      const store = await harness.open(storage);
      const a = await store.create(input('営業×製品 定例'));
      const b = await store.create(input('経営会議'));
      expect(a).toMatchObject(input('営業×製品 定例'));
      expect(typeof a.createdAt).toBe('number');
      expect(await store.get(a.id)).toEqual(a);
      expect(await store.get('nope')).toBeNull();
      const listed = await store.list();
      expect(listed.map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
      expect(listed.map((s) => s.createdAt)).toEqual(listed.map((s) => s.createdAt).sort((x, y) => x - y));
      const again = await harness.open(storage);
      expect(await again.get(b.id)).toEqual(b);
    });

    it('[series-update] changes only what the patch names; unknown ids give null', async () => {
      const store = await harness.open(harness.storage());
      const a = await store.create(input('定例'));
      const updated = await store.update(a.id, { name: '部門横断定例', usualAttendees: [] });
      expect(updated).toEqual({ ...a, name: '部門横断定例', usualAttendees: [] });
      expect(await store.get(a.id)).toEqual(updated);
      expect(await store.update('nope', { name: 'x' })).toBeNull();
      // What a caller does with a returned series does not change the stored one.
      updated!.departments.push('changed');
      expect((await store.get(a.id))!.departments).toEqual(['営業', '製品']);
    });
  });
}
