import { describe, expect, it } from 'vitest';
import { Schema } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { initProseMirrorDoc, ySyncPlugin } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * Where y-tiptap puts this person's caret after a remote change (its sync plugin's binding),
 * driven without a browser: the plugin's view only needs a view's state, dispatch and focus.
 *
 * The case that scrambled people's notes: two people append at the end of one paragraph at the
 * same moment and their text starts the same way (" [" and " ["). The Yjs relative position of
 * the caret (right after the person's own last character) is exact, but y-tiptap 3.0.x's
 * "structural change" recovery took any change of the paragraph's text as a misresolution and,
 * because the old text was a prefix of the new, put the caret back at its old numeric offset:
 * inside the other person's text, before the person's own last characters.
 */
const schema = new Schema({
  nodes: { doc: { content: 'block+' }, paragraph: { group: 'block', content: 'text*' }, heading: { group: 'block', content: 'text*' }, text: {} },
});

function paragraphDoc(lines: string[]): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('notes');
  fragment.insert(
    0,
    lines.map((line) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(line)]);
      return p;
    }),
  );
  return doc;
}

/** One person's editor on a Y.Doc, wired like EditorView wires the sync plugin (its view's update after each state). */
function editorOn(doc: Y.Doc) {
  const fragment = doc.getXmlFragment('notes');
  const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, schema);
  const plugin = ySyncPlugin(fragment, { mapping });
  const view = {
    state: EditorState.create({ schema, doc: pmDoc, plugins: [plugin] }),
    dispatch(tr: Transaction) {
      view.state = view.state.apply(tr);
      pluginView.update?.(view as never, view.state);
    },
    hasFocus: () => true,
  };
  const pluginView = plugin.spec.view!(view as never);
  return {
    view,
    placeCaret(pos: number) {
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)));
    },
    type(text: string) {
      view.dispatch(view.state.tr.insertText(text));
    },
    text: () => view.state.doc.textContent,
    caret: () => view.state.selection.head,
  };
}

function exchange(a: Y.Doc, b: Y.Doc) {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, fromA, 'remote');
  Y.applyUpdate(a, fromB, 'remote');
}

describe('the caret after a remote change at the same spot', () => {
  it('stays right after the person\'s own last characters when both append the same way', () => {
    for (let seed = 0; seed < 8; seed++) {
      const alice = paragraphDoc(['Notes:']);
      const bob = new Y.Doc();
      Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
      // Client ids decide which concurrent run comes first: try both orders.
      alice.clientID = seed % 2 === 0 ? 10 + seed : 1000 + seed;
      bob.clientID = seed % 2 === 0 ? 1000 + seed : 10 + seed;
      const a = editorOn(alice);
      const b = editorOn(bob);
      a.placeCaret(7);
      b.placeCaret(7);
      for (const char of ' [') {
        a.type(char);
        b.type(char);
      }
      exchange(alice, bob);
      for (const char of 'A]') a.type(char);
      for (const char of 'B]') b.type(char);
      exchange(alice, bob);
      expect(a.text()).toBe(b.text());
      expect(a.text(), `seed ${seed}`).toContain(' [A]');
      expect(a.text(), `seed ${seed}`).toContain(' [B]');
    }
  });

  it('follows the person\'s own character when the other person types before it in the paragraph', () => {
    const alice = paragraphDoc(['abc def']);
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    const a = editorOn(alice);
    const b = editorOn(bob);
    a.placeCaret(8); // end
    b.placeCaret(1); // start
    b.type('XYZ ');
    exchange(alice, bob);
    expect(a.text()).toBe('XYZ abc def');
    expect(a.caret()).toBe(12);
  });

  it('still lands in the right paragraph when the other person moves blocks (delete and re-insert)', () => {
    const alice = paragraphDoc(['first', 'second']);
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    const a = editorOn(alice);
    a.placeCaret(11); // "sec|ond": 1 + 5 + 2 + 3
    // Bob moves "second" above "first": Yjs has no move, so the block is deleted and inserted anew.
    bob.transact(() => {
      const fragment = bob.getXmlFragment('notes');
      fragment.delete(1, 1);
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('second')]);
      fragment.insert(0, [p]);
    });
    exchange(alice, bob);
    expect(a.text()).toBe('secondfirst');
    const $caret = a.view.state.doc.resolve(a.caret());
    expect($caret.parent.textContent).toBe('second');
  });
});
