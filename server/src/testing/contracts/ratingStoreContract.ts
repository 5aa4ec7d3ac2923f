/** What every RatingStore adapter must do; each adapter's test calls runRatingStoreContract. */
import { describe, expect, it } from 'vitest';
import type { RatingStore } from '../../series/ratingStore';

/** `open(shared)`: a store; two opened with the same `shared` see the same votes (a restart). */
export function runRatingStoreContract<S>(name: string, harness: { storage(): S; open(storage: S): Promise<RatingStore> }) {
  describe(`RatingStore contract: ${name}`, () => {
    it('[rating-one-vote] one vote per voter and meeting: a second replaces the first', async () => {
      const store = await harness.open(harness.storage());
      await store.rate('m1', 'voter-a', 2);
      await store.rate('m1', 'voter-a', 5);
      await store.rate('m1', 'voter-b', 3);
      expect(await store.totals(['m1'])).toEqual(new Map([['m1', { votes: 2, sum: 8 }]]));
      expect(await store.scoreOf('m1', 'voter-a')).toBe(5);
      expect(await store.scoreOf('m1', 'voter-c')).toBeNull();
      // The same voter key in another meeting is another vote.
      expect(await store.scoreOf('m2', 'voter-a')).toBeNull();
    });

    it('[rating-totals] totals of the meetings asked for that have votes, across a restart', async () => {
      const storage = harness.storage();
      const store = await harness.open(storage);
      await store.rate('m1', 'a', 4);
      await store.rate('m2', 'a', 1);
      await store.rate('m2', 'b', 2);
      await store.rate('m3', 'a', 5);
      const again = await harness.open(storage);
      expect(await again.totals(['m2', 'm1', 'none', 'm1'])).toEqual(new Map([['m1', { votes: 1, sum: 4 }], ['m2', { votes: 2, sum: 3 }]]));
      expect(await again.totals([])).toEqual(new Map());
      const many = Array.from({ length: 1200 }, (_, i) => `x${i}`);
      expect((await again.totals([...many, 'm3'])).get('m3')).toEqual({ votes: 1, sum: 5 });
    });

    it('[rating-purge] removeMeeting drops every vote of that meeting only, across a restart', async () => {
      const storage = harness.storage();
      const store = await harness.open(storage);
      await store.rate('m1', 'a', 4);
      await store.rate('m1', 'b', 2);
      await store.rate('m2', 'a', 3);
      await store.removeMeeting('m1');
      const again = await harness.open(storage);
      expect(await again.totals(['m1', 'm2'])).toEqual(new Map([['m2', { votes: 1, sum: 3 }]]));
      expect(await again.scoreOf('m1', 'a')).toBeNull();
    });
  });
}
