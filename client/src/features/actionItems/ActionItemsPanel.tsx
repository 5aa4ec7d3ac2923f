import { memo, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { ACTION_ITEM_STATUSES } from '@suishin/shared';
import { useActionItemCommands, useActionItems } from '../../meeting/hooks/useActionItems';
import { useCarriedFrom } from '../../meeting/hooks/useCarriedFrom';
import { formatIsoDate } from '../outcomes/outcomeFormat';
import { useAgendaItems } from '../../meeting/hooks/useAgenda';
import { useDecisions } from '../../meeting/hooks/useDecisions';
import { useKpis } from '../../meeting/hooks/useKpis';
import { localeOf } from '../../i18n/format';
import { useUiStore } from '../../state/uiStore';
import { Button } from '../../ui/Button';
import { isOverdue, isUndated, todayIso } from '../outcomes/dates';
import { Kbd } from '../outcomes/Kbd';
import { useRoomAccess } from '../access/useMeetingAccess';
import { useOutcomesStore } from '../outcomes/outcomesStore';
import { actionFacets, ANY, filterActionItems, NO_FILTER, NONE, type ActionFilter, type StatusFilter } from './actionFilters';
import { ActionItemRow } from './ActionItemRow';
import { linkLabeler } from './linkTargets';

/**
 * The meeting's action items: filter by owner, department and status; overdue and undated items
 * carry a badge (colour and words). Rows are memoized and receive only primitives besides their
 * item, so a remote edit re-renders one row; 300 items render without virtualization (see the
 * outcomes benchmark in e2e/bench).
 */
export const ActionItemsPanel = memo(function ActionItemsPanel() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const items = useActionItems();
  const carried = useCarriedFrom();
  const agenda = useAgendaItems();
  const decisions = useDecisions();
  const kpis = useKpis();
  const commands = useActionItemCommands();
  const openDialog = useOutcomesStore((s) => s.openActionDialog);
  const reveal = useOutcomesStore((s) => s.reveal);
  const { canEdit } = useRoomAccess();
  const [filter, setFilter] = useState<ActionFilter>(NO_FILTER);
  const [expandedId, setExpandedId] = useState<string | null>(null);
  const today = todayIso();
  const id = useId();

  const facets = useMemo(() => actionFacets(items, today, localeOf(language)), [items, today, language]);
  const visible = useMemo(() => filterActionItems(items, filter, today), [items, filter, today]);
  const linkTexts = useMemo(() => {
    const label = linkLabeler({ agenda, decisions, kpis });
    const kinds = { agenda: t('actions.linkKinds.agenda'), decision: t('actions.linkKinds.decision'), kpi: t('actions.linkKinds.kpi') };
    const texts = new Map<string, string>();
    for (const item of items) {
      const text = label(item.link);
      if (text !== null) texts.set(item.id, `${kinds[item.link!.kind]} · ${text}`);
    }
    return texts;
  }, [items, agenda, decisions, kpis, t]);

  // "第11回から": a carried item says which meeting of the series it came from.
  const carriedTexts = useMemo(() => {
    const texts = new Map<string, string>();
    for (const [itemId, from] of carried) {
      texts.set(
        itemId,
        from?.number != null
          ? t('seriesNumber.carriedFrom', { number: from.number })
          : from?.heldOn
            ? t('seriesNumber.carriedFromDay', { day: formatIsoDate(from.heldOn, language) })
            : t('seriesNumber.carriedFromLast'),
      );
    }
    return texts;
  }, [carried, t, language]);

  // Following a link to an item the filters hide: show everything rather than nothing.
  const revealId = reveal?.kind === 'action' ? reveal.id : null;
  useEffect(() => {
    if (!reveal || reveal.kind !== 'action') return;
    if (!visible.some((item) => item.id === reveal.id)) setFilter(NO_FILTER);
    if (reveal.edit) setExpandedId(reveal.id);
    // Only when a new reveal arrives, not when the list changes afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal]);

  const onToggle = useCallback((itemId: string) => setExpandedId((current) => (current === itemId ? null : itemId)), []);
  const set = (patch: Partial<ActionFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const filtered = visible !== items;

  return (
    <div className="outcome-section actions-panel" data-testid="actions-panel">
      {canEdit && (
        <div className="outcome-toolbar">
          <Button size="sm" variant="primary" onPress={() => openDialog(null)} aria-keyshortcuts="a">
            {t('actions.new')} <Kbd>A</Kbd>
          </Button>
        </div>
      )}
      <div className="action-filters" role="group" aria-label={t('actions.filters')}>
        <FilterSelect id={`${id}-owner`} label={t('actions.filterOwner')} value={filter.owner} onChange={(owner) => set({ owner })}>
          <option value={ANY}>{t('actions.allOwners')}</option>
          {facets.owners.map((name) => <option key={name} value={name}>{name}</option>)}
          {facets.ownerless && <option value={NONE}>{t('actions.noOwner')}</option>}
        </FilterSelect>
        <FilterSelect id={`${id}-department`} label={t('actions.filterDepartment')} value={filter.department} onChange={(department) => set({ department })}>
          <option value={ANY}>{t('actions.allDepartments')}</option>
          {facets.departments.map((name) => <option key={name} value={name}>{name}</option>)}
          {facets.departmentless && <option value={NONE}>{t('actions.noDepartment')}</option>}
        </FilterSelect>
        <FilterSelect id={`${id}-status`} label={t('actions.filterStatus')} value={filter.status} onChange={(status) => set({ status: status as StatusFilter })}>
          <option value={ANY}>{t('actions.allStatuses')}</option>
          <option value="todo">{t('actions.todo')}</option>
          {ACTION_ITEM_STATUSES.map((status) => <option key={status} value={status}>{t(`actions.status.${status}`)}</option>)}
          <option value="overdue">{t('actions.overdueFilter', { count: facets.overdue })}</option>
          <option value="undated">{t('actions.undatedFilter', { count: facets.undated })}</option>
        </FilterSelect>
      </div>
      <p className="outcome-summary" aria-live="polite" data-testid="actions-summary">
        {filtered ? t('actions.shownOf', { shown: visible.length, count: items.length }) : t('actions.count', { count: items.length })}
        {facets.overdue > 0 && <span className="outcome-summary__alert"> · {t('actions.overdueCount', { count: facets.overdue })}</span>}
        {facets.undated > 0 && <span className="outcome-summary__warn"> · {t('actions.undatedCount', { count: facets.undated })}</span>}
        {filtered && (
          <button type="button" className="link-button" onClick={() => setFilter(NO_FILTER)}>{t('actions.clearFilters')}</button>
        )}
      </p>
      {items.length === 0 ? (
        <p className="outcome-empty muted">{t('actions.empty')}</p>
      ) : visible.length === 0 ? (
        <p className="outcome-empty muted">{t('actions.noMatch')}</p>
      ) : (
        <ul className="action-list" aria-label={t('actions.heading')}>
          {visible.map((item) => (
            <ActionItemRow
              key={item.id}
              t={t}
              item={item}
              canEdit={canEdit}
              linkText={linkTexts.get(item.id) ?? null}
              carriedFrom={carriedTexts.get(item.id) ?? null}
              overdue={isOverdue(item, today)}
              undated={isUndated(item)}
              language={language}
              expanded={expandedId === item.id}
              revealAt={revealId === item.id ? reveal!.at : null}
              commands={commands}
              onToggle={onToggle}
            />
          ))}
        </ul>
      )}
    </div>
  );
});

function FilterSelect({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange(value: string): void; children: React.ReactNode }) {
  return (
    <div className="filter-select">
      <label htmlFor={id} className="filter-select__label">{label}</label>
      <select id={id} className="select select--compact" value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}
