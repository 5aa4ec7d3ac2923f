import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { listSeries, type Series } from '../series/seriesApi';

export interface FilterValues {
  series: string;
  department: string;
  from: string;
  to: string;
  status?: string;
}

/** The series list for filter selects (empty if it cannot be loaded: the filter is then just absent). */
export function useSeriesList(): Series[] {
  const [series, setSeries] = useState<Series[]>([]);
  useEffect(() => {
    let cancelled = false;
    listSeries().then((list) => !cancelled && setSeries(list), () => {});
    return () => {
      cancelled = true;
    };
  }, []);
  return series;
}

/**
 * Series, department, date range (and status) filters as plain labelled form controls; applied
 * on submit so typing a department does not query on every key.
 */
export function Filters({ values, series, onApply, withStatus, children }: { values: FilterValues; series: Series[]; onApply: (values: FilterValues) => void; withStatus?: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(values);
  useEffect(() => setDraft(values), [values]);
  const set = (key: keyof FilterValues) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: event.target.value }));
  const departments = [...new Set(series.flatMap((s) => s.departments))].sort();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const empty: FilterValues = { series: '', department: '', from: '', to: '', ...(withStatus ? { status: '' } : {}) };
  return (
    <form className="ft-filters" onSubmit={submit} role="search" aria-label={t('filters.legend')}>
      {children}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-series`}>{t('filters.series')}</label>
        <select id={`${id}-series`} className="field__input" value={draft.series} onChange={set('series')}>
          <option value="">{t('filters.anySeries')}</option>
          {series.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-department`}>{t('filters.department')}</label>
        <input id={`${id}-department`} className="field__input" list={`${id}-departments`} value={draft.department} onChange={set('department')} placeholder={t('filters.departmentPlaceholder')} />
        <datalist id={`${id}-departments`}>{departments.map((d) => <option key={d} value={d} />)}</datalist>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-from`}>{t('filters.from')}</label>
        <input id={`${id}-from`} type="date" className="field__input" value={draft.from} max={draft.to || undefined} onChange={set('from')} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-to`}>{t('filters.to')}</label>
        <input id={`${id}-to`} type="date" className="field__input" value={draft.to} min={draft.from || undefined} onChange={set('to')} />
      </div>
      {withStatus && (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-status`}>{t('filters.status')}</label>
          <select id={`${id}-status`} className="field__input" value={draft.status ?? ''} onChange={set('status')}>
            <option value="">{t('filters.anyStatus')}</option>
            {(['draft', 'live', 'ended'] as const).map((s) => <option key={s} value={s}>{t(`meetings.status.${s}`)}</option>)}
          </select>
        </div>
      )}
      <div className="ft-filters__actions">
        <button type="submit" className="btn btn--primary">{t('filters.apply')}</button>
        <button type="button" className="btn btn--quiet" onClick={() => { setDraft(empty); onApply(empty); }}>{t('filters.clear')}</button>
      </div>
    </form>
  );
}

/** Filter values from / to the URL's query string, so a filtered view can be linked and reloaded. */
export function filtersFromParams(params: URLSearchParams, withStatus = false): FilterValues {
  return {
    series: params.get('series') ?? '',
    department: params.get('department') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    ...(withStatus ? { status: params.get('status') ?? '' } : {}),
  };
}

export function paramsOf(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])));
}
