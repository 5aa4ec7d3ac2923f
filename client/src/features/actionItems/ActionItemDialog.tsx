import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ItemLink } from '@suishin/shared';
import { useActionItemCommands } from '../../meeting/hooks/useActionItems';
import type { Attendee } from '../../meeting/hooks/useAttendees';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { DateField } from '../outcomes/DateField';
import { Kbd } from '../outcomes/Kbd';
import { LinkField } from './LinkField';
import type { LinkTargets } from './linkTargets';
import { PersonComboBox } from './PersonComboBox';

export interface ActionItemDialogProps {
  /** Open with this link preset (null: not linked); closed when undefined. */
  preset: { link: ItemLink | null } | null;
  attendees: readonly Attendee[];
  departments: readonly string[];
  targets: LinkTargets;
  onClose(): void;
  onAdded(id: string): void;
}

/**
 * "New action item", reachable from anywhere in the room (the A key, the Actions tab, a decision
 * or agenda item). Owner from the attendees or any name with a department, a due date in the
 * app's language, and a link (preset to what it was opened from).
 */
export function ActionItemDialog({ preset, ...rest }: ActionItemDialogProps) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={preset !== null} isDismissable onOpenChange={(open) => !open && rest.onClose()}>
      <Modal className="modal modal--wide">
        <Dialog className="dialog" data-testid="action-dialog">
          {preset && <ActionItemForm initialLink={preset.link} {...rest} />}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function ActionItemForm({ initialLink, attendees, departments, targets, onClose, onAdded }: Omit<ActionItemDialogProps, 'preset'> & { initialLink: ItemLink | null }) {
  const { t } = useTranslation();
  const commands = useActionItemCommands();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState({ name: '', department: '' });
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [link, setLink] = useState<ItemLink | null>(initialLink);
  const [error, setError] = useState<string | null>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  useEffect(() => titleInput.current?.focus(), []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (title.trim() === '') {
      setError(t('actions.titleRequired'));
      titleInput.current?.focus();
      return;
    }
    try {
      const id = commands.add({ title: title.trim(), owner: { name: owner.name.trim(), department: owner.department.trim() }, dueDate, link });
      onAdded(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const departmentList = 'action-dialog-departments';
  const knownDepartments = [...new Set([...departments, ...attendees.map((a) => a.department).filter(Boolean)])];
  return (
    <>
      <Heading slot="title" className="dialog__title">
        {t('actions.newTitle')} <Kbd>A</Kbd>
      </Heading>
      <Form className="form action-form" onSubmit={onSubmit} validationBehavior="aria" validationErrors={error ? { title: error } : {}}>
        <TextField
          name="title"
          label={t('actions.title')}
          placeholder={t('actions.titlePlaceholder')}
          value={title}
          inputRef={titleInput}
          onChange={(value) => {
            setTitle(value);
            if (error) setError(null);
          }}
        />
        <div className="action-form__row">
          <PersonComboBox
            label={t('actions.owner')}
            value={owner.name}
            attendees={attendees}
            placeholder={t('actions.ownerPlaceholder')}
            onInput={(name) => setOwner((o) => ({ ...o, name }))}
            onPick={(a) => setOwner({ name: a.name, department: a.department })}
            testId="action-owner"
          />
          <TextField
            label={t('actions.department')}
            placeholder={t('actions.departmentPlaceholder')}
            value={owner.department}
            onChange={(department) => setOwner((o) => ({ ...o, department }))}
            inputProps={{ list: departmentList }}
          />
          <datalist id={departmentList}>
            {knownDepartments.map((d) => <option key={d} value={d} />)}
          </datalist>
        </div>
        <div className="action-form__row">
          <DateField label={t('actions.dueDate')} value={dueDate} onChange={setDueDate} />
          <LinkField value={link} targets={targets} onChange={setLink} />
        </div>
        <p className="field__description">{t('actions.ownerHint')}</p>
        <div className="dialog__actions">
          <Button variant="quiet" onPress={onClose}>{t('outcomes.cancel')}</Button>
          <Button type="submit" variant="primary">{t('actions.add')}</Button>
        </div>
      </Form>
    </>
  );
}
