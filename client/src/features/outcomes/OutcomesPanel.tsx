import { memo, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { kpiStatus } from '@suishin/shared';
import { useActionItems } from '../../meeting/hooks/useActionItems';
import { useAgendaItems } from '../../meeting/hooks/useAgenda';
import { useAttendees } from '../../meeting/hooks/useAttendees';
import { useDecisions } from '../../meeting/hooks/useDecisions';
import { useKpis } from '../../meeting/hooks/useKpis';
import { ActionItemDialog } from '../actionItems/ActionItemDialog';
import { ActionItemsPanel } from '../actionItems/ActionItemsPanel';
import { DecisionsPanel } from '../decisions/DecisionsPanel';
import { KpiPanel } from '../kpis/KpiPanel';
import { isOverdue, todayIso } from './dates';
import { useOutcomesStore, type OutcomesTab } from './outcomesStore';
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
  const tab = useOutcomesStore((s) => s.tab);
  const setTab = useOutcomesStore((s) => s.setTab);
  const actionDialog = useOutcomesStore((s) => s.actionDialog);
  const openActionDialog = useOutcomesStore((s) => s.openActionDialog);
  const closeActionDialog = useOutcomesStore((s) => s.closeActionDialog);
  const revealRow = useOutcomesStore((s) => s.revealRow);
  const requestDecisionFocus = useOutcomesStore((s) => s.requestDecisionFocus);
  const kpis = useKpis();
  const decisions = useDecisions();
  const actions = useActionItems();
  const agenda = useAgendaItems();
  const attendees = useAttendees();

  const offTrack = useMemo(() => kpis.filter((k) => kpiStatus(k) === 'off_track').length, [kpis]);
  const today = todayIso();
  const overdue = useMemo(() => actions.filter((a) => isOverdue(a, today)).length, [actions, today]);
  const targets = useMemo(() => ({ agenda, decisions, kpis }), [agenda, decisions, kpis]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event, describeTarget(event.target));
      if (!shortcut || useOutcomesStore.getState().actionDialog) return;
      event.preventDefault();
      if (shortcut === 'newActionItem') openActionDialog(currentAgendaItemId ? { kind: 'agenda', id: currentAgendaItemId } : null);
      else requestDecisionFocus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [currentAgendaItemId, openActionDialog, requestDecisionFocus]);

  return (
    <section className="panel outcomes" aria-labelledby="outcomes-heading" data-testid="outcomes">
      <h2 id="outcomes-heading" className="visually-hidden">{t('room.outcomes')}</h2>
      <Tabs selectedKey={tab} onSelectionChange={(key) => setTab(key as OutcomesTab)} className="outcomes__tabs">
        <TabList aria-label={t('room.outcomes')} className="outcomes__tablist">
          <Tab id="kpis" className="outcomes__tab" data-testid="tab-kpis">
            {t('kpis.heading')} <span className="outcomes__count">{kpis.length}</span>
            {offTrack > 0 && <span className="outcomes__alert" title={t('kpis.offTrackCount', { count: offTrack })}><span className="visually-hidden">, {t('kpis.offTrackCount', { count: offTrack })}</span><span aria-hidden="true">{offTrack}</span></span>}
          </Tab>
          <Tab id="decisions" className="outcomes__tab" data-testid="tab-decisions">
            {t('decisions.heading')} <span className="outcomes__count">{decisions.length}</span>
          </Tab>
          <Tab id="actions" className="outcomes__tab" data-testid="tab-actions">
            {t('actions.heading')} <span className="outcomes__count">{actions.length}</span>
            {overdue > 0 && <span className="outcomes__alert" title={t('actions.overdueCount', { count: overdue })}><span className="visually-hidden">, {t('actions.overdueCount', { count: overdue })}</span><span aria-hidden="true">{overdue}</span></span>}
          </Tab>
        </TabList>
        <TabPanel id="kpis" className="outcomes__panel">
          <KpiPanel meetingLanguage={meetingLanguage} />
        </TabPanel>
        <TabPanel id="decisions" className="outcomes__panel">
          <DecisionsPanel currentAgendaItemId={currentAgendaItemId} />
        </TabPanel>
        <TabPanel id="actions" className="outcomes__panel">
          <ActionItemsPanel />
        </TabPanel>
      </Tabs>
      <p className="outcomes__footer">{t('outcomes.shortcutsHint')}</p>
      <ActionItemDialog
        preset={actionDialog}
        attendees={attendees}
        departments={departments}
        targets={targets}
        onClose={closeActionDialog}
        onAdded={(id) => {
          closeActionDialog();
          revealRow('action', id);
        }}
      />
    </section>
  );
});
