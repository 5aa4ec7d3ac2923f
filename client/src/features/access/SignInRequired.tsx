import { useTranslation } from '../../i18n/useTranslation';

/** Shown instead of a page when there is no session (or it expired): how to get in. */
export function SignInRequired() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow empty-state" role="alert" data-testid="sign-in-required">
      <h1>{t('access.signInRequired')}</h1>
      <p>{t('access.signInRequiredBody')}</p>
    </div>
  );
}

/** Shown instead of a meeting this session has no role in (never had, expired, or revoked). */
export function NoMeetingAccess() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow empty-state" role="alert" data-testid="no-meeting-access">
      <h1>{t('access.noAccessTitle')}</h1>
      <p>{t('access.noAccessBody')}</p>
    </div>
  );
}
