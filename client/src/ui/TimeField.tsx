import type { ReactNode } from 'react';
import { DateInput, DateSegment, FieldError, Label, Text, TimeField as AriaTimeField, type TimeFieldProps as AriaTimeFieldProps, type TimeValue } from 'react-aria-components';

export interface TimeFieldProps<T extends TimeValue> extends Omit<AriaTimeFieldProps<T>, 'children'> {
  label: ReactNode;
  description?: ReactNode;
  errorMessage?: string | null;
}

/**
 * A time of day in the app's language (24-hour in Japanese), with the date field's look and its
 * one focus ring (DateTimePicker). Its error, when given, is shown under it and is the field's
 * accessible description.
 */
export function TimeField<T extends TimeValue>({ label, description, errorMessage, className, ...props }: TimeFieldProps<T>) {
  return (
    <AriaTimeField {...props} isInvalid={errorMessage ? true : props.isInvalid} className={['field', 'date-picker', className].filter(Boolean).join(' ')}>
      <Label className="field__label">{label}</Label>
      <div className="date-picker__group">
        <DateInput className="date-picker__input">
          {(segment) => <DateSegment segment={segment} className="date-picker__segment" />}
        </DateInput>
      </div>
      {description && <Text slot="description" className="field__description">{description}</Text>}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTimeField>
  );
}
