import { useTranslation } from 'react-i18next';
import type { ReadOnlyReason } from './useMeetingAccess';

/** Says why the meeting cannot be changed from here; announced politely to screen readers. */
export function ReadOnlyBanner({ reason }: { reason: ReadOnlyReason }) {
  const { t } = useTranslation();
  return (
    <div className="access-banner" role="status" data-testid="access-banner" data-reason={reason}>
      <span className="access-banner__icon" aria-hidden="true">👁</span>
      {t(`access.readOnly.${reason}`)}
    </div>
  );
}
