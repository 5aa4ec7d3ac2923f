import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { Decision } from '@suishin/shared';
import type { Language } from '../../i18n/language';
import { formatIsoDate } from '../outcomes/outcomeFormat';
import { useRevealedRow } from '../outcomes/useRevealedRow';
import { decisionAnchor } from '../outcomes/linkedDecision';
import { DecisionEditor } from './DecisionEditor';

export interface DecisionRowProps {
  /** The panel's translate function: one i18n subscription per list instead of one per row. */
  t: TFunction;
  decision: Decision;
  /** False for observers: the log only, no editor. */
  canEdit: boolean;
  number: number;
  /** "2. Pricing", or null (a string so the memo compares it by value). */
  agendaLabel: string | null;
  /** The decision that replaced this one (id and number), or null. Primitives, for the memo. */
  supersededById: string | null;
  supersededByNumber: number | null;
  /** The number of the decision this one replaces (`decision.supersedesId`), or null. */
  supersedesNumber: number | null;
  language: Language;
  expanded: boolean;
  revealAt: number | null;
  /** The page's address points at this decision (#decision-<id>, from search): it stays highlighted. */
  linked: boolean;
  onToggle(id: string): void;
  onReveal(id: string): void;
}

/** One decision in the log. Memoized: someone else's edit re-renders only the decision it touched. */
export const DecisionRow = memo(function DecisionRow({ t, decision, canEdit, number, agendaLabel, supersededById, supersededByNumber, supersedesNumber, language, expanded, revealAt, linked, onToggle, onReveal }: DecisionRowProps) {
  const { ref, flash } = useRevealedRow(revealAt, '.decision-row__text');

  return (
    <li
      ref={ref}
      id={decisionAnchor(decision.id)}
      className={['decision-row', supersededById && 'decision-row--superseded', linked && 'outcome-linked', flash && 'outcome-flash'].filter(Boolean).join(' ')}
      aria-current={linked ? 'location' : undefined}
      data-testid="decision"
      data-decision-id={decision.id}
    >
      <span className="decision-row__number" aria-hidden="true">#{number}</span>
      <div className="decision-row__body">
        <button type="button" className="decision-row__text" aria-expanded={canEdit ? expanded : undefined} disabled={!canEdit} onClick={() => onToggle(decision.id)} data-testid="decision-text">
          <span className="visually-hidden">{t('decisions.numberLabel', { number })} </span>
          {decision.text}
        </button>
        {supersededById && (
          <button type="button" className="badge badge--muted decision-row__superseded" onClick={() => onReveal(supersededById)} data-testid="superseded-by">
            {t('decisions.supersededBy', { number: supersededByNumber })}
          </button>
        )}
        {(decision.rationale || decision.alternatives) && !expanded && (
          <dl className="decision-row__details">
            {decision.rationale && (
              <div><dt>{t('decisions.rationaleShort')}</dt><dd>{decision.rationale}</dd></div>
            )}
            {decision.alternatives && (
              <div><dt>{t('decisions.alternativesShort')}</dt><dd>{decision.alternatives}</dd></div>
            )}
          </dl>
        )}
        <div className="decision-row__meta">
          {agendaLabel && <span className="chip" title={agendaLabel}>{agendaLabel}</span>}
          {decision.decidedBy ? <span>{t('decisions.decidedByName', { name: decision.decidedBy })}</span> : <span className="badge badge--warning">{t('decisions.noDecider')}</span>}
          {decision.reviewDate && <span>{t('decisions.reviewOn', { date: formatIsoDate(decision.reviewDate, language) })}</span>}
          {decision.supersedesId && supersedesNumber !== null && (
            <button type="button" className="link-button" onClick={() => onReveal(decision.supersedesId!)}>{t('decisions.supersedesNumber', { number: supersedesNumber })}</button>
          )}
        </div>
        {expanded && canEdit && <DecisionEditor decision={decision} index={number - 1} onDone={() => onToggle(decision.id)} />}
      </div>
    </li>
  );
});
