import type { BodyHealth, Cadence } from '@suishin/shared/protocol';
import { formatPercent } from '../../i18n/format';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { StatusPill } from '../../ui/StatusPill';
import { formatDay } from '../series/day';

/** "毎週 月 09:30" / "Weekly Mon 09:30". */
export function useCadenceText() {
  const { t } = useTranslation();
  return (cadence: Cadence) =>
    [t(`bodies.every.${cadence.every}`), cadence.every !== 'asNeeded' && cadence.weekday !== null ? t(`bodies.weekdays.${cadence.weekday}`) : null, cadence.every !== 'asNeeded' ? cadence.time : null]
      .filter(Boolean)
      .join(' ');
}

/** The next meeting as a phrase: its day, the day the cadence says, or not planned. */
export function NextMeeting({ next }: { next: BodyHealth['next'] }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  if (next.heldOn === null) return <>{next.meetingId ? t('bodies.health.nextUnscheduled') : t('bodies.health.nextNone')}</>;
  const day = formatDay(next.heldOn, language);
  return <>{next.byCadence ? t('bodies.health.nextByCadence', { day }) : day}</>;
}

/**
 * A body's health as a row of labelled figures (a description list): on-time rate, open and
 * overdue action items, the last meetings' rating, and a warning when the review date has passed.
 */
export function BodyHealthFigures({ health, reviewOn }: { health: BodyHealth; reviewOn: string | null }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { rating } = health;
  return (
    <dl className="body-health" data-testid="body-health">
      <div className="body-health__item">
        <dt>{t('bodies.health.onTime')}</dt>
        <dd data-testid="health-on-time">
          {health.onTimeRate === null ? <span className="muted">{t('bodies.health.noClosed')}</span> : (
            <StatusPill tone={health.onTimeRate >= 0.8 ? 'success' : health.onTimeRate >= 0.5 ? 'warning' : 'danger'}>
              {t('bodies.health.onTimeValue', { percent: formatPercent(health.onTimeRate, language) })}
            </StatusPill>
          )}
        </dd>
      </div>
      <div className="body-health__item">
        <dt>{t('nav.actions')}</dt>
        <dd data-testid="health-open">
          {t('bodies.health.open', { count: health.open })}
          {health.overdue > 0 && <> · <span className="body-health__overdue">{t('bodies.health.overdue', { count: health.overdue })}</span></>}
        </dd>
      </div>
      <div className="body-health__item">
        <dt>{t('bodies.health.rating')}</dt>
        <dd data-testid="health-rating">
          {rating.average !== null
            ? t('bodies.health.ratingValue', { average: rating.average.toFixed(1), votes: rating.votes })
            : rating.votes > 0 ? <span className="muted">{t('bodies.health.fewVotes', { count: rating.votes })}</span> : <span className="muted">{t('bodies.health.noVotes')}</span>}
        </dd>
      </div>
      {reviewOn && (
        <div className="body-health__item">
          <dt>{t('bodies.form.reviewOn')}</dt>
          <dd data-testid="health-review">
            {health.reviewDue ? <StatusPill tone="warning">{t('bodies.health.reviewDue')}</StatusPill> : t('bodies.health.reviewOn', { day: formatDay(reviewOn, language) })}
          </dd>
        </div>
      )}
    </dl>
  );
}
