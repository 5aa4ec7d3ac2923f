import { useTranslation } from '../../i18n/useTranslation';
import type { ReadOnlyReason } from './useMeetingAccess';

/** Says why the meeting cannot be changed from here; announced politely to screen readers. */
export function ReadOnlyBanner({ reason }: { reason: ReadOnlyReason }) {
  const { t } = useTranslation();
  return (
    <div className="access-banner" role="status" data-testid="access-banner" data-reason={reason}>
      {/* An eye drawn, not the emoji: browsers without an emoji font showed an empty box. */}
      <svg className="access-banner__icon" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
        <circle cx="12" cy="12" r="3" />
      </svg>
      {t(`access.readOnly.${reason}`)}
    </div>
  );
}
