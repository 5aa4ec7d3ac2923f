import { useState } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ROLES, type CreateLinkResponse, type Role } from '@suishin/shared/protocol';
import { formatDateTime } from '../../i18n/format';
import { useUiStore } from '../../state/uiStore';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { QrCode } from '../../ui/QrCode';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { OpenProjector } from '../projector/OpenProjector';
import { createRoleLink, rotateRoleLinks } from './accessApi';
import { refreshSession } from './session';

/** How long a new link (and the access it gives) lasts. */
const LIFETIMES = [
  { hours: 24, key: 'day' },
  { hours: 24 * 7, key: 'week' },
  { hours: 24 * 30, key: 'month' },
] as const;

/**
 * Facilitators share the meeting: a link per role with an expiry, copied to the clipboard, and
 * "revoke all links", which rotates the meeting's key (everyone who joined by link is cut off and
 * needs a new one; the facilitator who did it stays in).
 */
export function ShareDialog({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button size="sm" variant="secondary" data-testid="share-button">{t('access.share')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog access-share" data-testid="share-dialog">
            {({ close }) => <ShareDialogBody meetingId={meetingId} onClose={close} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function ShareDialogBody({ meetingId, onClose }: { meetingId: string; onClose(): void }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [role, setRole] = useState<Role>('participant');
  const [lifetime, setLifetime] = useState<(typeof LIFETIMES)[number]['key']>('week');
  const [links, setLinks] = useState<CreateLinkResponse[]>([]);
  const [copied, setCopied] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmingRotate, setConfirmingRotate] = useState(false);
  const [rotated, setRotated] = useState(false);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const hours = LIFETIMES.find((l) => l.key === lifetime)!.hours;
      const link = await createRoleLink(meetingId, role, hours);
      setLinks((previous) => [link, ...previous]);
      setRotated(false);
      await copy(link.url);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(url);
    } catch {
      setCopied(null); // no clipboard permission: the link stays selectable in the field
    }
  }

  async function rotate() {
    setConfirmingRotate(false);
    setBusy(true);
    setError(null);
    try {
      await rotateRoleLinks(meetingId);
      setLinks([]);
      setRotated(true);
      await refreshSession();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Heading slot="title" className="dialog__title">{t('access.shareTitle')}</Heading>
      <p className="dialog__body">{t('access.shareBody')}</p>
      <div className="access-share__choices">
        <SegmentedControl<Role>
          label={t('access.linkRole')}
          value={role}
          options={ROLES.map((r) => ({ value: r, label: t(`access.role.${r}`) }))}
          onChange={setRole}
        />
        <p className="muted access-share__help">{t(`access.roleHelp.${role}`)}</p>
        <SegmentedControl<(typeof LIFETIMES)[number]['key']>
          label={t('access.expiresIn')}
          value={lifetime}
          options={LIFETIMES.map((l) => ({ value: l.key, label: t(`access.lifetime.${l.key}`) }))}
          onChange={setLifetime}
        />
      </div>
      <div className="dialog__actions">
        <Button variant="primary" onPress={() => void create()} isDisabled={busy} data-testid="create-link">
          {t('access.createLink', { role: t(`access.role.${role}`) })}
        </Button>
      </div>
      {error && <p className="notice notice--danger" role="alert">{error}</p>}
      {rotated && <p className="notice" role="status">{t('access.rotated')}</p>}
      {links.length > 0 && (
        <ul className="access-share__links" aria-label={t('access.createdLinks')}>
          {links.map((link, index) => (
            <li key={link.url} className="access-share__link" data-testid="share-link" data-role={link.role}>
              <label className="field">
                <span className="field__label">
                  {t('access.linkFor', { role: t(`access.role.${link.role}`) })} ·{' '}
                  <span className="muted">{t('access.validUntil', { when: formatDateTime(link.expiresAt, language) })}</span>
                </span>
                <input className="field__input" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} data-testid="share-link-url" />
              </label>
              <Button size="sm" onPress={() => void copy(link.url)}>
                {copied === link.url ? t('access.copied') : t('access.copy')}
              </Button>
              {/* The newest link as a QR code too, for people in the room to scan. */}
              {index === 0 && (
                <figure className="access-share__qr">
                  <QrCode value={link.url} label={t('shareQr.label', { role: t(`access.role.${link.role}`) })} testId="share-link-qr" />
                  <figcaption className="muted">{t('shareQr.hint')}</figcaption>
                </figure>
              )}
            </li>
          ))}
        </ul>
      )}
      <OpenProjector meetingId={meetingId} />
      <div className="dialog__actions access-share__footer">
        <Button variant="danger" size="sm" onPress={() => setConfirmingRotate(true)} isDisabled={busy}>{t('access.rotate')}</Button>
        <Button variant="quiet" onPress={onClose}>{t('access.close')}</Button>
      </div>
      <ConfirmDialog
        isOpen={confirmingRotate}
        title={t('access.rotateConfirmTitle')}
        confirmLabel={t('access.rotate')}
        cancelLabel={t('access.cancel')}
        destructive
        onConfirm={() => void rotate()}
        onCancel={() => setConfirmingRotate(false)}
      >
        {t('access.rotateConfirmBody')}
      </ConfirmDialog>
    </>
  );
}
