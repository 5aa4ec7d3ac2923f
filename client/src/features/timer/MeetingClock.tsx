import { memo } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { computeMeetingTime, computeTimer, type AgendaItem, type MeetingMeta } from '@suishin/shared';
import { formatTime } from '../../i18n/format';
import { useServerNow } from '../../meeting/hooks/useFacilitation';
import { useUiStore } from '../../state/uiStore';
import { formatClock } from './timerDisplay';

/**
 * The meeting as a whole: elapsed wall time against the planned total, and when it will end if
 * the running item uses its time and the items still ahead use theirs. Ticks every second.
 */
export const MeetingClock = memo(function MeetingClock({ meta, items }: { meta: MeetingMeta; items: readonly AgendaItem[] }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const now = useServerNow();
  const reading = computeMeetingTime(meta, items, now);
  const over = reading.elapsedMs > reading.plannedMs;

  let projectedEnd: number | null = null;
  if (meta.status === 'live') {
    const index = items.findIndex((item) => item.id === meta.currentAgendaItemId);
    const current = index >= 0 ? items[index] : undefined;
    const currentLeft = current && meta.timer ? Math.max(0, computeTimer(meta.timer, current.timeboxMinutes, now).remainingMs) : 0;
    const ahead = items.slice(index + 1).filter((item) => item.status === 'pending' || item.status === 'in_progress');
    projectedEnd = now + currentLeft + ahead.reduce((sum, item) => sum + item.timeboxMinutes * 60_000, 0);
  }

  return (
    <dl className="meeting-clock" data-testid="meeting-clock">
      <div className="meeting-clock__figure">
        <dt>{t('facilitation.elapsed')}</dt>
        <dd className={over ? 'meeting-clock__over' : undefined}>
          {t('facilitation.elapsedOfPlanned', { elapsed: formatClock(reading.elapsedMs), planned: formatClock(reading.plannedMs) })}
        </dd>
      </div>
      {projectedEnd !== null && (
        <div className="meeting-clock__figure">
          <dt className="visually-hidden">{t('facilitation.projectedEnd', { time: '' })}</dt>
          <dd>{t('facilitation.projectedEnd', { time: formatTime(projectedEnd, language) })}</dd>
        </div>
      )}
      {meta.status === 'ended' && meta.endedAt !== null && (
        <div className="meeting-clock__figure">
          <dd>{t('facilitation.endedAt', { time: formatTime(meta.endedAt, language) })}</dd>
        </div>
      )}
    </dl>
  );
});
