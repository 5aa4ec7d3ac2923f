import { describe, expect, it } from 'vitest';
import { Schema } from '@tiptap/pm/model';
import { EditorState, Plugin, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { remoteChangesNotAutolinkedPlugin } from './remoteChangesNotAutolinked';

const schema = new Schema({ nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*' }, text: {} } });

/** What a later plugin's appendTransaction (as tiptap's autolink) sees of `preventAutolink`. */
function seenByLaterPlugin(mark: (tr: Transaction) => void): unknown[] {
  const seen: unknown[] = [];
  const spy = new Plugin({
    appendTransaction(transactions) {
      seen.push(...transactions.map((tr) => tr.getMeta('preventAutolink')));
      return null;
    },
  });
  const state = EditorState.create({ schema, plugins: [remoteChangesNotAutolinkedPlugin(), spy] });
  const tr = state.tr.insertText('https://example.com ', 1);
  mark(tr);
  state.apply(tr);
  return seen;
}

describe('remoteChangesNotAutolinked', () => {
  it('marks changes that come from the shared document (y-sync) so autolink skips them', () => {
    expect(seenByLaterPlugin((tr) => tr.setMeta(ySyncPluginKey, { isChangeOrigin: true }))).toEqual([true]);
  });

  it('leaves what this person types alone, so it is still autolinked', () => {
    expect(seenByLaterPlugin(() => {})).toEqual([undefined]);
    expect(seenByLaterPlugin((tr) => tr.setMeta(ySyncPluginKey, { snapshot: null, prevSnapshot: null }))).toEqual([undefined]);
  });
});
