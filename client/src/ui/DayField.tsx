import { parseDate, type CalendarDate } from '@internationalized/date';
import { Button } from './Button';
import { DateTimePicker } from './DateTimePicker';

export interface DayFieldProps {
  label: string;
  /** "YYYY-MM-DD", or "" for none. */
  value: string;
  onChange(value: string): void;
  /** Bounds, "YYYY-MM-DD" or "". */
  min?: string;
  max?: string;
  previousLabel: string;
  nextLabel: string;
  /** The clear button's accessible name, e.g. "Clear From". */
  clearLabel: string;
}

function toDate(value: string | undefined): CalendarDate | null {
  if (!value) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/**
 * A calendar day in the app's language (the nearest I18nProvider: put it under AppLocale), the
 * same react-aria date field and calendar as every other date of the app, with a clear button.
 * Values are plain "YYYY-MM-DD" strings, as URLs and the API carry them.
 */
export function DayField({ label, value, onChange, min, max, previousLabel, nextLabel, clearLabel }: DayFieldProps) {
  const date = toDate(value);
  return (
    <div className="day-field">
      <DateTimePicker
        label={label}
        value={date}
        granularity="day"
        minValue={toDate(min)}
        maxValue={toDate(max)}
        onChange={(next) => onChange(next ? next.toString().slice(0, 10) : '')}
        previousLabel={previousLabel}
        nextLabel={nextLabel}
      />
      {date && (
        <Button size="sm" variant="quiet" className="day-field__clear" onPress={() => onChange('')} aria-label={clearLabel}>
          <span aria-hidden="true">×</span>
        </Button>
      )}
    </div>
  );
}
