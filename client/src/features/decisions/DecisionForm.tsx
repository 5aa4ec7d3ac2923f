import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import type { AgendaItem, Decision } from '@suishin/shared';
import type { Attendee } from '../../meeting/hooks/useAttendees';
import { useDecisionCommands } from '../../meeting/hooks/useDecisions';
import { Button } from '../../ui/Button';
import { PersonComboBox } from '../actionItems/PersonComboBox';
import { DateField } from '../outcomes/DateField';
import { Kbd } from '../outcomes/Kbd';
import { useOutcomesStore } from '../outcomes/outcomesStore';
import { useTouchOnly } from '../../ui/useTouchOnly';
import { AgendaSelect, SupersedesSelect } from './decisionSelects';

export interface DecisionFormProps {
  /** The agenda item in view: a new decision is recorded on it unless another is chosen. */
  currentAgendaItemId: string | null;
  agenda: readonly AgendaItem[];
  decisions: readonly Decision[];
  attendees: readonly Attendee[];
  onRecorded(id: string): void;
}

/**
 * Record a decision in a few keystrokes: the text, then Ctrl/⌘+Enter (or the button). It is
 * filed under the agenda item in view; rationale, alternatives, who decided, a review date and
 * the decision it supersedes are one click away. The draft is this person's until recorded, so
 * typing here (IME included) never touches the shared document.
 */
export function DecisionForm({ currentAgendaItemId, agenda, decisions, attendees, onRecorded }: DecisionFormProps) {
  const { t } = useTranslation();
  const touchOnly = useTouchOnly();
  const commands = useDecisionCommands();
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [details, setDetails] = useState(false);
  const [rationale, setRationale] = useState('');
  const [alternatives, setAlternatives] = useState('');
  const [decidedBy, setDecidedBy] = useState('');
  const [reviewDate, setReviewDate] = useState<string | null>(null);
  const [supersedesId, setSupersedesId] = useState<string | null>(null);
  /** null: follow the agenda item in view. */
  const [chosenAgendaId, setChosenAgendaId] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const agendaItemId = chosenAgendaId === undefined ? currentAgendaItemId : chosenAgendaId;

  const focusPending = useOutcomesStore((s) => s.decisionFocusPending);
  const clearDecisionFocus = useOutcomesStore((s) => s.clearDecisionFocus);
  useEffect(() => {
    if (!focusPending) return;
    textRef.current?.focus();
    clearDecisionFocus();
  }, [focusPending, clearDecisionFocus]);

  function record(event?: FormEvent) {
    event?.preventDefault();
    if (text.trim() === '') {
      setError(t('decisions.textRequired'));
      textRef.current?.focus();
      return;
    }
    try {
      const newId = commands.add({
        text: text.trim(),
        rationale: rationale.trim(),
        alternatives: alternatives.trim(),
        decidedBy: decidedBy.trim(),
        agendaItemId: agendaItemId && agenda.some((a) => a.id === agendaItemId) ? agendaItemId : null,
        reviewDate,
        supersedesId,
      });
      setText('');
      setRationale('');
      setAlternatives('');
      setReviewDate(null);
      setSupersedesId(null);
      setChosenAgendaId(undefined);
      setError(null);
      onRecorded(newId);
      textRef.current?.focus();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <form className="decision-form" onSubmit={record} aria-label={t('decisions.record')} data-testid="decision-form">
      <div className="field">
        <label htmlFor={`${id}-text`} className="field__label decision-form__label">
          {t('decisions.text')} <Kbd>D</Kbd>
        </label>
        <textarea
          id={`${id}-text`}
          ref={textRef}
          className="field__input field__textarea"
          rows={2}
          value={text}
          placeholder={t('decisions.textPlaceholder')}
          aria-invalid={error !== null || undefined}
          aria-describedby={error ? `${id}-error` : touchOnly ? undefined : `${id}-hint`}
          aria-keyshortcuts="d"
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) record();
          }}
        />
        {error ? (
          <span id={`${id}-error`} className="field__error">{error}</span>
        ) : (
          !touchOnly && <span id={`${id}-hint`} className="field__description">{t('decisions.submitHint')}</span>
        )}
      </div>
      <div className="decision-form__row">
        <AgendaSelect label={t('decisions.agendaItem')} value={agendaItemId} agenda={agenda} onChange={setChosenAgendaId} className="decision-form__agenda" />
        <Button size="sm" variant="quiet" aria-expanded={details} onPress={() => setDetails((d) => !d)} className="decision-form__more">
          {details ? t('decisions.fewerDetails') : t('decisions.moreDetails')}
        </Button>
      </div>
      {details && (
        <div className="decision-form__details">
          <div className="field">
            <label htmlFor={`${id}-rationale`} className="field__label">{t('decisions.rationale')}</label>
            <textarea id={`${id}-rationale`} className="field__input field__textarea" rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-alternatives`} className="field__label">{t('decisions.alternatives')}</label>
            <textarea id={`${id}-alternatives`} className="field__input field__textarea" rows={2} value={alternatives} onChange={(e) => setAlternatives(e.target.value)} />
          </div>
          <div className="outcome-editor__row">
            <PersonComboBox label={t('decisions.decidedBy')} value={decidedBy} attendees={attendees} placeholder={t('decisions.decidedByPlaceholder')} onInput={setDecidedBy} onPick={(a) => setDecidedBy(a.name)} />
            <DateField label={t('decisions.reviewDate')} value={reviewDate} onChange={setReviewDate} />
          </div>
          <SupersedesSelect label={t('decisions.supersedes')} value={supersedesId} decisions={decisions} onChange={setSupersedesId} />
        </div>
      )}
      <div className="decision-form__actions">
        <Button type="submit" size="sm" variant="primary">{t('decisions.record')}</Button>
      </div>
    </form>
  );
}
