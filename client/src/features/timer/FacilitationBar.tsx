import { memo, useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import type { AgendaItem, MeetingMeta } from '@suishin/shared';
import { FacilitatorControls } from './FacilitatorControls';
import { MeetingClock } from './MeetingClock';
import { TimerClock } from './TimerClock';

export interface FacilitationBarProps {
  meta: MeetingMeta;
  items: readonly AgendaItem[];
  /** Jump to an item in the agenda (select it). */
  onShowItem(id: string): void;
}

const ERROR_VISIBLE_MS = 5_000;

/**
 * The top of the room: which item runs now and its shared countdown, the meeting's elapsed vs
 * planned time, and the facilitator's controls. Renders the same for everybody from the
 * document; only the clocks inside tick.
 */
export const FacilitationBar = memo(function FacilitationBar({ meta, items, onShowItem }: FacilitationBarProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (error === null) return;
    const timer = setTimeout(() => setError(null), ERROR_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [error]);

  const index = items.findIndex((item) => item.id === meta.currentAgendaItemId);
  const current = index >= 0 ? items[index] : undefined;

  return (
    <section className={`facilitation facilitation--${meta.status}`} aria-label={t('facilitation.controls')} data-testid="facilitation" data-status={meta.status}>
      <div className="facilitation__now">
        {meta.status === 'draft' && (
          <div className="facilitation__idle">
            <span className="facilitation__kicker">{t('facilitation.notStarted')}</span>
            <span className="facilitation__hint">{items.length === 0 ? t('facilitation.needItems') : t('facilitation.notStartedHint')}</span>
          </div>
        )}
        {meta.status === 'live' && current && meta.timer && (
          <>
            <TimerClock timer={meta.timer} timeboxMinutes={current.timeboxMinutes} size="large" label={t('facilitation.timeLeftFor', { title: current.title })} />
            <div className="facilitation__item">
              <span className="facilitation__kicker">
                {t('facilitation.now')} · {index + 1}/{items.length}
              </span>
              <button type="button" className="facilitation__title" onClick={() => onShowItem(current.id)} data-testid="running-item-title">
                {current.title}
              </button>
            </div>
          </>
        )}
        {meta.status === 'live' && !(current && meta.timer) && (
          <div className="facilitation__idle">
            <span className="facilitation__kicker">{t('facilitation.now')}</span>
            <span className="facilitation__hint">{t('facilitation.noCurrent')}</span>
          </div>
        )}
        {meta.status === 'ended' && (
          <div className="facilitation__idle">
            <span className="facilitation__kicker">{t('facilitation.ended')}</span>
          </div>
        )}
      </div>
      {meta.status !== 'draft' && <MeetingClock meta={meta} items={items} />}
      <FacilitatorControls meta={meta} index={index} count={items.length} onError={setError} />
      {error && (
        <p className="facilitation__error" role="alert">
          {t('facilitation.failed', { message: error })}
        </p>
      )}
    </section>
  );
});
