import { lazy, Suspense } from 'react';
import { parseDate, type CalendarDate } from '@internationalized/date';
import { useTranslation } from '../../i18n/useTranslation';
import { Button } from '../../ui/Button';

// The calendar (react-aria's DatePicker and @internationalized/date's calendars) loads when a
// date field is first shown, not with the room: it is ~80 ms of script evaluation on a laptop.
const DateTimePicker = lazy(() => import('../../ui/DateTimePicker').then((m) => ({ default: m.DateTimePicker })));

export interface DateFieldProps {
  label: string;
  /** ISO date (YYYY-MM-DD) or null. */
  value: string | null;
  onChange(value: string | null): void;
  className?: string;
}

function toCalendarDate(value: string | null): CalendarDate | null {
  if (!value) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/**
 * A date (no time) with a calendar popover, in the app's language through the room's
 * I18nProvider: a Japanese page shows 年/月/日 and a Japanese calendar whatever the browser's
 * locale. A clear button sets it back to "no date".
 */
export function DateField({ label, value, onChange, className }: DateFieldProps) {
  const { t } = useTranslation();
  const date = toCalendarDate(value);
  return (
    <div className={['date-field', className].filter(Boolean).join(' ')}>
      <Suspense fallback={<DateFieldPlaceholder label={label} />}>
        <DateTimePicker
          label={label}
          value={date}
          granularity="day"
          onChange={(next) => {
            // granularity="day" with a CalendarDate value: always a date, never a date-time.
            const iso = next ? next.toString().slice(0, 10) : null;
            if (iso !== value) onChange(iso);
          }}
          previousLabel={t('newMeeting.previousMonth')}
          nextLabel={t('newMeeting.nextMonth')}
        />
      </Suspense>
      {date && (
        <Button size="sm" variant="quiet" className="date-field__clear" onPress={() => onChange(null)} aria-label={t('outcomes.clearDate', { label })}>
          <span aria-hidden="true">×</span>
        </Button>
      )}
    </div>
  );
}

/** Same size as the picker, so nothing moves when it arrives. */
function DateFieldPlaceholder({ label }: { label: string }) {
  return (
    <div className="field date-picker">
      <span className="field__label">{label}</span>
      <div className="date-picker__group" aria-hidden="true" />
    </div>
  );
}
