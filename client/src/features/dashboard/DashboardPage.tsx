import { useEffect, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { localeOf } from '../../i18n/format';
import { useUiStore } from '../../state/uiStore';
import type { Dashboard, DashboardPeriod } from '@suishin/shared/protocol';
import { ApiError } from '../../api/apiError';
import { paramsOf, useSeriesList } from '../archive/Filters';
import { formatDay } from '../series/day';
import { DashboardFigures } from './DashboardFigures';
import { loadDashboard, type DashboardParams } from './dashboardApi';
import { RangePicker } from './RangePicker';
import '../series/followThrough.css';
import { BodyRatingCard } from '../bodies/BodyRatingCard';
import '../registers/registers.css';

type Load = { state: 'idle' } | { state: 'loading' } | { state: 'forbidden' } | { state: 'failed'; message: string } | { state: 'loaded'; data: Dashboard };

const PERIODS: DashboardPeriod[] = ['week', 'month', 'quarter'];

/**
 * Follow-through figures of a series or a department over a range, summed per week, month or
 * quarter (default: the last 12 months by month). Scope, range and period are in the URL.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const id = useId();
  const [params, setParams] = useSearchParams();
  const seriesId = params.get('series') ?? '';
  const department = params.get('department') ?? '';
  const period = (PERIODS as string[]).includes(params.get('period') ?? '') ? (params.get('period') as DashboardPeriod) : undefined;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const seriesList = useSeriesList();
  const departments = useMemo(() => [...new Set(seriesList.flatMap((s) => s.departments))].sort(), [seriesList]);
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const number = useMemo(() => new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }), [language]);
  const percent = useMemo(() => new Intl.NumberFormat(localeOf(language), { style: 'percent' }), [language]);
  const query: DashboardParams = useMemo(
    () => paramsOf({ ...(seriesId ? { series: seriesId } : { department }), from, to, period }),
    [seriesId, department, from, to, period],
  );

  useEffect(() => {
    if (!seriesId && !department) {
      setLoad({ state: 'idle' });
      return;
    }
    let cancelled = false;
    setLoad({ state: 'loading' });
    loadDashboard(query).then(
      (data) => !cancelled && setLoad({ state: 'loaded', data }),
      (error: Error) => !cancelled && setLoad(error instanceof ApiError && error.status === 403 ? { state: 'forbidden' } : { state: 'failed', message: error.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [query, seriesId, department]);

  const scopeValue = seriesId ? `s:${seriesId}` : department ? `d:${department}` : '';
  const chooseScope = (value: string) => {
    const range = paramsOf({ from, to, period });
    if (value.startsWith('s:')) setParams({ series: value.slice(2), ...range });
    else if (value.startsWith('d:')) setParams({ department: value.slice(2), ...range });
    else setParams({});
  };
  const scopeParams = paramsOf(seriesId ? { series: seriesId } : { department });
  const data = load.state === 'loaded' ? load.data : null;
  const scope = (
    <div className="field ft-scope">
      <label className="field__label" htmlFor={`${id}-scope`}>{t('dashboard.scope')}</label>
      <select id={`${id}-scope`} className="field__input" value={scopeValue} onChange={(e) => chooseScope(e.target.value)}>
        <option value="">{t('dashboard.choose')}</option>
        <optgroup label={t('dashboard.bySeries')}>
          {seriesList.map((s) => <option key={s.id} value={`s:${s.id}`}>{s.name}</option>)}
        </optgroup>
        <optgroup label={t('dashboard.byDepartment')}>
          {[...new Set([...departments, ...(department ? [department] : [])])].map((d) => <option key={d} value={`d:${d}`}>{d}</option>)}
        </optgroup>
      </select>
    </div>
  );

  return (
    <div className="page ft-page ft-dashboard">
      <div className="page-heading">
        <h1>{t('dashboard.title')}</h1>
        <p className="page-heading__subtitle">{t('dashboard.subtitle')}</p>
      </div>
      {seriesId || department ? (
        <RangePicker
          value={{ from: data?.from ?? from, to: data?.to ?? to, period: data?.period ?? period ?? 'month' }}
          onChange={(range) => setParams({ ...scopeParams, ...paramsOf({ from: range.from, to: range.to, period: range.period }) })}
          onReset={() => setParams(scopeParams)}
        >
          {scope}
        </RangePicker>
      ) : (
        <div className="ft-range">{scope}</div>
      )}
      <div aria-live="polite">
        {load.state === 'idle' && <p className="muted">{t('dashboard.choose')}</p>}
        {load.state === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
        {load.state === 'forbidden' && <div className="notice" role="alert">{t('dashboard.forbidden')}</div>}
        {load.state === 'failed' && <div className="notice notice--danger" role="alert">{t('dashboard.loadFailed', { message: load.message })}</div>}
        {data && (
          <p className="ft-count">{t('range.shown', { from: formatDay(data.from, language), to: formatDay(data.to, language), period: t(`range.per.${data.period}`) })} · {t('dashboard.meetingsCount', { count: data.totals.meetings })}</p>
        )}
      </div>
      {data && <DashboardFigures data={data} query={query} num={(v) => number.format(v)} pct={(v) => percent.format(v)} />}
      {data && seriesId && <BodyRatingCard seriesId={seriesId} />}
    </div>
  );
}

export default DashboardPage;
