import { memo } from 'react';
import type { TFunction } from 'i18next';
import { kpiDelta, kpiStatus, type ActionItemStatus, type Kpi, type KpiStatus } from '@suishin/shared';
import type { Language } from '../../i18n/language';
import { StatusPill, type Tone } from '../../ui/StatusPill';
import { deltaArrow, deltaTone, formatDelta, formatKpiValue } from './kpiFormat';
import { KpiEditor } from './KpiEditor';

export const STATUS_TONE: Record<KpiStatus, Tone> = { on_track: 'success', at_risk: 'warning', off_track: 'danger' };

export interface KpiRowProps {
  /** The panel's translate function: one i18n subscription per list instead of one per row. */
  t: TFunction;
  kpi: Kpi;
  /** This meeting's at-risk margin (the status rule). */
  atRiskMargin: number;
  /** False for observers (and read-only sockets): figures only, no editor or buttons. */
  canEdit: boolean;
  /** Its countermeasure action (see shared's countermeasureOf), as primitives for the memo. */
  countermeasureId: string | null;
  countermeasureTitle: string | null;
  countermeasureStatus: ActionItemStatus | null;
  language: Language;
  expanded: boolean;
  onToggle(id: string): void;
  onAddCountermeasure(kpiId: string): void;
  onShowAction(actionId: string): void;
}

/**
 * One KPI: the figures and derived status on one line, the countermeasure line under an
 * off-track KPI, and the editor when opened. Memoized: a remote edit re-renders only its KPI.
 */
export const KpiRow = memo(function KpiRow({ t, kpi, atRiskMargin, canEdit, countermeasureId, countermeasureTitle, countermeasureStatus, language, expanded, onToggle, onAddCountermeasure, onShowAction }: KpiRowProps) {
  const status = kpiStatus(kpi, { atRiskMargin });
  const delta = kpiDelta(kpi);
  const tone = delta === null ? null : deltaTone(delta, kpi.direction);
  const showCountermeasure = status === 'off_track' || countermeasureId !== null;

  return (
    <tbody className={['kpi-group', status && `kpi-group--${status}`, expanded && 'kpi-group--expanded'].filter(Boolean).join(' ')} data-testid="kpi" data-kpi-id={kpi.id} data-status={status ?? 'none'}>
      <tr className="kpi-row">
        <th scope="row" className="kpi-row__name">
          {canEdit ? (
            <button type="button" className="kpi-row__toggle" aria-expanded={expanded} onClick={() => onToggle(kpi.id)} data-testid="kpi-name">
              {kpi.name}
            </button>
          ) : (
            <span className="kpi-row__toggle" data-testid="kpi-name">{kpi.name}</span>
          )}
          {(kpi.owner || kpi.comment) && (
            <span className="kpi-row__sub">
              {kpi.owner}
              {kpi.owner && kpi.comment && ' · '}
              {kpi.comment && <span title={kpi.comment}>{kpi.comment}</span>}
            </span>
          )}
        </th>
        <td className="kpi-row__figures">
          <span className="kpi-row__actual" data-testid="kpi-actual">{formatKpiValue(kpi.actual, kpi.unit, language)}</span>
          <span className="kpi-row__target">
            <span className="kpi-row__direction" title={t(`kpis.direction.${kpi.direction}`)} aria-label={t(`kpis.direction.${kpi.direction}`)}>
              {kpi.direction === 'higher_is_better' ? '↗' : '↘'}
            </span>{' '}
            {t('kpis.targetShort', { value: formatKpiValue(kpi.target, kpi.unit, language) })}
          </span>
          <span className="kpi-row__previous">{t('kpis.previousShort', { value: formatKpiValue(kpi.previous, kpi.unit, language) })}</span>
        </td>
        <td className="kpi-row__status">
          {status ? (
            <span data-testid="kpi-status"><StatusPill tone={STATUS_TONE[status]}>{t(`kpis.status.${status}`)}</StatusPill></span>
          ) : (
            <span className="muted kpi-row__nostatus" data-testid="kpi-status">{t('kpis.noStatus')}</span>
          )}
          {delta === null ? (
            <span className="delta delta--none" title={t('kpis.noChange')}>
              <span aria-hidden="true">—</span>
              <span className="visually-hidden">{t('kpis.noChange')}</span>
            </span>
          ) : (
            <span className={`delta delta--${tone}`} data-testid="kpi-delta">
              <span aria-hidden="true">{deltaArrow(delta)} </span>
              {formatDelta(delta, kpi.unit, language)}
              <span className="visually-hidden"> ({t(`kpis.deltaTone.${tone}`)})</span>
            </span>
          )}
        </td>
      </tr>
      {showCountermeasure && (
        <tr className="kpi-row__extra">
          <td colSpan={3}>
            {countermeasureId ? (
              <button type="button" className="countermeasure" onClick={() => onShowAction(countermeasureId)} data-testid="kpi-countermeasure">
                <span className="countermeasure__label" aria-hidden="true">✓</span>
                <span className="visually-hidden">{t('kpis.countermeasure')} </span>
                <span className="countermeasure__title">{countermeasureTitle}</span>
                <span className="countermeasure__status">({t(`actions.status.${countermeasureStatus}`)})</span>
              </button>
            ) : (
              <span className="countermeasure countermeasure--missing">
                <span className="countermeasure__missing"><span aria-hidden="true">! </span>{t('kpis.noCountermeasure')}</span>
                {canEdit && (
                  <button
                    type="button"
                    className="btn btn--sm btn--secondary countermeasure__add"
                    onClick={() => onAddCountermeasure(kpi.id)}
                    aria-label={t('kpis.addCountermeasureFor', { name: kpi.name })}
                    data-testid="add-countermeasure"
                  >
                    {t('kpis.addCountermeasure')}
                  </button>
                )}
              </span>
            )}
          </td>
        </tr>
      )}
      {expanded && canEdit && (
        <tr className="kpi-row__editor">
          <td colSpan={3}>
            <KpiEditor kpi={kpi} onDone={() => onToggle(kpi.id)} />
          </td>
        </tr>
      )}
    </tbody>
  );
});
