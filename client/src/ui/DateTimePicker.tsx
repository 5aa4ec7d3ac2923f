import type { ReactNode } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  type DatePickerProps,
  type DateValue,
} from 'react-aria-components';

export interface DateTimePickerProps<T extends DateValue> extends Omit<DatePickerProps<T>, 'children'> {
  label: ReactNode;
  previousLabel: string;
  nextLabel: string;
  /** Why the value is not accepted: shown under the field and its accessible description. */
  errorMessage?: string | null;
}

/**
 * A date-and-time field with a calendar popover. Segments, order and the 12/24-hour clock follow
 * the locale of the nearest I18nProvider (the app's language), not the browser's, which is what
 * a native `datetime-local` input would use: a Japanese page shows 年/月/日 and a 24-hour clock.
 * The one date widget of the app, with one focus ring: the group's (styles.css, "date-time picker").
 */
export function DateTimePicker<T extends DateValue>({ label, previousLabel, nextLabel, errorMessage, className, ...props }: DateTimePickerProps<T>) {
  return (
    <DatePicker {...props} isInvalid={errorMessage ? true : props.isInvalid} className={['field', 'date-picker', className].filter(Boolean).join(' ')}>
      <Label className="field__label">{label}</Label>
      <Group className="date-picker__group">
        <DateInput className="date-picker__input">
          {(segment) => <DateSegment segment={segment} className="date-picker__segment" />}
        </DateInput>
        <Button className="date-picker__button">
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <rect x="2" y="3" width="12" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
        </Button>
      </Group>
      <FieldError className="field__error">{errorMessage || undefined}</FieldError>
      <Popover className="popover" placement="bottom start">
        <Dialog className="calendar-dialog">
          <Calendar className="calendar">
            <header className="calendar__header">
              <Button slot="previous" className="calendar__nav" aria-label={previousLabel}>‹</Button>
              <Heading className="calendar__heading" />
              <Button slot="next" className="calendar__nav" aria-label={nextLabel}>›</Button>
            </header>
            <CalendarGrid className="calendar__grid">
              {(date) => <CalendarCell date={date} className="calendar__cell" />}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}
