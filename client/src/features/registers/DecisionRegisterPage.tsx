import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DECISION_STATES, type DecisionEntry, type DecisionState } from '@suishin/shared/protocol';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { StatusPill, type Tone } from '../../ui/StatusPill';
import { usePagedList } from '../../ui/usePagedList';
import { BASE_FILTERS, Filters, filtersFromParams, paramsOf, useSeriesList } from '../archive/Filters';
import { PagedResults } from '../archive/PagedResults';
import { formatDay } from '../series/day';
import { fetchDecisions } from './registersApi';
import '../series/followThrough.css';
import './registers.css';

const KEYS = [...BASE_FILTERS, 'decider', 'state'] as const;
const stateTone: Record<DecisionState, Tone> = { in_force: 'success', superseded: 'neutral', review_due: 'warning', review_overdue: 'danger' };

function DecisionCard({ decision }: { decision: DecisionEntry }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <article className={`register-card register-card--${decision.state}`} aria-labelledby={`decision-${decision.decisionId}`}>
      <header className="register-card__head">
        <StatusPill tone={stateTone[decision.state]}>{t(`decisionRegister.states.${decision.state}`)}</StatusPill>
        <Link id={`decision-${decision.decisionId}`} className="register-card__title link" to={decision.link}>{decision.text}</Link>
      </header>
      {decision.rationale && <p className="register-card__body">{decision.rationale}</p>}
      <p className="register-card__meta">
        <span>{decision.decidedBy ? t('decisionRegister.by', { who: decision.decidedBy }) : t('decisionRegister.nobody')}</span>
        <Link className="link" to={`/meetings/${encodeURIComponent(decision.meetingId)}`}>{decision.meetingTitle}</Link>
        <span className="ft-nowrap">{formatDay(decision.heldOn, language)}</span>
        {decision.reviewDate && <span className={decision.state === 'review_overdue' ? 'register-card__late' : undefined}>{t('decisionRegister.review', { date: formatDay(decision.reviewDate, language) })}</span>}
      </p>
      {decision.chain.length > 1 && (
        <div className="register-chain">
          <h3 className="section-label">{t('decisionRegister.chain')}</h3>
          <ol>
            {decision.chain.map((step) => (
              <li key={step.decisionId} aria-current={step.decisionId === decision.decisionId ? 'true' : undefined}>
                {step.decisionId === decision.decisionId ? (
                  <strong>{step.text} <span className="muted">({t('decisionRegister.chainThis')})</span></strong>
                ) : (
                  <Link className="link" to={`/meetings/${encodeURIComponent(step.meetingId)}#decision-${encodeURIComponent(step.decisionId)}`}>{step.text}</Link>
                )}
                <span className="muted"> · {formatDay(step.heldOn, language)}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </article>
  );
}

/** 決定事項台帳: every decision across meetings, newest first, with state and supersedes chain, paged. */
export function DecisionRegisterPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => filtersFromParams(params, KEYS), [params]);
  const query = useMemo(() => new URLSearchParams(paramsOf(values)).toString(), [values]);
  const series = useSeriesList();
  const { list, loadMore } = usePagedList<DecisionEntry>(
    query,
    async (cursor) => {
      const page = await fetchDecisions(paramsOf(values), cursor);
      return { items: page.decisions, nextCursor: page.nextCursor, total: page.total };
    },
    (d) => `${d.meetingId}/${d.decisionId}`,
  );
  const stateOptions = [{ value: '', label: t('decisionRegister.anyState') }, ...DECISION_STATES.map((s) => ({ value: s, label: t(`decisionRegister.states.${s}`) }))];
  return (
    <div className="page ft-page">
      <div className="page-heading">
        <h1>{t('decisionRegister.title')}</h1>
        <p className="page-heading__subtitle">{t('decisionRegister.subtitle')}</p>
      </div>
      <Filters
        values={values}
        series={series}
        onApply={(v) => setParams(paramsOf(v))}
        extra={[
          { key: 'decider', label: t('decisionRegister.decider'), placeholder: t('decisionRegister.deciderPlaceholder') },
          { key: 'state', label: t('decisionRegister.state'), options: stateOptions },
        ]}
      />
      <PagedResults
        list={list}
        loadMore={loadMore}
        failed={(message) => t('decisionRegister.loadFailed', { message })}
        empty={t('decisionRegister.empty')}
        count={(formatted, count) => t('decisionRegister.count', { count, formatted })}
      >
        {(items) => (
          <div className="register-list">
            {items.map((d) => <DecisionCard key={`${d.meetingId}/${d.decisionId}`} decision={d} />)}
          </div>
        )}
      </PagedResults>
    </div>
  );
}

export default DecisionRegisterPage;
