import type { ReactNode } from 'react';
import { FieldError, Label, Text, TextArea, TextField as AriaTextField, type TextFieldProps as AriaTextFieldProps } from 'react-aria-components';

export interface TextAreaFieldProps extends Omit<AriaTextFieldProps, 'children'> {
  label: ReactNode;
  description?: ReactNode;
  errorMessage?: string | null;
  rows?: number;
}

/** A multi-line text field with its label, description and error (react-aria links them). */
export function TextAreaField({ label, description, errorMessage, rows = 3, className, ...props }: TextAreaFieldProps) {
  return (
    <AriaTextField {...props} isInvalid={errorMessage ? true : props.isInvalid} className={['field', className].filter(Boolean).join(' ')}>
      <Label className="field__label">{label}</Label>
      <TextArea className="field__input field__textarea" rows={rows} />
      {description && <Text slot="description" className="field__description">{description}</Text>}
      <FieldError className="field__error">{errorMessage || undefined}</FieldError>
    </AriaTextField>
  );
}
