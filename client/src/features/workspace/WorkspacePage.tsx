import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { WorkspaceSettings } from '@suishin/shared/protocol';
import { describeTimeZone } from '@suishin/shared/export';
import { useTranslation } from '../../i18n/useTranslation';
import { formatDateTime } from '../../i18n/format';
import { useUiStore } from '../../state/uiStore';
import { useSession } from '../access/session';
import { loadWorkspace } from './workspaceApi';
import './workspace.css';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; settings: WorkspaceSettings };

/** The workspace admin's view of the server's settings: the one time zone, and where it is set. */
export function WorkspacePage() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const session = useSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    loadWorkspace().then(
      (settings) => !cancelled && setLoad({ state: 'loaded', settings }),
      (error: Error) => !cancelled && setLoad({ state: 'failed', message: error.message }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  if (session.status === 'signedIn' && !session.session.admin) {
    return <div className="page page--narrow"><p className="notice" role="status">{t('workspace.adminOnly')}</p></div>;
  }
  return (
    <div className="page page--narrow">
      <div className="page-heading">
        <h1>{t('workspace.title')}</h1>
        <p className="page-heading__subtitle">{t('workspace.subtitle')}</p>
      </div>
      {load.state === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
      {load.state === 'failed' && <div className="notice notice--danger" role="alert">{t('workspace.loadFailed', { message: load.message })}</div>}
      {load.state === 'loaded' && (
        <section className="card" aria-labelledby="workspace-time-zone">
          <h2 id="workspace-time-zone" className="card__title">{t('workspace.timeZone')}</h2>
          <p className="workspace__zone" data-testid="workspace-time-zone">{describeTimeZone(load.settings.timeZone, language)}</p>
          <p className="muted">{t('workspace.timeZoneBody')}</p>
          <dl className="workspace__facts">
            <dt>{t('workspace.source')}</dt>
            <dd data-testid="workspace-time-zone-source">
              {load.settings.timeZoneSource === 'WORKSPACE_TIME_ZONE'
                ? <code>WORKSPACE_TIME_ZONE</code>
                : load.settings.timeZoneSource === 'EXPORT_TIME_ZONE'
                  ? t('workspace.sourceDeprecated')
                  : t('workspace.sourceDefault')}
            </dd>
            <dt>{t('workspace.now')}</dt>
            <dd>{formatDateTime(Date.now(), language)}</dd>
          </dl>
        </section>
      )}
      <p><Link to="/trash" className="link" data-testid="open-trash">{t('trash.title')}</Link></p>
    </div>
  );
}

export default WorkspacePage;
