/** What every PeopleStore adapter must do; each adapter's test calls runPeopleStoreContract. */
import { describe, expect, it } from 'vitest';
import { EmailTakenError, type PeopleStore } from '../../people/peopleStore';
import type { PersonInput } from '../../people/person';

const sato: PersonInput = { name: '佐藤 花子', department: '営業部', email: 'Hanako.Sato@example.jp', chatId: 'U123', language: 'ja' };
const lee: PersonInput = { name: 'Lee Min', department: 'Product', email: 'lee@example.com', chatId: '', language: 'en' };

/** `open(shared)`: a store; two opened with the same `shared` see the same people (a restart). */
export function runPeopleStoreContract<S>(name: string, harness: { storage(): S; open(storage: S): Promise<PeopleStore> }) {
  describe(`PeopleStore contract: ${name}`, () => {
    it('[people-crud] creates, reads, updates and removes, across a restart', async () => {
      const storage = harness.storage();
      const store = await harness.open(storage);
      const a = await store.create(sato, 10);
      const b = await store.create(lee, 11);
      expect(a).toMatchObject({ ...sato, email: 'hanako.sato@example.jp', linkVersion: 1, createdAt: 10, updatedAt: 10 });
      const again = await harness.open(storage);
      expect((await again.list()).map((p) => p.id)).toEqual([b.id, a.id]); // by name
      expect(await again.byEmail('HANAKO.sato@example.jp')).toEqual(a);
      expect(await again.byName('佐藤 花子')).toEqual([a]);
      expect(await again.update(a.id, { department: '経営企画部' }, 20)).toMatchObject({ department: '経営企画部', name: sato.name, updatedAt: 20, createdAt: 10 });
      expect(await again.update('nobody', { name: 'x' }, 20)).toBeNull();
      expect(await again.remove(b.id)).toBe(true);
      expect(await again.remove(b.id)).toBe(false);
      expect(await again.get(b.id)).toBeNull();
    });

    it('[people-email-unique] one person per email, without case; a refused write changes nothing', async () => {
      const store = await harness.open(harness.storage());
      const a = await store.create(sato, 1);
      const b = await store.create(lee, 1);
      await expect(store.create({ ...lee, name: 'Other', email: 'LEE@example.com' }, 2)).rejects.toBeInstanceOf(EmailTakenError);
      await expect(store.update(b.id, { email: 'hanako.sato@example.jp', name: 'Changed' }, 2)).rejects.toBeInstanceOf(EmailTakenError);
      expect(await store.get(b.id)).toEqual(b);
      expect(await store.list()).toHaveLength(2);
      // Writing one's own email again is no conflict.
      expect(await store.update(a.id, { email: 'hanako.sato@example.jp' }, 3)).toMatchObject({ id: a.id });
    });

    it('[people-link-version] rotating links bumps the version, per person', async () => {
      const storage = harness.storage();
      const store = await harness.open(storage);
      const a = await store.create(sato, 1);
      const b = await store.create(lee, 1);
      expect(await store.rotateLinks(a.id, 5)).toBe(2);
      expect(await store.rotateLinks(a.id, 6)).toBe(3);
      expect(await store.rotateLinks('nobody', 6)).toBeNull();
      const again = await harness.open(storage);
      expect((await again.get(a.id))?.linkVersion).toBe(3);
      expect((await again.get(b.id))?.linkVersion).toBe(1);
    });
  });
}
