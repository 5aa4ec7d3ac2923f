import type { ReactNode } from 'react';
import {
  Button,
  FieldError,
  Group,
  Input,
  Label,
  NumberField as AriaNumberField,
  type NumberFieldProps as AriaNumberFieldProps,
} from 'react-aria-components';

export interface NumberFieldProps extends Omit<AriaNumberFieldProps, 'children'> {
  label: ReactNode;
  hideLabel?: boolean;
}

export function NumberField({ label, hideLabel, className, ...props }: NumberFieldProps) {
  return (
    <AriaNumberField {...props} className={['field', 'number-field', className].filter(Boolean).join(' ')}>
      <Label className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</Label>
      <Group className="number-field__group">
        <Button slot="decrement" className="number-field__step">−</Button>
        <Input className="field__input number-field__input" />
        <Button slot="increment" className="number-field__step">+</Button>
      </Group>
      <FieldError className="field__error" />
    </AriaNumberField>
  );
}
