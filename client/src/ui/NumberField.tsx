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
import { stepToMultiple } from './stepToMultiple';

export interface NumberFieldProps extends Omit<AriaNumberFieldProps, 'children'> {
  label: ReactNode;
  hideLabel?: boolean;
  /** Why the value is not accepted: shown under the field and its accessible description. */
  errorMessage?: string | null;
  /**
   * The − / + buttons move to the previous / next multiple of this (5: 3 → 5 → 10), while typing
   * keeps any value the field's `step` allows (react-aria snaps a typed value to `step`, so a
   * timebox typed as 3 with step 5 became 5, and 1 became 0). Needs `value` (a controlled field).
   */
  buttonStep?: { by: number; decrementLabel: string; incrementLabel: string };
}

export function NumberField({ label, hideLabel, errorMessage, buttonStep, className, ...props }: NumberFieldProps) {
  return (
    <AriaNumberField {...props} isInvalid={errorMessage ? true : props.isInvalid} className={['field', 'number-field', className].filter(Boolean).join(' ')}>
      <Label className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</Label>
      <Group className="number-field__group">
        {buttonStep ? <StepButton {...props} buttonStep={buttonStep} direction={-1} /> : <Button slot="decrement" className="number-field__step">−</Button>}
        <Input className="field__input number-field__input" />
        {buttonStep ? <StepButton {...props} buttonStep={buttonStep} direction={1} /> : <Button slot="increment" className="number-field__step">+</Button>}
      </Group>
      <FieldError className="field__error">{errorMessage || undefined}</FieldError>
    </AriaNumberField>
  );
}

function StepButton({ value, minValue, maxValue, isDisabled, isReadOnly, onChange, buttonStep, direction }: Pick<NumberFieldProps, 'value' | 'minValue' | 'maxValue' | 'isDisabled' | 'isReadOnly' | 'onChange'> & { buttonStep: NonNullable<NumberFieldProps['buttonStep']>; direction: 1 | -1 }) {
  const current = value !== undefined && Number.isFinite(value) ? value : (minValue ?? 0);
  const next = stepToMultiple(current, buttonStep.by, direction, minValue, maxValue);
  // A plain button: react-aria's own step buttons (slots) would step by the field's `step`.
  return (
    <button
      type="button"
      tabIndex={-1}
      className="number-field__step"
      aria-label={direction > 0 ? buttonStep.incrementLabel : buttonStep.decrementLabel}
      disabled={isDisabled || isReadOnly || next === current}
      onClick={() => onChange?.(next)}
    >
      <span aria-hidden="true">{direction > 0 ? '+' : '−'}</span>
    </button>
  );
}
