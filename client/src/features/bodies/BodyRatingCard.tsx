import { useEffect, useState } from 'react';
import type { BodyRatingPoint } from '@suishin/shared/protocol';
import { useTranslation } from '../../i18n/useTranslation';
import { BodyRatingTrend } from './BodyRatingTrend';
import { getBodyHealth } from './bodiesApi';
import './bodies.css';

/** The body's rating trend as a card of its own, for the dashboard of a series. */
export function BodyRatingCard({ seriesId }: { seriesId: string }) {
  const { t } = useTranslation();
  const [points, setPoints] = useState<BodyRatingPoint[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    getBodyHealth(seriesId).then((h) => !cancelled && setPoints(h.ratingTrend), () => !cancelled && setPoints(null));
    return () => {
      cancelled = true;
    };
  }, [seriesId]);
  if (!points) return null;
  return (
    <section className="card body-dashboard-rating" aria-labelledby="dashboard-rating-heading" data-testid="dashboard-rating">
      <h2 id="dashboard-rating-heading" className="card__title">{t('bodies.detail.trend')}</h2>
      <BodyRatingTrend points={points} />
    </section>
  );
}
