import { memo } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { computeTimer, type TimerState } from '@suishin/shared';
import { useServerNow } from '../../meeting/hooks/useFacilitation';
import { describeTimer } from './timerDisplay';

export interface TimerClockProps {
  timer: TimerState;
  timeboxMinutes: number;
  /** `large`: the facilitation bar; `compact`: inside the running agenda row. */
  size: 'large' | 'compact';
  /** Accessible name, e.g. "Time left for KPI review". */
  label?: string;
}

/**
 * The running item's remaining time (or overrun), recomputed every second from the document's
 * timestamps and the server-corrected clock. Only this component re-renders each second.
 */
export const TimerClock = memo(function TimerClock({ timer, timeboxMinutes, size, label }: TimerClockProps) {
  const { t } = useTranslation();
  const now = useServerNow();
  const display = describeTimer(computeTimer(timer, timeboxMinutes, now));
  const text = display.over ? t('facilitation.over', { time: display.clock }) : t('facilitation.left', { time: display.clock });
  if (size === 'compact') {
    return (
      <span className={`timer-chip timer-chip--${display.tone}`} data-testid="row-timer">
        {text}
      </span>
    );
  }
  return (
    <div className={`timer timer--${display.tone}`} data-testid="timer" data-over={display.over} data-remaining={display.over ? `-${display.clock}` : display.clock}>
      <div className="timer__readout" role="timer" aria-label={label} aria-live="off">
        <span className="timer__caption">
          {display.over ? t('facilitation.overCaption') : t('facilitation.leftCaption')}
          {display.tone === 'paused' && <span className="timer__paused"> · {t('facilitation.paused')}</span>}
        </span>
        <span className="timer__clock" data-testid="timer-clock">{display.over ? `+${display.clock}` : display.clock}</span>
      </div>
      <div className="timer__bar" aria-hidden="true">
        <div className="timer__fill" style={{ transform: `scaleX(${display.progress})` }} />
      </div>
    </div>
  );
});
