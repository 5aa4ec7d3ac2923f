import * as Y from 'yjs';
import { RootKey } from '../../schema/keys';
import type { Migration } from './migration';

/**
 * Version 1 → 2: an action item's `carriedFrom.from` becomes `carriedFrom.viaMeeting`.
 * `carriedFrom` is { root, via, from }, and `from` was the meeting of `via` (its number and day),
 * not where the item came from first (that is `root`): "carriedFrom.from" read as the origin and
 * said nothing of which copy it described. Only the key changes; the value is kept as it is.
 */
export const carriedFromViaMeeting: Migration = {
  from: 1,
  to: 2,
  description: "rename action items' carriedFrom.from to carriedFrom.viaMeeting",
  migrate(doc) {
    doc.getMap<unknown>(RootKey.actionItems).forEach((record) => {
      if (!(record instanceof Y.Map)) return;
      const carried: unknown = record.get('carriedFrom');
      if (typeof carried !== 'object' || carried === null || !('from' in carried)) return; // none, or done
      const { from, ...rest } = carried as Record<string, unknown>;
      // A value set under the new name wins over the old one (it can only be newer).
      record.set('carriedFrom', { ...rest, viaMeeting: rest.viaMeeting ?? from });
    });
  },
};
