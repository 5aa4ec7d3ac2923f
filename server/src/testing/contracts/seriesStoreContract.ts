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

    it('[series-body-defaults] a series made without body fields is a body with none set', async () => {
      const store = await harness.open(harness.storage());
      const a = await store.create(input('定例'));
      expect(a).toMatchObject({
        purpose: '', decisionFunction: null, decisionRights: '', members: [], parentId: null, reviewOn: null,
        cadence: { every: 'asNeeded', weekday: null, time: null },
      });
    });

    it('[series-body-roundtrip] keeps purpose, decision function and rights, cadence, members, parent and review date, across a restart', async () => {
      const storage = harness.storage();
      const store = await harness.open(storage);
      const parent = await store.create(input('経営会議'));
      const child = await store.create({
        ...input('週次KPIレビュー'),
        purpose: '数字を目標と比べる',
        decisionFunction: 'confirm',
        decisionRights: '対策の担当と期限',
        cadence: { every: 'week', weekday: 1, time: '09:30' },
        members: [
          { name: '佐藤', department: '営業', role: 'chair' },
          { name: '鈴木', department: '経営企画', role: 'secretary' },
          { name: '田中', department: '製品', role: 'member' },
          { name: '高橋', department: '経営', role: 'informed' },
        ],
        parentId: parent.id,
        reviewOn: '2027-03-31',
        signOffRule: 'chair',
      });
      const again = await harness.open(storage);
      expect(await again.get(child.id)).toEqual(child);
      expect((await again.get(child.id))?.signOffRule).toBe('chair');
      expect((await again.get(parent.id))?.signOffRule).toBe('all');
      expect(child.members.map((m) => m.role)).toEqual(['chair', 'secretary', 'member', 'informed']);
      expect(child).toMatchObject({ parentId: parent.id, reviewOn: '2027-03-31', decisionFunction: 'confirm', cadence: { every: 'week', weekday: 1, time: '09:30' } });
    });

    it('[series-body-update] a patch of body fields changes only those; null clears a parent and a review date', async () => {
      const store = await harness.open(harness.storage());
      const parent = await store.create(input('経営会議'));
      const a = await store.create({ ...input('定例'), parentId: parent.id, reviewOn: '2027-01-01', purpose: '目的' });
      const updated = await store.update(a.id, { parentId: null, reviewOn: null, decisionFunction: 'agree' });
      expect(updated).toEqual({ ...a, parentId: null, reviewOn: null, decisionFunction: 'agree' });
      expect(await store.get(a.id)).toEqual(updated);
    });
  });
}
