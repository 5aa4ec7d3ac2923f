import { useLinkedDecision } from '../outcomes/linkedDecision';
import { memo, useCallback, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { useAgendaItems } from '../../meeting/hooks/useAgenda';
import { useAttendees } from '../../meeting/hooks/useAttendees';
import { useDecisions } from '../../meeting/hooks/useDecisions';
import { useUiStore } from '../../state/uiStore';
import { useRoomAccess } from '../access/useMeetingAccess';
import { useOutcomesStore } from '../outcomes/outcomesStore';
import { DecisionForm } from './DecisionForm';
import { DecisionRow } from './DecisionRow';

/**
 * The decision log: a quick form on the agenda item in view, then every decision of the meeting
 * in the order it was recorded, with its agenda item. A decision that another supersedes is
 * dimmed and struck through, and says which one replaced it.
 */
export const DecisionsPanel = memo(function DecisionsPanel({ currentAgendaItemId }: { currentAgendaItemId: string | null }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const decisions = useDecisions();
  const agenda = useAgendaItems();
  const attendees = useAttendees();
  const reveal = useOutcomesStore((s) => s.reveal);
  const revealRow = useOutcomesStore((s) => s.revealRow);
  const { canEdit } = useRoomAccess();
  const [expandedId, setExpandedId] = useState<string | null>(null);
  const linkedId = useLinkedDecision();

  const { numberOf, supersededBy } = useMemo(() => {
    const numbers = new Map(decisions.map((d, i) => [d.id, i + 1]));
    const replaced = new Map<string, string>();
    // Later decisions win: the last one recorded that supersedes a decision is shown.
    for (const d of decisions) if (d.supersedesId && numbers.has(d.supersedesId)) replaced.set(d.supersedesId, d.id);
    return { numberOf: numbers, supersededBy: replaced };
  }, [decisions]);
  const agendaLabels = useMemo(() => new Map(agenda.map((item, i) => [item.id, `${i + 1}. ${item.title}`])), [agenda]);

  const onToggle = useCallback((id: string) => setExpandedId((current) => (current === id ? null : id)), []);
  const onReveal = useCallback((id: string) => revealRow('decision', id), [revealRow]);
  const revealId = reveal?.kind === 'decision' ? reveal.id : null;

  return (
    <div className="outcome-section decisions-panel" data-testid="decisions-panel">
      {canEdit && <DecisionForm currentAgendaItemId={currentAgendaItemId} agenda={agenda} decisions={decisions} attendees={attendees} onRecorded={() => {}} />}
      {decisions.length === 0 ? (
        <p className="outcome-empty muted">{t('decisions.empty')}</p>
      ) : (
        <ol className="decision-list" aria-label={t('decisions.heading')}>
          {decisions.map((decision, index) => {
            const replacedBy = supersededBy.get(decision.id);
            const supersedes = decision.supersedesId ? numberOf.get(decision.supersedesId) : undefined;
            return (
              <DecisionRow
                key={decision.id}
                t={t}
                decision={decision}
                canEdit={canEdit}
                number={index + 1}
                agendaLabel={decision.agendaItemId ? agendaLabels.get(decision.agendaItemId) ?? null : null}
                supersededById={replacedBy ?? null}
                supersededByNumber={replacedBy ? numberOf.get(replacedBy) ?? null : null}
                supersedesNumber={supersedes ?? null}
                language={language}
                expanded={expandedId === decision.id}
                revealAt={revealId === decision.id ? reveal!.at : null}
                linked={linkedId === decision.id}
                onToggle={onToggle}
                onReveal={onReveal}
              />
            );
          })}
        </ol>
      )}
    </div>
  );
});
