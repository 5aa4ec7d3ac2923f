import { parseDate, type CalendarDate } from '@internationalized/date';
import { useTranslation } from 'react-i18next';
import { DateTimePicker } from '../../ui/DateTimePicker';
import { Button } from '../../ui/Button';

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
      <DateTimePicker<CalendarDate>
        label={label}
        value={date}
        granularity="day"
        onChange={(next) => {
          const iso = next ? next.toString() : null;
          if (iso !== value) onChange(iso);
        }}
        previousLabel={t('newMeeting.previousMonth')}
        nextLabel={t('newMeeting.nextMonth')}
      />
      {date && (
        <Button size="sm" variant="quiet" className="date-field__clear" onPress={() => onChange(null)} aria-label={t('outcomes.clearDate', { label })}>
          <span aria-hidden="true">×</span>
        </Button>
      )}
    </div>
  );
}
