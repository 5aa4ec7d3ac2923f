import { memo, useCallback, useEffect, useId, useMemo, useRef, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { kpiStatus } from '@suishin/shared';
import { useActionItems } from '../../meeting/hooks/useActionItems';
import { useAgendaItems } from '../../meeting/hooks/useAgenda';
import { useAttendees } from '../../meeting/hooks/useAttendees';
import { useDecisions } from '../../meeting/hooks/useDecisions';
import { useKpis } from '../../meeting/hooks/useKpis';
import { useKpiAtRiskMargin } from '../../meeting/hooks/useMeta';
import { useRoomAccess } from '../access/useMeetingAccess';
import { Loaded, loadable } from '../../ui/loadable';
import { useTouchOnly } from '../../ui/useTouchOnly';
import { KpiPanel } from '../kpis/KpiPanel';
import { isOverdue, todayIso } from './dates';
import { useOutcomesStore, type OutcomesTab } from './outcomesStore';
import { useShowLinkedDecision } from './linkedDecision';
import { describeTarget, shortcutFor } from './shortcuts';

export interface OutcomesPanelProps {
  /** The agenda item in view: new decisions and action items are filed under it by default. */
  currentAgendaItemId: string | null;
  departments: readonly string[];
  meetingLanguage: 'ja' | 'en';
}

/**
 * The room's right column below the attendees: the KPI snapshot, the decision log and the action
 * items, as tabs with their counts (one panel at a time keeps a tablet usable and the DOM small).
 * Owns the room-wide shortcuts: A opens "new action item" (linked to the agenda item in view),
 * D goes to the decision field; neither fires while typing, composing or in a dialog.
 */
export const OutcomesPanel = memo(function OutcomesPanel({ currentAgendaItemId, departments, meetingLanguage }: OutcomesPanelProps) {
  const { t } = useTranslation();
  const touchOnly = useTouchOnly();
  const tab = useOutcomesStore((s) => s.tab);
  const setTab = useOutcomesStore((s) => s.setTab);
  const actionDialog = useOutcomesStore((s) => s.actionDialog);
  const openActionDialog = useOutcomesStore((s) => s.openActionDialog);
  const closeActionDialog = useOutcomesStore((s) => s.closeActionDialog);
  const revealRow = useOutcomesStore((s) => s.revealRow);
  const requestDecisionFocus = useOutcomesStore((s) => s.requestDecisionFocus);
  const { canEdit } = useRoomAccess();
  const kpis = useKpis();
  const decisions = useDecisions();
  const actions = useActionItems();
  const agenda = useAgendaItems();
  const attendees = useAttendees();

  const atRiskMargin = useKpiAtRiskMargin();
  const offTrack = useMemo(() => kpis.filter((k) => kpiStatus(k, { atRiskMargin }) === 'off_track').length, [kpis, atRiskMargin]);
  const today = todayIso();
  const overdue = useMemo(() => actions.filter((a) => isOverdue(a, today)).length, [actions, today]);
  const targets = useMemo(() => ({ agenda, decisions, kpis }), [agenda, decisions, kpis]);

  useEffect(preloadOtherTabs, []); // after the room's first render

  // A decision opened from search (#decision-<id>): its tab opens and it is scrolled to and highlighted.
  const decisionIds = useMemo(() => decisions.map((d) => d.id), [decisions]);
  useShowLinkedDecision(decisionIds, useCallback((id: string) => revealRow('decision', id), [revealRow]));

  useEffect(() => {
    if (!canEdit) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event, describeTarget(event.target));
      if (!shortcut || useOutcomesStore.getState().actionDialog) return;
      event.preventDefault();
      if (shortcut === 'newActionItem') openActionDialog(currentAgendaItemId ? { kind: 'agenda', id: currentAgendaItemId } : null);
      else requestDecisionFocus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [canEdit, currentAgendaItemId, openActionDialog, requestDecisionFocus]);

  return (
    <section className="panel outcomes" aria-labelledby="outcomes-heading" data-testid="outcomes">
      <h2 id="outcomes-heading" className="visually-hidden">{t('room.outcomes')}</h2>
      <OutcomeTabs
        label={t('room.outcomes')}
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            id: 'kpis',
            label: t('kpis.heading'),
            count: kpis.length,
            alert: offTrack > 0 ? { count: offTrack, label: t('kpis.offTrackCount', { count: offTrack }) } : null,
          },
          { id: 'decisions', label: t('decisions.heading'), count: decisions.length, alert: null },
          {
            id: 'actions',
            label: t('actions.heading'),
            count: actions.length,
            alert: overdue > 0 ? { count: overdue, label: t('actions.overdueCount', { count: overdue }) } : null,
          },
        ]}
      >
        {tab === 'kpis' ? (
          <KpiPanel meetingLanguage={meetingLanguage} />
        ) : tab === 'decisions' ? (
          <Loaded from={decisionsPanel} fallback={<TabLoading />}>{(m) => <m.DecisionsPanel currentAgendaItemId={currentAgendaItemId} />}</Loaded>
        ) : (
          <Loaded from={actionItemsPanel} fallback={<TabLoading />}>{(m) => <m.ActionItemsPanel />}</Loaded>
        )}
      </OutcomeTabs>
      {canEdit && !touchOnly && <p className="outcomes__footer">{t('outcomes.shortcutsHint')}</p>}
      <Loaded from={actionItemDialog} fallback={null}>
        {(m) => (
          <m.ActionItemDialog
            preset={canEdit ? actionDialog : null}
            attendees={attendees}
            departments={departments}
            targets={targets}
            onClose={closeActionDialog}
            onAdded={(id) => {
              closeActionDialog();
              revealRow('action', id);
            }}
          />
        )}
      </Loaded>
    </section>
  );
});

