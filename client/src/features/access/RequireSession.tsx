import type { ReactNode } from 'react';
import { Outlet, useParams } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { roleIn, refreshSession, useSession } from './session';
import { NoMeetingAccess, SignInRequired } from './SignInRequired';

function SessionGate({ children }: { children: (session: Extract<ReturnType<typeof useSession>, { status: 'signedIn' }>['session']) => ReactNode }) {
  const { t } = useTranslation();
  const state = useSession();
  if (state.status === 'loading') return <div className="page page--narrow empty-state" role="status">{t('app.loading')}</div>;
  if (state.status === 'signedOut') return <SignInRequired />;
  if (state.status === 'failed') {
    return (
      <div className="page page--narrow empty-state" role="alert">
        <p>{t('access.sessionFailed')}</p>
        <p className="muted">{state.message}</p>
        <button type="button" className="btn btn--secondary btn--sm" onClick={() => void refreshSession()}>{t('meetings.retry')}</button>
      </div>
    );
  }
  return <>{children(state.session)}</>;
}

/** Routes behind a sign-in: the page, or "sign in with your link" without a session. */
export function RequireSession() {
  return <SessionGate>{() => <Outlet />}</SessionGate>;
}

/** A meeting's route: the page for anyone with a role in the meeting (:meetingId), else why not. */
export function RequireMeetingAccess({ children }: { children: ReactNode }) {
  const { meetingId = '' } = useParams();
  return <SessionGate>{(session) => (roleIn(session, meetingId) ? children : <NoMeetingAccess />)}</SessionGate>;
}
