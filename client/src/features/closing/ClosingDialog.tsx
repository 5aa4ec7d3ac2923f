import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { parseDate, parseTime, type CalendarDate, type Time } from '@internationalized/date';
import { closingChecklist, type ClosingCheck, type ClosingGap } from '@suishin/shared';
import { describeTimeZone } from '@suishin/shared/export';
import { workspaceTimeZone } from '../../i18n/timeZone';
import { useUiStore } from '../../state/uiStore';
import { TimeField } from '../../ui/TimeField';
import { scheduleParts, scheduledStartOf } from '../room/meetingSchedule';
import { useAttendees } from '../../meeting/hooks/useAttendees';
import { useClosingCommands, useClosingNotes } from '../../meeting/hooks/useClosingNotes';
import { useMeetingId, useMeetingView } from '../../meeting/hooks/useMeetingView';
import { useActionItemCommands } from '../../meeting/hooks/useActionItems';
import { useDecisionCommands } from '../../meeting/hooks/useDecisions';
import { useKpiCommands } from '../../meeting/hooks/useKpis';
import { useIdentity } from '../../meeting/hooks/usePresence';
import { useWhenSaved } from '../../meeting/hooks/useWhenSaved';
import { Button } from '../../ui/Button';
import { DateTimePicker } from '../../ui/DateTimePicker';
import { TextField } from '../../ui/TextField';
import { endMeetingOnServer } from './closingApi';
import './closing.css';

/**
 * The facilitator's last step: the closing checklist with its gaps, each fixable on the spot
 * (owner, due date, decider, countermeasure) or accepted with a reason that the minutes record,
 * then the confirmation. Ending is the server's job (POST /end): it checks the checklist again on
 * the room's newest state and freezes the meeting for everyone.
 */
