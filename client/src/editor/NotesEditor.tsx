import { useEffect, useMemo, type ReactNode } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { Button, Separator, ToggleButton, Toolbar } from 'react-aria-components';
import type { Awareness } from 'y-protocols/awareness';
import type { XmlFragment } from 'yjs';
import { isAllowedLink } from './linkPolicy';
import { RemoteChangesNotAutolinked } from './remoteChangesNotAutolinked';
import { styleNonce } from './styleNonce';

export interface NotesEditorLabels {
  editor: string;
  placeholder: string;
  toolbar: string;
  bold: string;
  italic: string;
  strike: string;
  heading: string;
  bulletList: string;
  orderedList: string;
  undo: string;
  redo: string;
}

export interface NotesEditorProps {
  /** The agenda item's notes (from `getAgendaNotes`); the editor is bound to it for its lifetime. */
  fragment: XmlFragment;
  awareness: Awareness;
  /** Shown to others at this person's caret. */
  user: { name: string; color: string };
  labels: NotesEditorLabels;
  onFocus?(): void;
  onBlur?(): void;
  /** False for someone who may not change the notes (an observer, an ended meeting): no typing, no toolbar. Default true. */
  editable?: boolean;
}

/**
 * Rich-text notes for one agenda item, edited together. Bound to the item's Y.XmlFragment with
 * tiptap's Collaboration extension (which brings its own per-user undo, so StarterKit's is off)
 * and showing other people's carets with CollaborationCaret.
 *
 * The schema is deliberately small and strict: paragraphs, two heading levels, lists, quotes,
 * code, bold/italic/strike/underline and links. There is no raw-HTML node, so pasted HTML is
 * reduced to these, and a node another client writes that the schema does not know is dropped
 * by the binding. Links are limited to http(s) and mailto (linkPolicy.ts).
 *
 * Mount one per selected item (key it by item id): switching items creates a new editor.
 */
export default function NotesEditor({ fragment, awareness, user, labels, onFocus, onBlur, editable = true }: NotesEditorProps) {
  const extensions = useMemo(
    () => [
      StarterKit.configure({
        undoRedo: false,
        heading: { levels: [2, 3] },
        link: {
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          defaultProtocol: 'https',
          isAllowedUri: (url) => isAllowedLink(url),
          HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
        },
      }),
      Placeholder.configure({ placeholder: labels.placeholder }),
      Collaboration.configure({ fragment }),
      RemoteChangesNotAutolinked,
      CollaborationCaret.configure({ provider: { awareness }, user, render: renderCaret }),
    ],
    // The user and labels are read once at creation; later changes go through awareness / CSS.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fragment, awareness],
  );

  const editor = useEditor(
    {
      extensions,
      editable,
      // Created once, after the first commit. Created during render (tiptap's default), every
      // render React starts and throws away builds an editor of its own: four editors were built
      // on each cold load of the room (counted), at 5–60 ms each.
      immediatelyRender: false,
      shouldRerenderOnTransaction: false,
      // Its base CSS goes in a <style> element, which the page's Content-Security-Policy allows only with this.
      injectNonce: styleNonce(),
      editorProps: {
        attributes: {
          class: 'notes-editor__content',
          'aria-label': labels.editor,
          'aria-multiline': 'true',
          role: 'textbox',
          'data-testid': 'notes-editor',
          spellcheck: 'true',
        },
      },
    },
    [extensions],
  );

  useEffect(() => {
    if (!editor) return;
    const focus = () => onFocus?.();
    const blur = () => onBlur?.();
    editor.on('focus', focus);
    editor.on('blur', blur);
    return () => {
      editor.off('focus', focus);
      editor.off('blur', blur);
    };
  }, [editor, onFocus, onBlur]);

  // Read-only can start or end while the editor is open (the meeting ends, a role changes).
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  // Keep the caret label current when the name changes after the editor was created.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser(user);
  }, [editor, user.name, user.color]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="notes-editor">
      {editor && editable && <FormattingToolbar editor={editor} labels={labels} />}
      <EditorContent editor={editor} className="notes-editor__surface" />
    </div>
  );
}

/**
 * Another person's caret: a coloured bar with their name. Same DOM and classes as the
 * extension's default, but hidden from screen readers (the name is not part of the notes) and
 * built from text nodes only (the name comes from another client).
 */
function renderCaret(user: { name?: unknown; color?: unknown }): HTMLElement {
  const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#7a8496';
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

function ListIcon({ numbered }: { numbered: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="currentColor">
      {numbered ? (
        <>
          <path d="M1.6 2.2h1.2v3.6h-.9V3.2l-.5.2v-.8zM1 9.3c.1-.8.7-1.2 1.3-1.2.7 0 1.2.4 1.2 1 0 .5-.3.8-.8 1.2l-.5.4h1.3v.8H1v-.7l1.2-1c.3-.3.4-.4.4-.6s-.1-.3-.3-.3-.3.1-.4.4z" />
        </>
      ) : (
        <>
          <circle cx="2.5" cy="4" r="1.3" />
          <circle cx="2.5" cy="10" r="1.3" />
        </>
      )}
      <rect x="6" y="3.2" width="9" height="1.6" rx=".8" />
      <rect x="6" y="9.2" width="9" height="1.6" rx=".8" />
    </svg>
  );
}

function FormattingToolbar({ editor, labels }: { editor: Editor; labels: NotesEditorLabels }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      strike: e.isActive('strike'),
      heading: e.isActive('heading', { level: 2 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
    }),
  });
  const chain = () => editor.chain().focus();
  // The list buttons show icons, not the text "•" / "1.": a visible text that is not in the
  // button's name ("Numbered list") fails WCAG 2.5.3 (label in name).
  const buttons: Array<{ key: keyof typeof active; label: string; glyph: ReactNode; run(): void }> = [
    { key: 'bold', label: labels.bold, glyph: 'B', run: () => chain().toggleBold().run() },
    { key: 'italic', label: labels.italic, glyph: 'I', run: () => chain().toggleItalic().run() },
    { key: 'strike', label: labels.strike, glyph: 'S', run: () => chain().toggleStrike().run() },
    { key: 'heading', label: labels.heading, glyph: 'H', run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: 'bulletList', label: labels.bulletList, glyph: <ListIcon numbered={false} />, run: () => chain().toggleBulletList().run() },
    { key: 'orderedList', label: labels.orderedList, glyph: <ListIcon numbered />, run: () => chain().toggleOrderedList().run() },
  ];
  return (
    <Toolbar aria-label={labels.toolbar} className="notes-toolbar">
      {buttons.map((b) => (
        <ToggleButton
          key={b.key}
          aria-label={b.label}
          isSelected={active?.[b.key] ?? false}
          onChange={b.run}
          className={`notes-toolbar__button notes-toolbar__button--${b.key}`}
        >
          <span aria-hidden="true">{b.glyph}</span>
        </ToggleButton>
      ))}
      <Separator orientation="vertical" className="notes-toolbar__separator" />
      {/* Collaboration's undo: only this person's own changes. */}
      <Button aria-label={labels.undo} className="notes-toolbar__button" onPress={() => chain().undo().run()}>
        <span aria-hidden="true">↶</span>
      </Button>
      <Button aria-label={labels.redo} className="notes-toolbar__button" onPress={() => chain().redo().run()}>
        <span aria-hidden="true">↷</span>
      </Button>
    </Toolbar>
  );
}