/**
 * The decision log, the action items and the action-item dialog are not on screen when the room
 * opens (the KPI tab is): their code runs after the room has rendered, so opening a meeting runs
 * less before it is usable. index.html has already downloaded it (build/roomPreloads.ts), and it
 * runs right after the first render, so it is there before anyone switches tabs.
 */
const decisionsPanel = loadable(() => import('../decisions/DecisionsPanel'));
const actionItemsPanel = loadable(() => import('../actionItems/ActionItemsPanel'));
const actionItemDialog = loadable(() => import('../actionItems/ActionItemDialog'));

/** The tabs not shown are loaded right after the first render; the dialog loads as it mounts. */
function preloadOtherTabs() {
  decisionsPanel.preload();
  actionItemsPanel.preload();
}

function TabLoading() {
  const { t } = useTranslation();
  return <p className="outcome-empty muted" role="status">{t('app.loading')}</p>;
}

interface OutcomeTab {
  id: OutcomesTab;
  label: string;
  count: number;
  alert: { count: number; label: string } | null;
}

/**
 * The WAI-ARIA tabs pattern (one tab stop, arrow keys, Home/End), with only the selected panel
 * mounted. Hand-written rather than react-aria's TabPanel, which re-walks every descendant with
 * getComputedStyle on each DOM change to decide whether the panel itself needs a tab stop: with
 * 300 action items and 20 people editing, that walk was most of the main thread's work.
 */
function OutcomeTabs({ label, tabs, selected, onSelect, children }: { label: string; tabs: OutcomeTab[]; selected: OutcomesTab; onSelect(tab: OutcomesTab): void; children: ReactNode }) {
  const id = useId();
  const buttons = useRef(new Map<OutcomesTab, HTMLButtonElement>());
  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label={label} className="outcomes__tablist" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const isSelected = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element) buttons.current.set(tab.id, element);
                else buttons.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${tab.id}`}
              aria-selected={isSelected}
              aria-controls={isSelected ? `${id}-panel` : undefined}
              tabIndex={isSelected ? 0 : -1}
              className="outcomes__tab"
              data-selected={isSelected || undefined}
              data-testid={`tab-${tab.id}`}
              onClick={() => onSelect(tab.id)}
            >
              {tab.label} <span className="outcomes__count">{tab.count}</span>
              {tab.alert && (
                <span className="outcomes__alert" title={tab.alert.label}>
                  <span className="visually-hidden">, {tab.alert.label}</span>
                  <span aria-hidden="true">{tab.alert.count}</span>
                </span>
              )}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selected}`} className="outcomes__panel">
        {children}
      </div>
    </>
  );
}
