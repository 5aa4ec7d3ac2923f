import { useId, useState, type FormEvent } from 'react';
import type { Series, SeriesInput } from '@suishin/shared';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { agendaLinesText, attendeeLinesText, parseAgendaLines, parseAttendeeLines, parseDepartments } from './agendaText';

export type SeriesValues = Required<Pick<SeriesInput, 'name' | 'departments' | 'language' | 'agendaTemplate' | 'usualAttendees'>>;

export interface SeriesFormProps {
  /** The series being edited; a new one when absent. */
  initial?: Series;
  submitLabel: string;
  busyLabel: string;
  /** Shown with the server's message when `onSubmit` throws. */
  failedMessage(message: string): string;
  onSubmit(values: SeriesValues): Promise<void>;
  onCancel?(): void;
}

/** Name, departments, minutes language, usual agenda and usual attendees: creating a series and editing one. */
export function SeriesForm({ initial, submitLabel, busyLabel, failedMessage, onSubmit, onCancel }: SeriesFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const uiLanguage = useUiStore((s) => s.language);
  const [name, setName] = useState(initial?.name ?? '');
  const [departments, setDepartments] = useState(initial?.departments.join(', ') ?? '');
  const [language, setLanguage] = useState<'ja' | 'en'>(initial?.language ?? uiLanguage);
  const [agenda, setAgenda] = useState(initial ? agendaLinesText(initial.agendaTemplate) : '');
  const [attendees, setAttendees] = useState(initial ? attendeeLinesText(initial.usualAttendees) : '');
  const [nameError, setNameError] = useState(false);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(true);
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setState({ busy: true, error: null });
    try {
      await onSubmit({
        name: name.trim(),
        departments: parseDepartments(departments),
        language,
        agendaTemplate: parseAgendaLines(agenda),
        usualAttendees: parseAttendeeLines(attendees),
      });
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: (error as Error).message });
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>{t('series.create.name')}</label>
        <input
          id={`${id}-name`}
          className="field__input"
          value={name}
          maxLength={500}
          placeholder={t('series.create.namePlaceholder')}
          aria-invalid={nameError || undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setNameError(false);
          }}
        />
        {nameError && <span id={`${id}-name-error`} className="field__error">{t('series.create.nameRequired')}</span>}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-departments`}>{t('series.create.departments')}</label>
        <input id={`${id}-departments`} className="field__input" value={departments} aria-describedby={`${id}-departments-hint`} onChange={(e) => setDepartments(e.target.value)} />
        <span id={`${id}-departments-hint`} className="field__description">{t('series.create.departmentsHint')}</span>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-language`}>{t('series.create.language')}</label>
        <select id={`${id}-language`} className="field__input" value={language} onChange={(e) => setLanguage(e.target.value as 'ja' | 'en')}>
          <option value="ja" lang="ja">日本語</option>
          <option value="en" lang="en">English</option>
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-agenda`}>{t('series.create.agenda')}</label>
        <textarea id={`${id}-agenda`} className="field__input ft-textarea" rows={4} value={agenda} aria-describedby={`${id}-agenda-hint`} onChange={(e) => setAgenda(e.target.value)} />
        <span id={`${id}-agenda-hint`} className="field__description">{t('series.create.agendaHint')}</span>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-attendees`}>{t('seriesEdit.attendees')}</label>
        <textarea id={`${id}-attendees`} className="field__input ft-textarea" rows={3} value={attendees} aria-describedby={`${id}-attendees-hint`} onChange={(e) => setAttendees(e.target.value)} />
        <span id={`${id}-attendees-hint`} className="field__description">{t('seriesEdit.attendeesHint')}</span>
      </div>
      {state.error && <div className="notice notice--danger" role="alert">{failedMessage(state.error)}</div>}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary form__submit" disabled={state.busy}>
          {state.busy ? busyLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn btn--quiet" onClick={onCancel} disabled={state.busy}>{t('seriesEdit.cancel')}</button>
        )}
      </div>
    </form>
  );
}
