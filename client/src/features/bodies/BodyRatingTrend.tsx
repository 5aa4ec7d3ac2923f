import type { BodyRatingPoint } from '@suishin/shared/protocol';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { BarChart } from '../dashboard/charts';
import { formatDay } from '../series/day';

/** The rating of a body's last meetings: a bar chart of averages, and the same figures as a table (the chart's text alternative). */
export function BodyRatingTrend({ points }: { points: BodyRatingPoint[] }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  if (points.length === 0) return <p className="muted">{t('bodies.detail.trendEmpty')}</p>;
  const label = (p: BodyRatingPoint) => (p.number !== null ? t('seriesNumber.number', { number: p.number }) : formatDay(p.heldOn, language, 'short'));
  return (
    <div className="body-trend" data-testid="body-rating-trend">
      <BarChart
        label={t('bodies.detail.trendChart')}
        labels={points.map(label)}
        series={[{ name: t('bodies.detail.trendAverage'), color: 'var(--c-accent)', values: points.map((p) => p.rating.average ?? 0) }]}
        format={(v) => v.toFixed(0)}
      />
      <table className="body-trend-table">
        <caption className="visually-hidden">{t('bodies.detail.trendChart')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bodies.detail.trendMeeting')}</th>
            <th scope="col">{t('bodies.detail.trendHeldOn')}</th>
            <th scope="col">{t('bodies.detail.trendAverage')}</th>
            <th scope="col">{t('bodies.detail.trendVotes')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.meetingId}>
              <td>{label(p)}</td>
              <td>{formatDay(p.heldOn, language)}</td>
              <td>{p.rating.average !== null ? p.rating.average.toFixed(1) : '—'}</td>
              <td>{p.rating.votes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
