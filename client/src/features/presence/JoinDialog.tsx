import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { setDisplayName } from '../../meeting/hooks/usePresence';
import { MAX_DEPARTMENT_LENGTH, MAX_NAME_LENGTH } from '../../meeting/presence';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';

export interface JoinDialogProps {
  isOpen: boolean;
  /** The current name and department when changing them; empty on first join. */
  initialName?: string;
  initialDepartment?: string;
  /** First join cannot be dismissed (others need a name to see); a rename can. */
  onCancel?(): void;
  onDone(): void;
}

/**
 * Asks for the name others see at this person's caret and in the room, and their department
 * (optional: attendance taken from presence records it); remembered on this browser.
 */
export function JoinDialog({ isOpen, initialName = '', initialDepartment = '', onCancel, onDone }: JoinDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [department, setDepartment] = useState(initialDepartment);
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!setDisplayName(name, department)) {
      setError(t('presence.nameRequired'));
      return;
    }
    setError(null);
    onDone();
  }

  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} isDismissable={!!onCancel} onOpenChange={(open) => !open && onCancel?.()}>
      <Modal className="modal">
        <Dialog className="dialog" data-testid="join-dialog">
          <Heading slot="title" className="dialog__title">{onCancel ? t('presence.changeName') : t('presence.joinTitle')}</Heading>
          <p className="dialog__body">{t('presence.joinBody')}</p>
          <Form className="form" onSubmit={onSubmit} validationBehavior="aria" validationErrors={error ? { name: error } : {}}>
            <TextField
              name="name"
              label={t('presence.nameLabel')}
              placeholder={t('presence.namePlaceholder')}
              value={name}
              onChange={(value) => {
                setName(value);
                if (error) setError(null);
              }}
              maxLength={MAX_NAME_LENGTH}
              autoFocus
              autoComplete="name"
            />
            <TextField
              name="department"
              label={t('presence.departmentLabel')}
              description={t('presence.departmentHint')}
              value={department}
              onChange={setDepartment}
              maxLength={MAX_DEPARTMENT_LENGTH}
              autoComplete="organization-title"
            />
            <div className="dialog__actions">
              {onCancel && <Button variant="quiet" onPress={onCancel}>{t('presence.cancel')}</Button>}
              <Button type="submit" variant="primary">{onCancel ? t('presence.save') : t('presence.join')}</Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