export function ClosingDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const meetingId = useMeetingId();
  const view = useMeetingView({ notes: false });
  const notes = useClosingNotes();
  const checklist = useMemo(() => closingChecklist(view, notes.overrides), [view, notes]);
  const whenSaved = useWhenSaved();
  const closing = useClosingCommands();
  const [next, setNext] = useState<NextMeetingDraft>(() => {
    const parts = scheduleParts(notes.nextMeeting?.date ?? null, workspaceTimeZone());
    return {
      date: parts.day ? parseDate(parts.day) : null,
      time: parts.time ? parseTime(parts.time) : null,
      place: notes.nextMeeting?.place ?? '',
      text: notes.nextMeeting?.text ?? '',
    };
  });
  const [timeError, setTimeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function end() {
    setBusy(true);
    setError(null);
    const date = scheduledStartOf({ day: next.date?.toString() ?? null, time: next.time ? next.time.toString().slice(0, 5) : null }, workspaceTimeZone());
    if (date === 'time-needs-day') {
      setTimeError(t('closing.nextMeetingTimeNeedsDate'));
      setBusy(false);
      return;
    }
    try {
      closing.setNextMeeting({ date, place: next.place.trim(), text: next.text.trim() });
    } catch (e) {
      setError(t('closing.failed', { message: e instanceof Error ? e.message : String(e) }));
      setBusy(false);
      return;
    }
    // Fixes made a moment ago must reach the server before it checks the list.
    const saved = await whenSaved();
    if (saved !== 'saved') {
      setError(t('closing.notSaved', { status: t(`connection.${saved}`) }));
      setBusy(false);
      return;
    }
    try {
      await endMeetingOnServer(meetingId);
      // The ended status arrives through the document; the room turns into the minutes.
    } catch (e) {
      setError(t('closing.failed', { message: e instanceof Error ? e.message : String(e) }));
      setBusy(false);
    }
  }

  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable={!busy} onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal closing-modal">
        <Dialog className="dialog closing-dialog" role="alertdialog" data-testid="closing-dialog">
          <Heading slot="title" className="dialog__title">{t('closing.title')}</Heading>
          <p className="dialog__body">{checklist.gaps.length === 0 ? t('closing.allClear') : t('closing.intro')}</p>
          <section aria-label={t('closing.checklist')}>
            <ul className="closing-checks">
              {checklist.checks.map((check) => (
                <CheckRow key={check.kind} check={check} />
              ))}
            </ul>
          </section>
          <NextMeetingFields
            value={next}
            timeError={timeError}
            onChange={(value) => {
              setNext(value);
              setTimeError(null);
            }}
          />
          <p className="closing-dialog__note">{t('closing.freezes')}</p>
          {!checklist.ready && <p className="closing-dialog__blocked" role="status">{t('closing.openGaps')}</p>}
          {error && <p className="notice notice--danger" role="alert">{error}</p>}
          <div className="dialog__actions">
            <Button variant="quiet" onPress={onClose} isDisabled={busy}>{t('closing.cancel')}</Button>
            <Button variant="primary" onPress={() => void end()} isDisabled={!checklist.ready || busy}>
              {busy ? t('closing.ending') : t('closing.confirm')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function CheckRow({ check }: { check: ClosingCheck }) {
  const { t } = useTranslation();
  const open = check.gaps.filter((g) => g.override === null).length;
  const accepted = check.gaps.length - open;
  const state = open > 0 ? 'open' : check.gaps.length > 0 ? 'accepted' : check.checked === 0 ? 'none' : 'ok';
  const summary =
    state === 'ok'
      ? t('closing.checkOk')
      : state === 'none'
        ? t('closing.checkNothing')
        : [open > 0 ? t('closing.checkMissing', { count: open }) : null, accepted > 0 ? `${accepted} ${t('closing.checkAccepted')}` : null]
            .filter(Boolean)
            .join(' · ');
  return (
    <li className={`closing-check closing-check--${state}`} data-testid={`check-${check.kind}`} data-state={state}>
      <div className="closing-check__head">
        <span className="closing-check__icon" aria-hidden="true">{state === 'open' ? '!' : '✓'}</span>
        <span className="closing-check__label">{t(`closing.checks.${check.kind}`)}</span>
        <span className="closing-check__summary">{summary}</span>
      </div>
      {check.gaps.length > 0 && (
        <ul className="closing-gaps">
          {check.gaps.map((gap) => (
            <GapRow key={gap.id} gap={gap} />
          ))}
        </ul>
      )}
    </li>
  );
}

function GapRow({ gap }: { gap: ClosingGap }) {
  const { t } = useTranslation();
  const closing = useClosingCommands();
  return (
    <li className="closing-gap" data-testid="closing-gap" data-gap={gap.id} data-state={gap.override ? 'accepted' : 'open'}>
      <div className="closing-gap__subject">
        <span className="closing-gap__kind">{t(`closing.gapKind.${gap.kind}`)}</span>
        <span className="closing-gap__text">{gap.subject}</span>
      </div>
      {gap.override ? (
        <div className="closing-gap__accepted">
          <span>
            {gap.override.by
              ? t('closing.acceptedBy', { name: gap.override.by, reason: gap.override.reason })
              : t('closing.accepted', { reason: gap.override.reason })}
          </span>
          <Button size="sm" variant="quiet" onPress={() => closing.withdrawOverride(gap.id)}>{t('closing.withdraw')}</Button>
        </div>
      ) : (
        <div className="closing-gap__actions">
          <GapFix gap={gap} />
          <AcceptWithReason gapId={gap.id} />
        </div>
      )}
    </li>
  );
}

function GapFix({ gap }: { gap: ClosingGap }) {
  switch (gap.kind) {
    case 'action-owner':
      return <OwnerFix actionItemId={gap.subjectId} />;
    case 'action-due-date':
      return <DueDateFix actionItemId={gap.subjectId} />;
    case 'decision-decider':
      return <DeciderFix decisionId={gap.subjectId} />;
    case 'kpi-countermeasure':
      return <CountermeasureFix kpiId={gap.subjectId} kpiName={gap.subject} />;
  }
}

/** A one-line form: Enter or the button submits. */
function InlineForm({ onSubmit, children, submitLabel, testId }: { onSubmit(): boolean; children: ReactNode; submitLabel: string; testId: string }) {
  return (
    <form
      className="closing-form"
      data-testid={testId}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <Button type="submit" size="sm">{submitLabel}</Button>
    </form>
  );
}

function OwnerFix({ actionItemId }: { actionItemId: string }) {
  const { t } = useTranslation();
  const actionItems = useActionItemCommands();
  const attendees = useAttendees();
  const [name, setName] = useState('');
  const [department, setDepartment] = useState('');
  const listId = `closing-attendees-${actionItemId}`;
  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return false;
    const known = attendees.find((a) => a.name === trimmed);
    actionItems.update(actionItemId, { owner: { name: trimmed, department: department.trim() || known?.department || '' } });
    return true;
  };
  return (
    <InlineForm onSubmit={save} submitLabel={t('closing.save')} testId="fix-owner">
      <TextField label={t('closing.ownerName')} value={name} onChange={setName} inputProps={{ list: listId }} className="closing-form__grow" />
      <datalist id={listId}>
        {attendees.map((a) => (
          <option key={a.id} value={a.name} />
        ))}
      </datalist>
      <TextField label={t('closing.ownerDepartment')} value={department} onChange={setDepartment} className="closing-form__grow" />
    </InlineForm>
  );
}

function DueDateFix({ actionItemId }: { actionItemId: string }) {
  const { t } = useTranslation();
  const actionItems = useActionItemCommands();
  // Kept here until saved: a date picker reports a complete date after each typed digit.
  const [due, setDue] = useState<CalendarDate | null>(null);
  return (
    <InlineForm
      testId="fix-due-date"
      submitLabel={t('closing.save')}
      onSubmit={() => {
        if (!due) return false;
        actionItems.update(actionItemId, { dueDate: due.toString() });
        return true;
      }}
    >
      <DatePickerField label={t('closing.dueDate')} value={due} onChange={setDue} />
    </InlineForm>
  );
}

function DeciderFix({ decisionId }: { decisionId: string }) {
  const { t } = useTranslation();
  const decisions = useDecisionCommands();
  const [name, setName] = useState('');
  return (
    <InlineForm
      testId="fix-decider"
      submitLabel={t('closing.save')}
      onSubmit={() => {
        if (!name.trim()) return false;
        decisions.update(decisionId, { decidedBy: name.trim() });
        return true;
      }}
    >
      <TextField label={t('closing.decidedBy')} value={name} onChange={setName} className="closing-form__grow" />
    </InlineForm>
  );
}

function CountermeasureFix({ kpiId, kpiName }: { kpiId: string; kpiName: string }) {
  const { t } = useTranslation();
  const kpis = useKpiCommands();
  const [title, setTitle] = useState(() => t('closing.countermeasureDefault', { name: kpiName }));
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState<CalendarDate | null>(null);
  return (
    <InlineForm
      testId="fix-countermeasure"
      submitLabel={t('closing.addCountermeasure')}
      onSubmit={() => {
        if (!title.trim()) return false;
        // One transaction: the action item, linked to the KPI and named as its countermeasure
        // (without an owner here, the KPI's owner).
        kpis.addCountermeasure(kpiId, {
          title: title.trim(),
          ...(owner.trim() ? { owner: { name: owner.trim(), department: '' } } : {}),
          dueDate: due ? due.toString() : null,
        });
        return true;
      }}
    >
      <TextField label={t('closing.countermeasureTitle')} value={title} onChange={setTitle} className="closing-form__wide" />
      <TextField label={t('closing.ownerName')} value={owner} onChange={setOwner} className="closing-form__grow" />
      <DatePickerField label={t('closing.dueDate')} value={due} onChange={setDue} />
    </InlineForm>
  );
}

function AcceptWithReason({ gapId }: { gapId: string }) {
  const { t } = useTranslation();
  const closing = useClosingCommands();
  const me = useIdentity();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <Button size="sm" variant="quiet" className="closing-gap__accept" onPress={() => setOpen(true)}>
        {t('closing.accept')}
      </Button>
    );
  }
  return (
    <InlineForm
      testId="accept-gap"
      submitLabel={t('closing.acceptSubmit')}
      onSubmit={() => {
        if (!reason.trim()) {
          setError(t('closing.reasonRequired'));
          return false;
        }
        closing.override(gapId, reason.trim(), me.name ?? '');
        return true;
      }}
    >
      <TextField
        label={t('closing.reason')}
        placeholder={t('closing.reasonPlaceholder')}
        value={reason}
        onChange={(value) => {
          setReason(value);
          setError(null);
        }}
        errorMessage={error}
        maxLength={1000}
        autoFocus
        className="closing-form__wide"
      />
    </InlineForm>
  );
}

