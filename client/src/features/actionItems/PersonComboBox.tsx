import { useMemo, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, useFilter } from 'react-aria-components';
import type { Attendee } from '../../meeting/hooks/useAttendees';

export interface PersonComboBoxProps {
  label: ReactNode;
  hideLabel?: boolean;
  /** The name in the field. */
  value: string;
  attendees: readonly Attendee[];
  /** The person typed: any name is allowed (people from other departments need no account). */
  onInput(name: string): void;
  /** The person picked an attendee from the list. */
  onPick(attendee: Attendee): void;
  placeholder?: string;
  className?: string;
  autoFocus?: boolean;
  /** Message shown under the field (e.g. a refused write). */
  error?: string | null;
  inputHandlers?: {
    onBlur?(event: FocusEvent<HTMLInputElement>): void;
    onCompositionStart?(): void;
    onCompositionEnd?(): void;
    onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  };
  testId?: string;
}

/**
 * A name field that suggests the meeting's attendees (with their department) and accepts any
 * other name typed in: react-aria's ComboBox with a custom value. Suggestions are filtered with
 * react-aria's locale-aware "contains" on the name or department, so "佐" finds 佐藤, "sa" finds
 * Sato and "営業" everyone in sales; a name nobody matches closes the list instead of hiding the
 * rest of the form behind it.
 */
export function PersonComboBox({ label, hideLabel, value, attendees, onInput, onPick, placeholder, className, autoFocus, error, inputHandlers, testId }: PersonComboBoxProps) {
  const { contains } = useFilter({ sensitivity: 'base' });
  const suggestions = useMemo(() => {
    const typed = value.trim();
    // Empty, or exactly someone's name (just picked): offer everyone.
    if (typed === '' || attendees.some((a) => a.name === typed)) return attendees;
    return attendees.filter((a) => contains(a.name, typed) || contains(a.department, typed));
  }, [attendees, value, contains]);
  return (
    <ComboBox
      className={['field', 'person-combobox', className].filter(Boolean).join(' ')}
      items={suggestions}
      inputValue={value}
      onInputChange={onInput}
      allowsCustomValue
      allowsEmptyCollection={false}
      menuTrigger="focus"
      isInvalid={!!error}
      onChange={(key) => {
        const attendee = attendees.find((a) => a.id === key);
        if (attendee) onPick(attendee);
      }}
      data-testid={testId}
    >
      <Label className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</Label>
      <div className="person-combobox__group">
        <Input
          className="field__input person-combobox__input"
          placeholder={placeholder}
          autoFocus={autoFocus}
          onBlur={inputHandlers?.onBlur}
          onCompositionStart={inputHandlers?.onCompositionStart}
          onCompositionEnd={inputHandlers?.onCompositionEnd}
          onKeyDown={inputHandlers?.onKeyDown}
        />
        <Button className="person-combobox__button">
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><path d="M3 4.5l3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" /></svg>
        </Button>
      </div>
      <FieldError className="field__error">{error || undefined}</FieldError>
      <Popover className="popover person-combobox__popover" placement="bottom start">
        <ListBox className="person-combobox__list">
          {(attendee: Attendee) => (
            <ListBoxItem id={attendee.id} textValue={attendee.name} className="person-combobox__option">
              <span className="person-combobox__name">{attendee.name}</span>
              {attendee.department && <span className="person-combobox__department">{attendee.department}</span>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
