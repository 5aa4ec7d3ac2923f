import { useTranslation } from '../../i18n/useTranslation';
import type { Decision } from '@suishin/shared';
import { useAgendaItems } from '../../meeting/hooks/useAgenda';
import { useAttendees } from '../../meeting/hooks/useAttendees';
import { useDecisionCommands, useDecisions } from '../../meeting/hooks/useDecisions';
import { Button } from '../../ui/Button';
import { EditorActions } from '../outcomes/EditorActions';
import { PersonComboBox } from '../actionItems/PersonComboBox';
import { DateField } from '../outcomes/DateField';
import { LiveTextArea } from '../../ui/LiveTextArea';
import { useLiveDraft } from '../../ui/useLiveDraft';
import { useOutcomesStore } from '../outcomes/outcomesStore';
import { AgendaSelect, SupersedesSelect } from './decisionSelects';

/** Every field of one decision, written live as it is edited (IME-safe). */
export function DecisionEditor({ decision, index, onDone }: { decision: Decision; index: number; onDone(): void }) {
  const { t } = useTranslation();
  const commands = useDecisionCommands();
  const agenda = useAgendaItems();
  const decisions = useDecisions();
  const attendees = useAttendees();
  const openActionDialog = useOutcomesStore((s) => s.openActionDialog);
  const decidedBy = useLiveDraft(decision.decidedBy, (name) => commands.update(decision.id, { decidedBy: name.trim() }));

  return (
    <div className="outcome-editor" data-testid="decision-editor">
      <LiveTextArea label={t('decisions.text')} value={decision.text} required requiredMessage={t('decisions.textRequired')} onCommit={(text) => commands.update(decision.id, { text: text.trim() })} />
      <LiveTextArea label={t('decisions.rationale')} value={decision.rationale} onCommit={(rationale) => commands.update(decision.id, { rationale })} />
      <LiveTextArea label={t('decisions.alternatives')} value={decision.alternatives} onCommit={(alternatives) => commands.update(decision.id, { alternatives })} />
      <div className="outcome-editor__row">
        <PersonComboBox
          label={t('decisions.decidedBy')}
          value={decidedBy.draft}
          error={decidedBy.error}
          attendees={attendees}
          onInput={decidedBy.change}
          onPick={(a) => commands.update(decision.id, { decidedBy: a.name })}
          inputHandlers={{
            onBlur: decidedBy.commit,
            onCompositionStart: decidedBy.compositionStart,
            onCompositionEnd: decidedBy.compositionEnd,
            onKeyDown: (event) => {
              if (event.key === 'Enter' && !event.nativeEvent.isComposing) decidedBy.commit();
            },
          }}
        />
        <DateField label={t('decisions.reviewDate')} value={decision.reviewDate} onChange={(reviewDate) => commands.update(decision.id, { reviewDate })} />
      </div>
      <div className="outcome-editor__row">
        <AgendaSelect label={t('decisions.agendaItem')} value={decision.agendaItemId} agenda={agenda} onChange={(agendaItemId) => commands.update(decision.id, { agendaItemId })} />
        <SupersedesSelect label={t('decisions.supersedes')} value={decision.supersedesId} decisions={decisions} beforeIndex={index} onChange={(supersedesId) => commands.update(decision.id, { supersedesId })} />
      </div>
      <EditorActions
        removeLabel={t('decisions.remove')}
        confirmTitle={t('decisions.removeConfirmTitle')}
        confirmBody={t('decisions.removeConfirmBody')}
        onRemove={() => commands.remove(decision.id)}
        onDone={onDone}
      >
        <Button size="sm" onPress={() => openActionDialog({ kind: 'decision', id: decision.id })}>{t('decisions.addAction')}</Button>
      </EditorActions>
    </div>
  );
}
