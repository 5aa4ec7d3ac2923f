import { loadable } from '../ui/loadable';

/**
 * The notes editor's code: tiptap and ProseMirror, a chunk of their own kept out of every other
 * page. The room renders it once it is here (AgendaNotes); main.tsx starts it when a meeting link
 * is opened, in parallel with joining the meeting.
 */
export const notesEditorCode = loadable(() => import('./NotesEditor'));
