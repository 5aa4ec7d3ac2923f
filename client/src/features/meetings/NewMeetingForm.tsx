import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from '../../i18n/useTranslation';
import { Form } from 'react-aria-components';
import { AppLocale } from '../../ui/AppLocale';
import type { CalendarDateTime } from '@internationalized/date';
import { workspaceTimeZone } from '../../i18n/timeZone';
import { useUiStore } from '../../state/uiStore';
import { Button } from '../../ui/Button';
import { DateTimePicker } from '../../ui/DateTimePicker';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { TextField } from '../../ui/TextField';
import type { CreateMeetingRequest } from '@suishin/shared/protocol';
import { ApiError } from '../../api/apiError';
import { createMeeting } from './meetingsApi';

type FieldErrors = Record<string, string>;

/**
 * Creating a meeting. Loaded lazily by the meetings page: its widgets (react-aria's date picker
 * and calendar) would otherwise make the list page's first load several times heavier.
 */
export default function NewMeetingForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const uiLanguage = useUiStore((s) => s.language);
  const [title, setTitle] = useState('');
  const [scheduledStart, setScheduledStart] = useState<CalendarDateTime | null>(null);
  const [place, setPlace] = useState('');
  const [departments, setDepartments] = useState('');
  const [language, setLanguage] = useState<'ja' | 'en'>(uiLanguage);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (title.trim() === '') {
      setErrors({ title: t('newMeeting.titleRequired') });
      return;
    }
    const input: CreateMeetingRequest = { title: title.trim(), language };
    if (scheduledStart) input.scheduledStart = scheduledStart.toDate(workspaceTimeZone()).toISOString();
    if (place.trim()) input.place = place.trim();
    const departmentList = departments.split(/[,、，]/).map((d) => d.trim()).filter(Boolean);
    if (departmentList.length > 0) input.departments = departmentList;

    setSubmitting(true);
    setErrors({});
    setFormError(null);
    try {
      const { id } = await createMeeting(input);
      void navigate(`/meetings/${encodeURIComponent(id)}`);
    } catch (error) {
      setSubmitting(false);
      if (error instanceof ApiError && error.field) {
        setErrors({ [error.field.split('.')[0]!]: error.message });
      } else {
        setFormError(t('newMeeting.failed', { message: error instanceof Error ? error.message : String(error) }));
      }
    }
  }

  return (
    <AppLocale>
    <Form className="form" data-prefetch-room validationErrors={errors} onSubmit={onSubmit} validationBehavior="aria">
      <TextField
        name="title"
        label={t('newMeeting.title')}
        placeholder={t('newMeeting.titlePlaceholder')}
        value={title}
        onChange={(value) => {
          setTitle(value);
          if (errors.title) setErrors(({ title: _, ...rest }) => rest);
        }}
        isRequired
        autoFocus
      />
      <DateTimePicker<CalendarDateTime>
        name="scheduledStart"
        label={t('newMeeting.scheduledStart')}
        previousLabel={t('newMeeting.previousMonth')}
        nextLabel={t('newMeeting.nextMonth')}
        granularity="minute"
        value={scheduledStart}
        onChange={setScheduledStart}
      />
      <TextField name="place" label={t('newMeeting.place')} placeholder={t('newMeeting.placePlaceholder')} value={place} onChange={setPlace} />
      <TextField
        name="departments"
        label={t('newMeeting.departments')}
        description={t('newMeeting.departmentsHint')}
        value={departments}
        onChange={setDepartments}
      />
      <div className="field">
        <span className="field__label" id="minutes-language-label">{t('newMeeting.language')}</span>
        <SegmentedControl<'ja' | 'en'>
          label={t('newMeeting.language')}
          value={language}
          options={[{ value: 'ja' as const, label: '日本語' }, { value: 'en' as const, label: 'English' }]}
          onChange={setLanguage}
        />
      </div>
      {formError && <p className="notice notice--danger" role="alert">{formError}</p>}
      <Button type="submit" variant="primary" isDisabled={submitting} className="form__submit">
        {submitting ? t('newMeeting.submitting') : t('newMeeting.submit')}
      </Button>
    </Form>
    </AppLocale>
  );
}
