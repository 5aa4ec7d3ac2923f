import { memo, useMemo } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { TimerState } from '@suishin/shared';
import type { AgendaItem } from '../../meeting/hooks/useAgenda';
import { useItemEditors } from '../../meeting/hooks/usePresence';
import { formatMinutes } from '../../i18n/format';
import { useUiStore } from '../../state/uiStore';
import { TimerClock } from '../timer/TimerClock';
import { actualVsPlanned } from '../timer/timerDisplay';

export interface AgendaItemRowProps {
  item: AgendaItem;
  number: number;
  selected: boolean;
  /** The facilitation timer when this is the running item. */
  runningTimer: TimerState | undefined;
  /** May reorder (the list's access, passed down: one subscription per list, not per row). */
  canEdit: boolean;
  onSelect(id: string): void;
}

/**
 * One agenda row: a thin sortable shell around a memoized body.
 *
 * dnd-kit's hooks re-render their component whenever its context changes, and it changes once
 * more right after the first render (every row registers itself as a drop target), and again on
 * each reorder. So the shell holds only what dragging needs (the handle, the transform), and the
 * body with the row's content renders again only when its own props, presence or language change:
 * on a cold load of 100 items that halves the row renders (200 before, counted).
 */
export const AgendaItemRow = memo(function AgendaItemRow(props: AgendaItemRowProps) {
  const { item, canEdit } = props;
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !canEdit });
  const running = props.runningTimer !== undefined;
  const done = item.status === 'done' || item.status === 'skipped';
  // This shell re-renders on each dnd-kit update (every pointer move while someone drags).
  const handleLabel = useMemo(() => t('agenda.reorder', { title: item.title }), [t, item.title]);

  return (
    <li
      ref={setNodeRef}
      className={[
        'agenda-row',
        props.selected && 'agenda-row--selected',
        running && 'agenda-row--running',
        done && 'agenda-row--done',
        isDragging && 'agenda-row--dragging',
      ].filter(Boolean).join(' ')}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="agenda-item"
      data-item-id={item.id}
      data-running={running || undefined}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        hidden={!canEdit}
        className="agenda-row__handle"
        aria-label={handleLabel}
        {...attributes}
        {...listeners}
      />
      <AgendaRowBody {...props} />
    </li>
  );
});

const AgendaRowBody = memo(function AgendaRowBody({ item, number, selected, runningTimer, onSelect }: AgendaItemRowProps) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  // Its own presence subscription: someone moving into this item re-renders this row only,
  // without going through the list.
  const editors = useItemEditors(item.id);
  const running = runningTimer !== undefined;
  const recorded = !running && (item.actualSeconds > 0 || item.status === 'done') ? actualVsPlanned(item.actualSeconds * 1000, item.timeboxMinutes) : null;
  const done = item.status === 'done' || item.status === 'skipped';

  return (
    <button
      type="button"
      className="agenda-row__select"
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(item.id)}
    >
      {/* Named by its content (WCAG 2.5.3: the name contains every visible word, so a speech user
          can say what they see): "Item 3: title, presenter, timebox", the prefix only for screen readers. */}
      <span className="visually-hidden">{t('agenda.itemPrefix', { number })}</span>
      {editors.length > 0 && (
        // Who else is in this item: dots drawn over the row's corner, so they never change its height.
        <span className="agenda-row__editors" aria-hidden="true">
          {editors.slice(0, 4).map((peer) => <span key={peer.clientId} className="agenda-row__editor" style={{ backgroundColor: peer.color }} title={peer.name} />)}
        </span>
      )}
      <span className="agenda-row__number" aria-hidden="true">
        {done ? <svg width="12" height="12" viewBox="0 0 12 12"><path d="M2.5 6.5l2.3 2.3 4.7-5.3" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" /></svg> : number}
      </span>
      <span className="agenda-row__body">
        <span className="agenda-row__title" data-testid="agenda-item-title">{item.title}</span>
        {running && <span className="visually-hidden"> ({t('agenda.running')})</span>}
        {item.presenter && <span className="agenda-row__presenter">{item.presenter}</span>}
      </span>
      <span className="agenda-row__time">
        {running ? (
          <TimerClock timer={runningTimer} timeboxMinutes={item.timeboxMinutes} size="compact" />
        ) : recorded ? (
          <span className={recorded.over ? 'agenda-row__actual agenda-row__actual--over' : 'agenda-row__actual'} title={t('agenda.actualLabel', recorded)} data-testid="row-actual">
            {t('agenda.actualVsPlanned', recorded)}
          </span>
        ) : (
          <span className="agenda-row__timebox">{formatMinutes(item.timeboxMinutes, language)}</span>
        )}
      </span>
    </button>
  );
});
