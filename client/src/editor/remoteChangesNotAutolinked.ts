import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * Autolinking (tiptap's Link extension) is for what this person types. Transactions that bring
 * the shared document into the editor (the notes loading, other people's typing, Yjs undo) are
 * marked `preventAutolink`, the meta the Link extension documents for this:
 * - the typist's own client links a URL once, for everybody; every other client linking the same
 *   text again would only send the same change back N times;
 * - the first autolink run builds linkify's tables of URL schemes and TLDs, tens of ms on a slow
 *   machine: it no longer happens while the notes load, only when someone types.
 *
 * `filterTransaction` runs before the transaction is applied, so the Link plugin's
 * `appendTransaction` sees the meta.
 */
export function remoteChangesNotAutolinkedPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('remoteChangesNotAutolinked'),
    filterTransaction(tr) {
      const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
      if (sync?.isChangeOrigin) tr.setMeta('preventAutolink', true);
      return true;
    },
  });
}

export const RemoteChangesNotAutolinked = Extension.create({
  name: 'remoteChangesNotAutolinked',
  addProseMirrorPlugins() {
    return [remoteChangesNotAutolinkedPlugin()];
  },
});
