import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { createSeries } from './seriesApi';
import { parseAgendaLines, parseDepartments } from './agendaText';

/** Name, departments, minutes language and the usual agenda; opens the new series' page. */
export function NewSeriesForm() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const uiLanguage = useUiStore((s) => s.language);
  const [name, setName] = useState('');
  const [departments, setDepartments] = useState('');
  const [language, setLanguage] = useState<'ja' | 'en'>(uiLanguage);
  const [agenda, setAgenda] = useState('');
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
      const created = await createSeries({ name: name.trim(), departments: parseDepartments(departments), language, agendaTemplate: parseAgendaLines(agenda) });
      void navigate(`/series/${encodeURIComponent(created.id)}`);
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
      {state.error && <div className="notice notice--danger" role="alert">{t('series.create.failed', { message: state.error })}</div>}
      <button type="submit" className="btn btn--primary form__submit" disabled={state.busy}>
        {state.busy ? t('series.create.submitting') : t('series.create.submit')}
      </button>
    </form>
  );
}
