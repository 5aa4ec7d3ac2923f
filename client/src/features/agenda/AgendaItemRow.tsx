import { useTranslation } from 'react-i18next';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { AgendaItem } from '../../meeting/hooks/useAgenda';
import { formatMinutes } from '../../i18n/format';
import { useUiStore } from '../../state/uiStore';

export interface AgendaItemRowProps {
  item: AgendaItem;
  number: number;
  selected: boolean;
  onSelect(id: string): void;
}

export function AgendaItemRow({ item, number, selected, onSelect }: AgendaItemRowProps) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id });

  return (
    <li
      ref={setNodeRef}
      className={['agenda-row', selected && 'agenda-row--selected', isDragging && 'agenda-row--dragging'].filter(Boolean).join(' ')}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="agenda-item"
      data-item-id={item.id}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="agenda-row__handle"
        aria-label={t('agenda.reorder', { title: item.title })}
        {...attributes}
        {...listeners}
      >
        <svg width="12" height="18" viewBox="0 0 12 18" aria-hidden="true">
          {[3, 9, 15].map((y) => [3, 9].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" fill="currentColor" />))}
        </svg>
      </button>
      <button
        type="button"
        className="agenda-row__select"
        aria-current={selected ? 'true' : undefined}
        aria-label={t('agenda.itemLabel', { number, title: item.title })}
        onClick={() => onSelect(item.id)}
      >
        <span className="agenda-row__number" aria-hidden="true">{number}</span>
        <span className="agenda-row__body">
          <span className="agenda-row__title" data-testid="agenda-item-title">{item.title}</span>
          {item.presenter && <span className="agenda-row__presenter">{item.presenter}</span>}
        </span>
        <span className="agenda-row__timebox">{formatMinutes(item.timeboxMinutes, language)}</span>
      </button>
    </li>
  );
}
