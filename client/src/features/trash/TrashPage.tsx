import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { TrashEntry, TrashList } from '@suishin/shared/protocol';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TextField } from '../../ui/TextField';
import { formatDateTime } from '../../i18n/format';
import { useTranslation } from '../../i18n/useTranslation';
import { useUiStore } from '../../state/uiStore';
import { useSession } from '../access/session';
import { loadTrash, purgeMeeting, restoreMeeting } from './trashApi';
import './trash.css';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; trash: TrashList };

/** The admin's trash: deleted meetings until TRASH_DAYS pass; restore one, or delete it forever (title typed again). */
export function TrashPage() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const session = useSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [purging, setPurging] = useState<TrashEntry | null>(null);
  const [typed, setTyped] = useState('');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const reload = useCallback(() => {
    loadTrash().then(
      (trash) => setLoad({ state: 'loaded', trash }),
      (error: Error) => setLoad({ state: 'failed', message: error.message }),
    );
  }, []);
  useEffect(reload, [reload]);

  if (session.status === 'signedIn' && !session.session.admin) {
    return <div className="page page--narrow"><p className="notice" role="status">{t('trash.adminOnly')}</p></div>;
  }
  const act = (run: Promise<unknown>, done: string) =>
    run.then(
      () => {
        setNotice({ ok: true, text: done });
        reload();
      },
      (error: Error) => setNotice({ ok: false, text: t('trash.failed', { message: error.message }) }),
    );
  const expected = purging ? purging.title.trim() || purging.meetingId : '';
  return (
    <div className="page page--narrow">
      <div className="page-heading">
        <h1>{t('trash.title')}</h1>
        {load.state === 'loaded' && <p className="page-heading__subtitle">{t('trash.subtitle', { days: load.trash.trashDays })}</p>}
      </div>
      {notice && <p className={notice.ok ? 'notice' : 'notice notice--danger'} role={notice.ok ? 'status' : 'alert'}>{notice.text}</p>}
      {load.state === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
      {load.state === 'failed' && <div className="notice notice--danger" role="alert">{t('trash.failed', { message: load.message })}</div>}
      {load.state === 'loaded' && load.trash.entries.length === 0 && <p className="muted">{t('trash.empty')}</p>}
      {load.state === 'loaded' && load.trash.entries.length > 0 && (
        <ul className="trash-list" aria-label={t('trash.title')}>
          {load.trash.entries.map((entry) => (
            <li key={entry.meetingId} className="card" data-testid="trash-entry">
              <h2 className="card__title">{entry.title || entry.meetingId}</h2>
              <p className="muted">
                {t('trash.deletedAt', { at: formatDateTime(Date.parse(entry.deletedAt), language), by: entry.deletedBy ?? '—' })}
                {' · '}
                {t('trash.purgeAt', { at: formatDateTime(Date.parse(entry.purgeAt), language) })}
              </p>
              <div className="dialog__actions">
                <Button variant="primary" size="sm" onPress={() => void act(restoreMeeting(entry.meetingId), t('trash.restored', { title: entry.title }))}>
                  {t('trash.restore')}
                </Button>
                <Button variant="danger" size="sm" onPress={() => { setTyped(''); setPurging(entry); }}>{t('trash.purge')}</Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p><Link to="/" className="link">{t('app.backToMeetings')}</Link></p>
      <ConfirmDialog
        isOpen={purging !== null}
        title={t('trash.purgeTitle', { title: expected })}
        confirmLabel={t('trash.purgeConfirm')}
        cancelLabel={t('trash.cancel')}
        destructive
        onCancel={() => setPurging(null)}
        onConfirm={() => {
          if (!purging) return;
          if (typed.trim() !== expected) {
            setNotice({ ok: false, text: t('trash.typeTitle', { title: expected }) });
            return;
          }
          const entry = purging;
          setPurging(null);
          void act(purgeMeeting(entry.meetingId, typed), t('trash.purged', { title: expected }));
        }}
      >
        <p>{t('trash.purgeBody')}</p>
        <TextField label={t('trash.typeTitle', { title: expected })} value={typed} onChange={setTyped} />
      </ConfirmDialog>
    </div>
  );
}

export default TrashPage;
