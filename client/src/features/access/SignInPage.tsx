import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { identity } from '../../meeting/identity';
import { exchangeToken } from './accessApi';
import { takeFragmentToken } from './fragmentToken';
import { setSession } from './session';

/**
 * /signin#token=…: the workspace admin's sign-in URL (printed by the server at startup). Exchanges
 * the token for the session cookie and goes to the meetings.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice; the token is read once
    started.current = true;
    const token = takeFragmentToken();
    if (!token) {
      setError(t('access.linkIncomplete'));
      return;
    }
    exchangeToken(token, identity.get().name ?? undefined).then(
      (session) => {
        setSession(session);
        void navigate(session.meetingId ? `/meetings/${encodeURIComponent(session.meetingId)}` : '/', { replace: true });
      },
      (e: unknown) => setError(t('access.linkFailed', { message: e instanceof Error ? e.message : String(e) })),
    );
  }, [navigate, t]);

  return (
    <div className="page page--narrow empty-state" role={error ? 'alert' : 'status'}>
      {error ? (
        <>
          <h1>{t('access.signInTitle')}</h1>
          <p>{error}</p>
          <Link to="/" className="link">{t('app.backToMeetings')}</Link>
        </>
      ) : (
        <p>{t('access.signingIn')}</p>
      )}
    </div>
  );
}
