import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { AppLocale } from '../../ui/AppLocale';
import { PermissionDenied } from '@suishin/shared/protocol';
import { HeaderStatus } from '../../app/headerSlot';
import { useIdentity } from '../../meeting/hooks/usePresence';
import { getMeetingConnection } from '../../meeting/registry';
import { renameSession } from './accessApi';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { RoleBadge } from './RoleBadge';
import { refreshSession, setSession, useSession } from './session';
import { ShareDialog } from './ShareDialog';
import { useMeetingAccess } from './useMeetingAccess';
import './access.css';

/**
 * The access side of a meeting's page, above the room: the person's role and (for facilitators)
 * the Share dialog in the header, the read-only banner, and keeping the session in step with the
 * room (the display name chosen in the room, and a socket the server refused).
 */
export default function RoomAccess({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const access = useMeetingAccess(meetingId);
  const connection = getMeetingConnection(meetingId);
  const denied = useSyncExternalStore(connection.denied.subscribe, connection.denied.get);
  const phase = useSyncExternalStore(connection.status.subscribe, () => connection.status.get().phase);
  useDisplayNameInSession(meetingId);

  // A socket that cannot get in (revoked link, expired session) retries or is refused: ask the
  // server who we are now, so the page can say "no access" instead of reconnecting forever.
  useEffect(() => {
    if (phase === 'reconnecting' || phase === 'refused') void refreshSession();
  }, [phase]);

  return (
    <AppLocale>
      <HeaderStatus>
        <span className="access-header">
          {access.role && <RoleBadge role={access.role} />}
          {access.canFacilitate && <ShareDialog meetingId={meetingId} />}
        </span>
      </HeaderStatus>
      {/* An ended meeting shows its minutes, with their own read-only banner (features/minutes). */}
      {access.readOnly && access.readOnly !== 'ended' && <ReadOnlyBanner reason={access.readOnly} />}
      {denied === PermissionDenied.facilitatorOnly && (
        <div className="access-banner access-banner--warning" role="alert">{t('access.facilitatorOnly')}</div>
      )}
    </AppLocale>
  );
}

/** The name chosen in the room (join or rename dialog) becomes the session's, which the server shows to others. */
function useDisplayNameInSession(meetingId: string) {
  const me = useIdentity();
  const state = useSession();
  const sessionName = state.status === 'signedIn' ? state.session.name : undefined;
  useEffect(() => {
    if (me.name === null || sessionName === undefined || me.name === sessionName) return;
    let cancelled = false;
    renameSession(me.name).then(
      (session) => {
        // The server stamps names on presence updates: send ours again under the new name.
        getMeetingConnection(meetingId).republishPresence();
        if (!cancelled) setSession(session);
      },
      () => undefined, // kept locally; the next change tries again
    );
    return () => {
      cancelled = true;
    };
  }, [me.name, sessionName, meetingId]);
}
