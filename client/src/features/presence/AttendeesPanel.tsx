import { memo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Checkbox, Form } from 'react-aria-components';
import { useAttendeeCommands, useAttendees, type Attendee } from '../../meeting/hooks/useAttendees';
import { useIdentity, useJoinedPeople } from '../../meeting/hooks/usePresence';
import { attendanceFromPresence } from './attendanceFromPresence';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { useRoomAccess } from '../access/useMeetingAccess';

/**
 * Attendees recorded in the meeting document (unlike presence, this stays in the minutes):
 * name, department, present or absent, taken from presence in one press or by hand. Anyone who
 * may edit records them.
 */
export const AttendeesPanel = memo(function AttendeesPanel({ departments }: { departments: readonly string[] }) {
  const { t } = useTranslation();
  const attendees = useAttendees();
  const commands = useAttendeeCommands();
  const { canEdit } = useRoomAccess();
  const me = useIdentity();
  const joined = useJoinedPeople();
  const [taken, setTaken] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [department, setDepartment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const present = attendees.filter((a) => a.present).length;
  const meListed = me.name !== null && attendees.some((a) => a.name === me.name);

  function add(input: { name: string; department: string }) {
    try {
      commands.add({ name: input.name, department: input.department, present: true });
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim() === '') {
      setError(t('attendees.nameRequired'));
      nameInput.current?.focus();
      return;
    }
    if (add({ name: name.trim(), department: department.trim() })) {
      setName('');
      setError(null);
      nameInput.current?.focus();
    }
  }

  // Attendance from presence: who joined is present (names from the sign-in, departments as they
  // gave them), invited people who never joined are absent. The list stays editable after.
  function takeAttendance() {
    const plan = attendanceFromPresence(attendees, joined);
    commands.takeAttendance({ update: plan.update, add: plan.add.map((p) => ({ name: p.name, department: p.department, present: true })) });
    setTaken(t('attendees.taken', { present: plan.present, absent: plan.absent }));
  }

  const listId = 'attendee-departments';
  return (
    <section className="panel attendees" aria-labelledby="attendees-heading" data-testid="attendees">
      <header className="panel__header">
        <h2 id="attendees-heading" className="panel__title">{t('attendees.title')}</h2>
        <span className="panel__meta">{t('attendees.summary', { present, count: attendees.length })}</span>
      </header>
      {canEdit && joined.length > 0 && (
        <div className="attendees__from-presence">
          <Button size="sm" variant="secondary" onPress={takeAttendance} data-testid="take-attendance">
            {t('attendees.fromPresence', { count: joined.length })}
          </Button>
          <span className="field__description">{t('attendees.fromPresenceHint')}</span>
        </div>
      )}
      <p className="attendees__taken" role="status" data-testid="attendance-taken">{taken}</p>
      {attendees.length === 0 ? (
        <p className="attendees__empty muted">{t('attendees.empty')}</p>
      ) : (
        <ul className="attendees__list">
          {attendees.map((attendee) => (
            <AttendeeRow key={attendee.id} attendee={attendee} onToggle={commands.update} onRemove={commands.remove} readOnly={!canEdit} />
          ))}
        </ul>
      )}
      {canEdit && <Form className="attendees__add" onSubmit={onSubmit} aria-label={t('attendees.add')} validationBehavior="aria" validationErrors={error ? { name: error } : {}}>
        <div className="attendees__add-row">
          <TextField
            name="name"
            label={t('attendees.name')}
            hideLabel
            placeholder={t('attendees.name')}
            value={name}
            onChange={(value) => {
              setName(value);
              if (error) setError(null);
            }}
            inputRef={nameInput}
            className="attendees__name"
          />
          <TextField
            name="department"
            label={t('attendees.department')}
            hideLabel
            placeholder={t('attendees.departmentPlaceholder')}
            value={department}
            onChange={setDepartment}
            className="attendees__department"
            inputProps={{ list: departments.length > 0 ? listId : undefined }}
          />
        </div>
        {departments.length > 0 && (
          <datalist id={listId}>
            {departments.map((d) => <option key={d} value={d} />)}
          </datalist>
        )}
        <div className="attendees__actions">
          {me.name !== null && !meListed && (
            <Button size="sm" variant="quiet" onPress={() => add({ name: me.name!, department: department.trim() })}>
              {t('attendees.addMe')}
            </Button>
          )}
          <Button size="sm" type="submit" aria-label={t('attendees.add')}>{t('attendees.addShort')}</Button>
        </div>
      </Form>}
    </section>
  );
});

const AttendeeRow = memo(function AttendeeRow({
  attendee,
  onToggle,
  onRemove,
  readOnly,
}: {
  attendee: Attendee;
  onToggle(id: string, patch: { present: boolean }): void;
  onRemove(id: string): void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  return (
    <li className={['attendee', !attendee.present && 'attendee--absent'].filter(Boolean).join(' ')} data-testid="attendee">
      <Checkbox
        className="checkbox"
        isSelected={attendee.present}
        isReadOnly={readOnly}
        onChange={(present) => onToggle(attendee.id, { present })}
        aria-label={t('attendees.presentToggle', { name: attendee.name })}
      >
        <span className="checkbox__box" aria-hidden="true">
          <svg viewBox="0 0 12 12" width="12" height="12"><path d="M2.5 6.5l2.3 2.3 4.7-5.3" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" /></svg>
        </span>
      </Checkbox>
      <span className="attendee__text">
        <span className="attendee__name">{attendee.name}</span>
        {attendee.department && <span className="attendee__department">{attendee.department}</span>}
      </span>
      {!readOnly && (
        <Button size="sm" variant="quiet" className="attendee__remove" aria-label={t('attendees.remove', { name: attendee.name })} onPress={() => onRemove(attendee.id)}>
          <span aria-hidden="true">×</span>
        </Button>
      )}
    </li>
  );
});
