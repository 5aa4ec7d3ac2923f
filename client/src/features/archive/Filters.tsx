import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { AppLocale } from '../../ui/AppLocale';
import { DayField } from '../../ui/DayField';
import type { Series } from '@suishin/shared/protocol';
import { listSeries } from '../series/seriesApi';

/** Filter values as the URL carries them: "" = not filtered. */
export type FilterValues = Record<string, string>;

/** A filter beyond series, department and dates: a text field or a select. */
export interface ExtraFilter {
  key: string;
  label: string;
  placeholder?: string;
  /** With options: a select whose first option ("any") is the empty value. */
  options?: ReadonlyArray<{ value: string; label: string }>;
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

export const BASE_FILTERS = ['series', 'department', 'from', 'to'] as const;

/**
 * Series, department and date range filters (and `extra` ones), applied on submit so typing does
 * not query on every key. The dates are the app's react-aria date field, in the UI's language.
 */
export function Filters({ values, series, onApply, extra = [], children }: { values: FilterValues; series: Series[]; onApply: (values: FilterValues) => void; extra?: ExtraFilter[]; children?: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(values);
  useEffect(() => setDraft(values), [values]);
  const set = (key: string) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const departments = [...new Set(series.flatMap((s) => s.departments))].sort();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const empty = Object.fromEntries([...BASE_FILTERS, ...extra.map((e) => e.key)].map((k) => [k, '']));
  const dayLabels = { previousLabel: t('newMeeting.previousMonth'), nextLabel: t('newMeeting.nextMonth') };
  return (
    <form className="ft-filters" onSubmit={submit} role="search" aria-label={t('filters.legend')}>
      {children}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-series`}>{t('filters.series')}</label>
        <select id={`${id}-series`} className="field__input" value={draft.series ?? ''} onChange={(e) => set('series')(e.target.value)}>
          <option value="">{t('filters.anySeries')}</option>
          {series.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-department`}>{t('filters.department')}</label>
        <input id={`${id}-department`} className="field__input" list={`${id}-departments`} value={draft.department ?? ''} onChange={(e) => set('department')(e.target.value)} placeholder={t('filters.departmentPlaceholder')} />
        <datalist id={`${id}-departments`}>{departments.map((d) => <option key={d} value={d} />)}</datalist>
      </div>
      <AppLocale>
        <DayField label={t('filters.from')} value={draft.from ?? ''} max={draft.to} onChange={set('from')} clearLabel={t('range.clear', { label: t('filters.from') })} {...dayLabels} />
        <DayField label={t('filters.to')} value={draft.to ?? ''} min={draft.from} onChange={set('to')} clearLabel={t('range.clear', { label: t('filters.to') })} {...dayLabels} />
      </AppLocale>
      {extra.map((f) => (
        <div className="field" key={f.key}>
          <label className="field__label" htmlFor={`${id}-${f.key}`}>{f.label}</label>
          {f.options ? (
            <select id={`${id}-${f.key}`} className="field__input" value={draft[f.key] ?? ''} onChange={(e) => set(f.key)(e.target.value)}>
              {f.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          ) : (
            <input id={`${id}-${f.key}`} className="field__input" value={draft[f.key] ?? ''} placeholder={f.placeholder} onChange={(e) => set(f.key)(e.target.value)} />
          )}
        </div>
      ))}
      <div className="ft-filters__actions">
        <button type="submit" className="btn btn--primary">{t('filters.apply')}</button>
        <button type="button" className="btn btn--quiet" onClick={() => { setDraft(empty); onApply(empty); }}>{t('filters.clear')}</button>
      </div>
    </form>
  );
}

/** Filter values from the URL's query string (so a filtered view can be linked and reloaded). */
export function filtersFromParams(params: URLSearchParams, keys: readonly string[]): FilterValues {
  return Object.fromEntries(keys.map((k) => [k, params.get(k) ?? '']));
}

/** The non-empty values, for the URL and the API. */
export function paramsOf(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])));
}
