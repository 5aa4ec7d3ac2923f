import { useId } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import type { ItemLink } from '@suishin/shared';
import { linkOptions, linkValue, parseLinkValue, type LinkTargets } from './linkTargets';

export interface LinkFieldProps {
  value: ItemLink | null;
  targets: LinkTargets;
  onChange(link: ItemLink | null): void;
  className?: string;
}

/**
 * What an action item is linked to: an agenda item, a decision or a KPI. A native select with
 * one group per kind: keyboard type-ahead and the platform's picker on a tablet come for free.
 */
export function LinkField({ value, targets, onChange, className }: LinkFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const options = linkOptions(targets);
  const current = linkValue(value);
  const known = current === '' || [...options.agenda, ...options.decisions, ...options.kpis].some((o) => o.value === current);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">{t('actions.link')}</label>
      <select id={id} className="field__input select" value={current} onChange={(event) => onChange(parseLinkValue(event.target.value))}>
        <option value="">{t('actions.noLink')}</option>
        {!known && <option value={current}>{t('actions.linkMissing')}</option>}
        {options.agenda.length > 0 && (
          <optgroup label={t('actions.linkKinds.agenda')}>
            {options.agenda.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </optgroup>
        )}
        {options.decisions.length > 0 && (
          <optgroup label={t('actions.linkKinds.decision')}>
            {options.decisions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </optgroup>
        )}
        {options.kpis.length > 0 && (
          <optgroup label={t('actions.linkKinds.kpi')}>
            {options.kpis.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </optgroup>
        )}
      </select>
    </div>
  );
}
