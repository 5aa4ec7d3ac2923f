import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { DASHBOARD_PERIODS, type DashboardPeriod } from '@suishin/shared/protocol';
import { useTranslation } from '../../i18n/useTranslation';
import { AppLocale } from '../../ui/AppLocale';
import { DayField } from '../../ui/DayField';
import { SegmentedControl } from '../../ui/SegmentedControl';

export interface RangeValue {
  from: string;
  to: string;
  period: DashboardPeriod;
}

/**
 * The dashboard's range (after `children`: the scope): two days (the app's date field, in its language) and the period the
 * figures are summed by. The period switches at once; the days on "Show" (a half-typed date
 * would otherwise query). "Last 12 months" goes back to the default.
 */
export function RangePicker({ value, onChange, onReset, children }: { value: RangeValue; onChange(value: RangeValue): void; onReset(): void; children?: ReactNode }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  const labels = { previousLabel: t('newMeeting.previousMonth'), nextLabel: t('newMeeting.nextMonth') };
  return (
    <form className="ft-range" onSubmit={submit} aria-label={t('range.legend')}>
      {children}
      <AppLocale>
        <DayField label={t('range.from')} value={draft.from} max={draft.to} onChange={(from) => setDraft((d) => ({ ...d, from }))} clearLabel={t('range.clear', { label: t('range.from') })} {...labels} />
        <DayField label={t('range.to')} value={draft.to} min={draft.from} onChange={(to) => setDraft((d) => ({ ...d, to }))} clearLabel={t('range.clear', { label: t('range.to') })} {...labels} />
        <div className="field ft-range__period">
          <span className="field__label" aria-hidden="true">{t('range.period')}</span>
          <SegmentedControl
            label={t('range.period')}
            value={draft.period}
            options={DASHBOARD_PERIODS.map((p) => ({ value: p, label: t(`range.periods.${p}`) }))}
            onChange={(period) => onChange({ ...draft, period })}
          />
        </div>
      </AppLocale>
      <div className="ft-filters__actions">
        <button type="submit" className="btn btn--primary">{t('range.apply')}</button>
        <button type="button" className="btn btn--quiet" onClick={onReset}>{t('range.reset')}</button>
      </div>
    </form>
  );
}
