import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { AppLocale } from '../../ui/AppLocale';
import { Form } from 'react-aria-components';
import { MAX_DISPLAY_NAME_LENGTH, type LinkCheckResponse } from '@suishin/shared/protocol';
import { setDisplayName, useIdentity } from '../../meeting/hooks/usePresence';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { checkLink, exchangeToken } from './accessApi';
import { offeredRole, takeFragmentToken } from './fragmentToken';
import { setSession } from './session';

/** Read once per page load: StrictMode's second render must not find the fragment already gone. */
let pageToken: string | null | undefined;
const readToken = () => (pageToken === undefined ? (pageToken = takeFragmentToken()) : pageToken);

/**
 * /m/<meetingId>/join#token=…: a role link. Asks the name others will see (the one this browser
 * used before, if any), exchanges the link for the session cookie and opens the meeting.
 */
export default function JoinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { meetingId = '' } = useParams();
  const me = useIdentity();
  const [token] = useState(readToken);
  const [name, setName] = useState(me.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const role = token ? offeredRole(token) : null;
  // The link's state, asked before the name: a revoked or expired link says so first. If the check
  // itself fails (network), the form is shown and joining reports what the server says.
  const [check, setCheck] = useState<LinkCheckResponse | 'checking' | 'unknown'>(token ? 'checking' : 'unknown');

  useEffect(() => {
    document.title = `${t('access.joinTitle')} · Suishin`;
  }, [t]);

  useEffect(() => {
    if (!token) return;
    let current = true;
    checkLink(token).then(
      (answer) => current && setCheck(answer),
      () => current && setCheck('unknown'),
    );
    return () => {
      current = false;
    };
  }, [token]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!token) return;
    if (!setDisplayName(name)) {
      setError(t('presence.nameRequired'));
      return;
    }
    setSubmitting(true);
    setError(null);
    setLinkError(null);
    try {
      const session = await exchangeToken(token, name);
      setSession(session);
      pageToken = undefined;
      void navigate(`/meetings/${encodeURIComponent(session.meetingId ?? meetingId)}`, { replace: true });
    } catch (e) {
      setSubmitting(false);
      setLinkError(t('access.linkFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  if (!token) {
    return (
      <div className="page page--narrow empty-state" role="alert">
        <h1>{t('access.joinTitle')}</h1>
        <p>{t('access.linkIncomplete')}</p>
      </div>
    );
  }
  if (check === 'checking') {
    return <div className="page page--narrow empty-state" role="status">{t('access.checkingLink')}</div>;
  }
  if (check !== 'unknown' && !check.valid) {
    return (
      <div className="page page--narrow">
        <section className="card access-join" aria-labelledby="join-heading" data-testid="link-dead" data-reason={check.reason}>
          <h1 id="join-heading" className="card__title">{t('access.linkDead.title')}</h1>
          <p className="notice notice--danger" role="alert">{t(`access.linkDead.${check.reason}`)}</p>
        </section>
      </div>
    );
  }
  return (
    <AppLocale>
      <div className="page page--narrow">
        <section className="card access-join" aria-labelledby="join-heading">
          <h1 id="join-heading" className="card__title">{t('access.joinTitle')}</h1>
          <p className="access-join__role">
            {role ? t('access.invitedAs', { role: t(`access.role.${role}`) }) : t('access.invited')}{' '}
            <span className="muted">{role ? t(`access.roleHelp.${role}`) : ''}</span>
          </p>
          {linkError && <p className="notice notice--danger" role="alert">{linkError}</p>}
          <Form className="form" onSubmit={onSubmit} validationBehavior="aria" validationErrors={error ? { name: error } : {}}>
            <TextField
              name="name"
              label={t('presence.nameLabel')}
              description={t('access.nameHelp')}
              placeholder={t('presence.namePlaceholder')}
              value={name}
              onChange={(value) => {
                setName(value);
                if (error) setError(null);
              }}
              maxLength={MAX_DISPLAY_NAME_LENGTH}
              autoFocus
              autoComplete="name"
            />
            <Button type="submit" variant="primary" className="form__submit" isDisabled={submitting}>
              {submitting ? t('access.joining') : t('access.join')}
            </Button>
          </Form>
        </section>
      </div>
    </AppLocale>
  );
}
