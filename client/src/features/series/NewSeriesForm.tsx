import { useNavigate } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { createSeries } from './seriesApi';
import { SeriesForm } from './SeriesForm';

/** A new series; opens its page once made. */
export function NewSeriesForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <SeriesForm
      submitLabel={t('series.create.submit')}
      busyLabel={t('series.create.submitting')}
      failedMessage={(message) => t('series.create.failed', { message })}
      onSubmit={async (values) => {
        const created = await createSeries(values);
        void navigate(`/series/${encodeURIComponent(created.id)}`);
      }}
    />
  );
}