interface NextMeetingDraft {
  date: CalendarDate | null;
  time: Time | null;
  place: string;
  text: string;
}

/** 次回予定 for the minutes and the series' next meeting; written to the document when the meeting is ended. */
function NextMeetingFields({ value, timeError, onChange }: { value: NextMeetingDraft; timeError: string | null; onChange(value: NextMeetingDraft): void }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <section className="closing-next" aria-label={t('closing.nextMeeting')}>
      <h3 className="closing-next__title">{t('closing.nextMeeting')}</h3>
      <div className="closing-form">
        <DatePickerField label={t('closing.nextMeetingDate')} value={value.date} onChange={(date) => onChange({ ...value, date })} />
        <TimeField<Time>
          label={t('closing.nextMeetingTime')}
          value={value.time}
          onChange={(time) => onChange({ ...value, time })}
          hourCycle={language === 'ja' ? 24 : undefined}
          errorMessage={timeError}
        />
        <TextField label={t('closing.nextMeetingPlace')} value={value.place} onChange={(place) => onChange({ ...value, place })} maxLength={500} className="closing-form__grow" />
        <TextField
          label={t('closing.nextMeetingNote')}
          placeholder={t('closing.nextMeetingNotePlaceholder')}
          value={value.text}
          onChange={(text) => onChange({ ...value, text })}
          maxLength={1000}
          className="closing-form__wide"
        />
      </div>
      <p className="field__description">{t('closing.nextMeetingHint', { zone: describeTimeZone(workspaceTimeZone(), language) })}</p>
    </section>
  );
}

function DatePickerField({ label, value, onChange }: { label: string; value?: CalendarDate | null; onChange(date: CalendarDate | null): void }) {
  const { t } = useTranslation();
  return (
    <DateTimePicker<CalendarDate>
      label={label}
      granularity="day"
      {...(value !== undefined ? { value } : {})}
      onChange={onChange}
      previousLabel={t('closing.previousMonth')}
      nextLabel={t('closing.nextMonth')}
    />
  );
}
