import { memo, useMemo } from 'react';
import type { TimerState } from '@suishin/shared';
import { useTranslation } from '../../i18n/useTranslation';
import {
  DndContext,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useAgendaCommands, useAgendaItems } from '../../meeting/hooks/useAgenda';
import { formatMinutes } from '../../i18n/format';
import { useUiStore } from '../../state/uiStore';
import { useRoomAccess } from '../access/useMeetingAccess';
import { AddAgendaItemForm } from './AddAgendaItemForm';
import { AgendaItemRow } from './AgendaItemRow';

const measuring = { droppable: { strategy: MeasuringStrategy.Always } };

export interface AgendaPanelProps {
  meetingId: string;
  selectedId: string | undefined;
  /** The facilitation timer while the meeting runs; its item is highlighted for everyone. */
  timer: TimerState | null;
  onSelect(id: string): void;
}

/**
 * The ordered agenda: select, reorder by drag or keyboard, add. Live with everyone. Memoized: the
 * room re-renders on every change to the meeting's meta or selection, which this list rarely needs.
 */
export const AgendaPanel = memo(function AgendaPanel({ meetingId, selectedId, timer, onSelect }: AgendaPanelProps) {
  const { t } = useTranslation();
  const { canEdit } = useRoomAccess();
  const language = useUiStore((s) => s.language);
  const items = useAgendaItems();
  const commands = useAgendaCommands();
  const ids = useMemo(() => items.map((item) => item.id), [items]);
  const totalMinutes = items.reduce((sum, item) => sum + item.timeboxMinutes, 0);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (id: string | number) => items.find((item) => item.id === id)?.title ?? '';
  const positionOf = (id: string | number | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('agenda.dnd.picked', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('agenda.dnd.over', { title: titleOf(active.id), position: positionOf(over.id), total: ids.length }) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? t('agenda.dnd.dropped', { title: titleOf(active.id), position: positionOf(over.id), total: ids.length }) : undefined,
    onDragCancel: ({ active }) => t('agenda.dnd.cancelled', { title: titleOf(active.id) }),
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const toIndex = ids.indexOf(String(over.id));
    if (toIndex >= 0) commands.move(String(active.id), toIndex);
  }

  return (
    <section className="panel agenda-panel" aria-labelledby="agenda-heading">
      <header className="panel__header">
        <h2 id="agenda-heading" className="panel__title">{t('room.agenda')}</h2>
        <span className="panel__meta" data-testid="agenda-total">
          {t('agenda.total', { count: items.length, minutes: formatMinutes(totalMinutes, language) })}
        </span>
      </header>
      {items.length === 0 ? (
        <p className="agenda-panel__empty muted">{t('agenda.empty')}</p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          // Re-measure rows on every drag, not only on the first: a drop reorders the list through
          // the Yjs document, and rects cached from before it made the next keyboard move land nowhere.
          measuring={measuring}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('agenda.dnd.instructions') } }}
        >
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <ol className="agenda-list" aria-label={t('room.agenda')}>
              {items.map((item, index) => (
                <AgendaItemRow
                  key={item.id}
                  item={item}
                  number={index + 1}
                  selected={item.id === selectedId}
                  runningTimer={timer?.agendaItemId === item.id ? timer : undefined}
                  canEdit={canEdit}
                  onSelect={onSelect}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      {canEdit && <AddAgendaItemForm meetingId={meetingId} onAdded={onSelect} />}
    </section>
  );
});
