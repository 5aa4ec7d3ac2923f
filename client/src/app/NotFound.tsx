import { Link } from 'react-router';
import { useTranslation } from '../i18n/useTranslation';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow empty-state">
      <p>{t('app.notFound')}</p>
      <Link to="/" className="link">{t('app.backToMeetings')}</Link>
    </div>
  );
}
