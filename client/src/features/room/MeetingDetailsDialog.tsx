import { useState, type FormEvent } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { parseDate, parseTime, type CalendarDate, type Time } from '@internationalized/date';
import { describeTimeZone } from '@suishin/shared/export';
import type { MeetingMeta } from '@suishin/shared';
import { useTranslation } from '../../i18n/useTranslation';
import { workspaceTimeZone } from '../../i18n/timeZone';
import { useMetaCommands } from '../../meeting/hooks/useMeta';
import { useUiStore } from '../../state/uiStore';
import { Button } from '../../ui/Button';
import { DateTimePicker } from '../../ui/DateTimePicker';
import { TextField } from '../../ui/TextField';
import { TimeField } from '../../ui/TimeField';
import { scheduleParts, scheduledStartOf } from './meetingSchedule';
import './meetingDetails.css';

/**
 * A facilitator changes the meeting's title, date, start time and place, before it and while it
 * runs. The time is in the workspace's zone (named under the field), as everyone sees it.
 */
export function MeetingDetailsDialog({ meta, onClose }: { meta: MeetingMeta; onClose(): void }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const commands = useMetaCommands();
  const zone = workspaceTimeZone();
  const initial = scheduleParts(meta.scheduledStart, zone);
  const [title, setTitle] = useState(meta.title);
  const [day, setDay] = useState<CalendarDate | null>(initial.day ? parseDate(initial.day) : null);
  const [time, setTime] = useState<Time | null>(initial.time ? parseTime(initial.time) : null);
  const [place, setPlace] = useState(meta.place);
  const [errors, setErrors] = useState<{ title?: string; time?: string; form?: string }>({});

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setErrors({ title: t('meetingDetails.titleRequired') });
      return;
    }
    const scheduledStart = scheduledStartOf({ day: day?.toString() ?? null, time: time ? time.toString().slice(0, 5) : null }, zone);
    if (scheduledStart === 'time-needs-day') {
      setErrors({ time: t('meetingDetails.timeNeedsDate') });
      return;
    }
    try {
      commands.update({ title: title.trim(), scheduledStart, place: place.trim() });
      onClose();
    } catch (error) {
      setErrors({ form: t('meetingDetails.failed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal">
        <Dialog className="dialog" data-testid="meeting-details-dialog">
          <Heading slot="title" className="dialog__title">{t('meetingDetails.heading')}</Heading>
          <form className="form" onSubmit={save} noValidate>
            <TextField
              label={t('meetingDetails.title')}
              value={title}
              onChange={(value) => {
                setTitle(value);
                setErrors({});
              }}
              maxLength={500}
              autoFocus
              errorMessage={errors.title}
            />
            <div className="meeting-details__when">
              <DateTimePicker<CalendarDate>
                label={t('meetingDetails.date')}
                granularity="day"
                value={day}
                onChange={(value) => {
                  setDay(value);
                  setErrors({});
                }}
                previousLabel={t('meetingDetails.previousMonth')}
                nextLabel={t('meetingDetails.nextMonth')}
              />
              <TimeField<Time>
                label={t('meetingDetails.time')}
                value={time}
                onChange={(value) => {
                  setTime(value);
                  setErrors({});
                }}
                hourCycle={language === 'ja' ? 24 : undefined}
                errorMessage={errors.time}
              />
            </div>
            <p className="field__description" data-testid="meeting-details-zone">{t('meetingDetails.timeHint', { zone: describeTimeZone(zone, language) })}</p>
            {day && (
              <Button size="sm" variant="quiet" className="meeting-details__clear" onPress={() => { setDay(null); setTime(null); }}>
                {t('meetingDetails.clearDate')}
              </Button>
            )}
            <TextField label={t('meetingDetails.place')} placeholder={t('meetingDetails.placePlaceholder')} value={place} onChange={setPlace} maxLength={500} />
            {errors.form && <p className="notice notice--danger" role="alert">{errors.form}</p>}
            <div className="dialog__actions">
              <Button variant="quiet" onPress={onClose}>{t('meetingDetails.cancel')}</Button>
              <Button variant="primary" type="submit">{t('meetingDetails.save')}</Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

export default MeetingDetailsDialog;
