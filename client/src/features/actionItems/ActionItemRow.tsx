import { memo } from 'react';
import type { TFunction } from 'i18next';
import { ACTION_ITEM_STATUSES, type ActionItem, type ActionItemStatus } from '@suishin/shared';
import type { ActionItemCommands } from '../../meeting/hooks/useActionItems';
import { ActionItemEditor } from './ActionItemEditor';
import { formatIsoDate } from '../outcomes/outcomeFormat';
import { useRevealedRow } from '../outcomes/useRevealedRow';
import type { Language } from '../../i18n/language';

export interface ActionItemRowProps {
  /** The panel's translate function: one i18n subscription per list instead of one per row. */
  t: TFunction;
  item: ActionItem;
  /** False for observers: no status change, no editor. */
  canEdit: boolean;
  /** "KPI · Churn rate", or null when not linked (a string, so the memo compares it by value). */
  linkText: string | null;
  /** "第11回から" for an item carried over from an earlier meeting of the series, else null. */
  carriedFrom: string | null;
  overdue: boolean;
  undated: boolean;
  language: Language;
  expanded: boolean;
  /** Flash and scroll into view (after following a link to this item). */
  revealAt: number | null;
  commands: ActionItemCommands;
  onToggle(id: string): void;
}

/**
 * One action item. Memoized: the list hook keeps unchanged items' identity and every other prop
 * is a primitive or stable, so someone else's edit re-renders that item's row only.
 */
export const ActionItemRow = memo(function ActionItemRow({ t, item, canEdit, linkText, carriedFrom, overdue, undated, language, expanded, revealAt, commands, onToggle }: ActionItemRowProps) {
  const { ref, flash } = useRevealedRow(revealAt, '.action-row__title');

  const closed = item.status === 'done' || item.status === 'dropped';
  return (
    <li
      ref={ref}
      className={['action-row', `action-row--${item.status}`, overdue && 'action-row--overdue', undated && 'action-row--undated', flash && 'outcome-flash'].filter(Boolean).join(' ')}
      data-testid="action-item"
      data-action-id={item.id}
    >
      <div className="action-row__main">
        <select
          className={`status-select status-select--${item.status}`}
          aria-label={t('actions.statusOf', { title: item.title })}
          value={item.status}
          disabled={!canEdit}
          onChange={(event) => commands.update(item.id, { status: event.target.value as ActionItemStatus })}
        >
          {ACTION_ITEM_STATUSES.map((status) => <option key={status} value={status}>{t(`actions.status.${status}`)}</option>)}
        </select>
        <button
          type="button"
          className={['action-row__title', closed && 'action-row__title--closed'].filter(Boolean).join(' ')}
          aria-expanded={canEdit ? expanded : undefined}
          disabled={!canEdit}
          onClick={() => onToggle(item.id)}
          data-testid="action-item-title"
        >
          {item.title}
        </button>
      </div>
      <div className="action-row__meta">
        <span className="action-row__owner" data-testid="action-item-owner">
          {item.owner.name ? (
            <>
              {item.owner.name}
              {item.owner.department && <span className="action-row__department"> · {item.owner.department}</span>}
            </>
          ) : (
            <span className="badge badge--warning">{t('actions.noOwner')}</span>
          )}
        </span>
        <span className="action-row__due">
          {item.dueDate && <time dateTime={item.dueDate}>{formatIsoDate(item.dueDate, language)}</time>}
          {overdue && <span className="badge badge--danger" data-testid="overdue-badge"><span aria-hidden="true">! </span>{t('actions.overdue')}</span>}
          {undated && <span className="badge badge--warning" data-testid="undated-badge">{t('actions.undated')}</span>}
        </span>
        {carriedFrom && <span className="badge badge--info" data-testid="carried-from">{carriedFrom}</span>}
        {linkText && <span className="action-row__link" title={linkText}>{linkText}</span>}
      </div>
      {expanded && canEdit && <ActionItemEditor item={item} onDone={() => onToggle(item.id)} />}
    </li>
  );
});
