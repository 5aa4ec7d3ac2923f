import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useTranslation } from '../../i18n/useTranslation';
import { useSession } from '../access/session';
import { deleteMeeting } from './trashApi';

/** The admin's "move to the trash", asked once more in a dialog; then to the trash view. Nothing for anyone else. */
export function DeleteMeetingButton({ meetingId, title }: { meetingId: string; title: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (session.status !== 'signedIn' || !session.session.admin) return null;
  const confirm = () => {
    deleteMeeting(meetingId).then(
      () => navigate('/trash'),
      (e: Error) => {
        setOpen(false);
        setError(e.message);
      },
    );
  };
  return (
    <>
      <Button variant="quiet" size="sm" onPress={() => setOpen(true)} data-testid="delete-meeting">{t('trash.delete')}</Button>
      {error && <span className="notice notice--danger" role="alert">{t('trash.failed', { message: error })}</span>}
      <ConfirmDialog
        isOpen={open}
        title={t('trash.deleteTitle', { title })}
        confirmLabel={t('trash.deleteConfirm')}
        cancelLabel={t('trash.cancel')}
        destructive
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p>{t('trash.deleteBody')}</p>
      </ConfirmDialog>
    </>
  );
}
