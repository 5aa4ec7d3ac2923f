import type { HTMLAttributes, ReactNode, Ref } from 'react';
import {
  FieldError,
  Input,
  TextArea,
  Label,
  Text,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children'> {
  label: ReactNode;
  description?: ReactNode;
  /**
   * Why the value is not accepted: shown under the field and made its accessible description
   * (react-aria links it with aria-describedby); the field is invalid while it is set.
   */
  errorMessage?: string | null;
  placeholder?: string;
  /** Hide the label visually; it stays the accessible name. */
  hideLabel?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  inputClassName?: string;
  /** Extra DOM props for the input (e.g. composition handlers for IME-aware fields). */
  inputProps?: Pick<HTMLAttributes<HTMLElement>, 'onCompositionStart' | 'onCompositionEnd' | 'onKeyDown' | 'onFocus' | 'onBlur'> & { list?: string };
  /**
   * One line of text that wraps instead of being cut (a title on a narrow screen): a one-row
   * textarea that grows with its text. The caller keeps Enter from adding a line.
   */
  wrap?: boolean;
}

export function TextField({ label, description, errorMessage, placeholder, hideLabel, inputRef, inputClassName, inputProps, wrap, className, ...props }: TextFieldProps) {
  const inputClass = ['field__input', wrap && 'field__input--wrap', inputClassName].filter(Boolean).join(' ');
  return (
    <AriaTextField {...props} isInvalid={errorMessage ? true : props.isInvalid} className={['field', className].filter(Boolean).join(' ')}>
      <Label className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</Label>
      {wrap ? (
        <TextArea {...inputProps} rows={1} className={inputClass} placeholder={placeholder} />
      ) : (
        <Input {...inputProps} ref={inputRef} className={inputClass} placeholder={placeholder} />
      )}
      {description && <Text slot="description" className="field__description">{description}</Text>}
      <FieldError className="field__error">{errorMessage || undefined}</FieldError>
    </AriaTextField>
  );
}
