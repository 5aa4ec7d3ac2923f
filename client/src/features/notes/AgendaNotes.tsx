import { useMemo } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { useAgendaNotes } from '../../meeting/hooks/useAgendaNotes';
import { useEditingPresence, useIdentity } from '../../meeting/hooks/usePresence';
import type { NotesEditorLabels } from '../../editor/NotesEditor';
import { notesEditorCode } from '../../editor/notesEditorCode';
import { Loaded } from '../../ui/loadable';
import { useRoomAccess } from '../access/useMeetingAccess';

// Started as soon as the room's code runs, if main.tsx has not already.
notesEditorCode.preload();

/** The shared notes of one agenda item. Mount with `key={item.id}`: one editor per item. */
export function AgendaNotes({ agendaItemId, title }: { agendaItemId: string; title: string }) {
  const { t, i18n } = useTranslation();
  const { fragment, awareness } = useAgendaNotes(agendaItemId);
  const me = useIdentity();
  const presence = useEditingPresence(agendaItemId, 'notes');
  const { canEdit } = useRoomAccess();
  const user = useMemo(() => ({ name: me.name ?? '…', color: me.color }), [me.name, me.color]);
  const labels: NotesEditorLabels = {
    editor: t('room.notesLabel', { title }),
    placeholder: t('room.notesPlaceholder'),
    toolbar: t('room.formatting'),
    bold: t('room.bold'),
    italic: t('room.italic'),
    strike: t('room.strike'),
    heading: t('room.heading'),
    bulletList: t('room.bulletList'),
    orderedList: t('room.orderedList'),
    undo: t('room.undo'),
    redo: t('room.redo'),
  };
  if (!fragment) return null;
  // The caret extension announces its user to everyone: wait for a real name (the join dialog is open).
  if (me.name === null) return <div className="notes-editor notes-editor--loading" />;
  return (
    <Loaded from={notesEditorCode} fallback={<div className="notes-editor notes-editor--loading" role="status">{t('room.notesLoading')}</div>}>
      {({ default: NotesEditor }) => (
        <NotesEditor key={i18n.language} fragment={fragment} awareness={awareness} user={user} labels={labels} onFocus={presence.onFocus} onBlur={presence.onBlur} editable={canEdit} />
      )}
    </Loaded>
  );
}
